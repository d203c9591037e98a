"""Interrupting a running cell and shutting the kernel down, through jupyter_client."""
import os
import signal
import time

from jupyter_client.manager import KernelManager

from conftest import KERNEL_NAME, result_text, run_cell


def wait_busy(kc, msg_id, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input"):
            return
    raise AssertionError("the cell never started")


def reply_for(kc, msg_id, timeout=10):
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def interrupt_sleeping_cell(kc, interrupt):
    msg_id = kc.execute("sleep(30)")
    wait_busy(kc, msg_id)
    time.sleep(0.2)  # let the cell settle into its sleep
    start = time.monotonic()
    interrupt()
    reply = reply_for(kc, msg_id)
    return reply, time.monotonic() - start


def test_interrupt_request_ends_a_sleeping_cell_quickly_and_keeps_names(kernel):
    km, kc = kernel
    assert run_cell(kc, "x = 5")[0]["status"] == "ok"
    reply, elapsed = interrupt_sleeping_cell(kc, km.interrupt_kernel)
    assert reply["status"] == "error"
    assert reply["ename"] == "KeyboardInterrupt"
    assert elapsed < 0.1, f"interrupt took {elapsed * 1000:.1f} ms"
    content, outputs = run_cell(kc, "x + 1")
    assert content["status"] == "ok"
    assert result_text(outputs) == "6"


def test_sigint_also_interrupts_and_the_kernel_survives(kernel):
    km, kc = kernel
    run_cell(kc, "y = 7")
    pid = km.provisioner.pid
    reply, elapsed = interrupt_sleeping_cell(kc, lambda: os.kill(pid, signal.SIGINT))
    assert reply["ename"] == "KeyboardInterrupt"
    assert elapsed < 0.1, f"SIGINT took {elapsed * 1000:.1f} ms"
    assert result_text(run_cell(kc, "y")[1]) == "7"


def test_interrupt_reply_has_status_ok(kernel):
    km, kc = kernel
    msg = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(msg)
    reply = kc.control_channel.get_msg(timeout=5)
    assert reply["msg_type"] == "interrupt_reply"
    assert reply["content"]["status"] == "ok"


def test_shutdown_exits_within_one_second():
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    try:
        run_cell(kc, "z = 1")
        start = time.monotonic()
        kc.shutdown()
        reply = kc.control_channel.get_msg(timeout=5)
        assert reply["msg_type"] == "shutdown_reply"
        assert reply["content"] == {"status": "ok", "restart": False}
        while km.is_alive():
            assert time.monotonic() - start < 1.0, "the kernel is still running 1 s after shutdown"
            time.sleep(0.01)
        assert time.monotonic() - start < 1.0
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)


def test_restart_forgets_names_and_counts_from_one(kernel):
    km, kc = kernel
    run_cell(kc, "w = 3")
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=30)
    content, outputs = run_cell(kc, "w")
    assert content["status"] == "error"
    assert content["ename"] == "NameError"
    assert content["execution_count"] == 1
