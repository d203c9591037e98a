"""Data-set loading benchmark: CNN Lab's fashion_mnist.load_data() beside Keras's own way of
reading the same four files (Python's gzip module and np.frombuffer, as
keras/datasets/fashion_mnist.py does), in the same run, on Debian's dataset-fashion-mnist.

CNN Lab is timed from the client as the round trip of one cell; the Python peer is timed in
this process. Keras returns uint8 arrays; CNN Lab returns float32 tensors, so the peer is also
timed with `.astype(np.float32)`, the same result CNN Lab builds. Rounds alternate the two
sides and the medians are printed with their ratio. Run by hand, not by `make test`:

    python bench/datasets_bench.py [--rounds 7]
"""
import argparse
import gzip
import statistics
import time
from pathlib import Path

import numpy as np
from jupyter_client.manager import start_new_kernel

FOLDER = Path("/usr/share/datasets/fashion-mnist")
FILES = ["train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz"]


def keras_way(as_float):
    """What keras.datasets.fashion_mnist.load_data does once the files are cached."""
    arrays = []
    for name in FILES:
        with gzip.open(FOLDER / name, "rb") as f:
            offset = 8 if "labels" in name else 16
            a = np.frombuffer(f.read(), np.uint8, offset=offset)
        if "images" in name:
            a = a.reshape(len(a) // 784, 28, 28)
        arrays.append(a.astype(np.float32) if as_float else a)
    return arrays


def run_cell(kc, code):
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    assert reply["content"]["status"] == "ok", reply["content"]
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                and msg["content"]["execution_state"] == "idle":
            return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    km, kc = start_new_kernel(kernel_name="cnnlab", startup_timeout=30)
    try:
        cell = "(x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()"
        run_cell(kc, cell)  # warm the page cache and the allocator
        times = {"cnnlab": [], "keras uint8": [], "keras float32": []}
        for _ in range(args.rounds):
            start = time.perf_counter()
            run_cell(kc, cell)
            times["cnnlab"].append(time.perf_counter() - start)
            for label, as_float in (("keras uint8", False), ("keras float32", True)):
                start = time.perf_counter()
                keras_way(as_float)
                times[label].append(time.perf_counter() - start)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    medians = {k: statistics.median(v) for k, v in times.items()}
    print(f"Fashion-MNIST, all 70,000 images and labels, median of {args.rounds} rounds")
    for label, m in medians.items():
        print(f"  {label:14s} {m * 1000:7.1f} ms   (cnnlab / this: {medians['cnnlab'] / m:.2f})")


if __name__ == "__main__":
    main()
