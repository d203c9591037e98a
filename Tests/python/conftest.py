"""Shared fixtures for the tests that drive the installed CNN Lab kernel from Python.

`make test` installs the kernelspec into the venv before running these, so the kernel is
found by name exactly as JupyterLab finds it.
"""
import pytest
from jupyter_client.manager import start_new_kernel

KERNEL_NAME = "cnnlab"


@pytest.fixture
def kernel():
    """A fresh kernel and a blocking client, shut down after the test."""
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def run_cell(kc, code, timeout=15):
    """Executes `code` and returns (reply content, iopub messages of that request)."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    return reply["content"], outputs


def result_text(outputs):
    """The text/plain of the execute_result among `outputs`, or None."""
    for msg in outputs:
        if msg["msg_type"] == "execute_result":
            return msg["content"]["data"]["text/plain"]
    return None
