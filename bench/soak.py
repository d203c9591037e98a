#!/usr/bin/env python3
"""Soak test, run by hand (not part of `make test`): many cells in one kernel through
jupyter_client, alternating a trivial cell and a feature-map display of a freshly made
Conv2D layer, with the kernel's resident memory sampled every `--every` cells.

Passes when every cell's outputs came back in order (its own execute_result or display,
then idle, with execution counts 1, 2, 3, ...) and resident memory after the first sample
stays within `--tolerance` of that sample.

    .venv/bin/python bench/soak.py [--cells 10000] [--every 500] [--tolerance 0.10]
"""
import argparse
import sys
import time

from jupyter_client.manager import start_new_kernel


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def run(kc, code, timeout=30):
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=timeout)
    if reply["parent_header"].get("msg_id") != msg_id:
        raise AssertionError(f"a reply out of order: {reply['parent_header'].get('msg_id')} for {msg_id}")
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            raise AssertionError(f"an iopub message of another request: {msg['msg_type']}")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"], outputs
        if msg["msg_type"] not in ("status", "execute_input"):
            outputs.append(msg)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cells", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--tolerance", type=float, default=0.10)
    args = parser.parse_args()

    km, kc = start_new_kernel(kernel_name="cnnlab", startup_timeout=30)
    pid = km.provisioner.process.pid
    samples = []
    start = time.monotonic()
    try:
        for cell in range(1, args.cells + 1):
            if cell % 2:
                content, outputs = run(kc, f"{cell} + 0")
                results = [m for m in outputs if m["msg_type"] == "execute_result"]
                assert len(results) == 1 and results[0]["content"]["data"]["text/plain"] == str(cell), outputs
            else:
                content, outputs = run(kc, f'show(Conv2D(4, 3, seed={cell})(image("digit9")))')
                shown = [m for m in outputs if m["msg_type"] == "display_data"]
                assert len(shown) == 1 and "image/png" in shown[0]["content"]["data"], outputs
            assert content["status"] == "ok", content
            assert content["execution_count"] == cell, (content["execution_count"], cell)
            if cell % args.every == 0:
                samples.append((cell, resident_kib(pid)))
                print(f"{cell:6d} cells  {samples[-1][1] / 1024:7.2f} MiB  {time.monotonic() - start:6.1f} s", flush=True)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)

    first = samples[0][1]
    low, high = min(s for _, s in samples), max(s for _, s in samples)
    spread = (high - first) / first
    print(f"first sample {first / 1024:.2f} MiB, lowest {low / 1024:.2f}, highest {high / 1024:.2f} MiB: "
          f"{spread * 100:+.1f}% over {args.cells} cells in {time.monotonic() - start:.0f} s")
    if spread > args.tolerance:
        print(f"FAIL: resident memory grew more than {args.tolerance * 100:.0f}%")
        return 1
    print("every output in order; memory flat")
    return 0


if __name__ == "__main__":
    sys.exit(main())
