#!/usr/bin/env python3
"""One full epoch of Fashion-MNIST for LeNet-5 (28x28, ReLU, max pooling, 'same' first
convolution) with Adam at batch 32, as a learner runs it: CNN Lab's `model.fit` through
`cnnlab run`, and the same network and recipe in PyTorch (CPU) in the same run. Prints each
side's test accuracy on the 10,000 test images and its training time (images per second).

The target for CNN Lab is a test accuracy of at least 0.86 after one epoch (PyTorch and
Keras measured 0.84-0.86 on this machine). Run by hand, not in `make test`:

    pip install --no-deps torch==2.13.0+cpu    (and bench/requirements.txt)
    python3 bench/train_accuracy.py [--engine .build/release/cnnlab] [--threads 2] [--seeds 3]
"""
import argparse
import gzip
import os
import re
import statistics
import subprocess
import tempfile
import time

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"

PROGRAM = """
(x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()
x_train, x_test = x_train / 255, x_test / 255
model = Sequential([Conv2D(6, 5, padding="same", activation="relu", input_shape=(28, 28, 1), seed={seed}),
                    MaxPooling2D(2), Conv2D(16, 5, activation="relu", seed={seed1}), MaxPooling2D(2),
                    Flatten(), Dense(120, activation="relu"), Dense(84, activation="relu"),
                    Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
%time model.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0)
loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
print("RESULT", accuracy)
"""


def cnnlab(engine, seed):
    with tempfile.NamedTemporaryFile("w", suffix=".cnn", delete=False) as f:
        f.write(PROGRAM.format(seed=seed, seed1=seed + 1))
        path = f.name
    try:
        out = subprocess.run([engine, "run", path], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    accuracy = float(re.search(r"RESULT (\S+)", out).group(1))
    # IPython's format: "Wall time: 7.25 s", "1min 4s", "877 ms".
    line = re.search(r"Wall time: (.*)", out).group(1)
    units = {"h": 3600, "min": 60, "s": 1, "ms": 1e-3, "µs": 1e-6, "us": 1e-6, "ns": 1e-9}
    seconds = sum(float(n) * units[u] for n, u in re.findall(r"([0-9.]+)\s*(h|min|ms|µs|us|ns|s)", line))
    return accuracy, seconds


def idx(name):
    with gzip.open(os.path.join(DATA, name)) as f:
        data = f.read()
    return np.frombuffer(data, np.uint8, offset=16 if "images" in name else 8)


def torch_epoch(seed, threads):
    import torch
    from torch import nn
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    x = torch.tensor(idx("train-images-idx3-ubyte.gz").reshape(-1, 1, 28, 28), dtype=torch.float32) / 255
    y = torch.tensor(idx("train-labels-idx1-ubyte.gz"), dtype=torch.long)
    xt = torch.tensor(idx("t10k-images-idx3-ubyte.gz").reshape(-1, 1, 28, 28), dtype=torch.float32) / 255
    yt = torch.tensor(idx("t10k-labels-idx1-ubyte.gz"), dtype=torch.long)
    net = nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    order = torch.randperm(len(x))
    start = time.perf_counter()
    for i in range(0, len(x), 32):
        batch = order[i:i + 32]
        optimizer.zero_grad()
        loss_fn(net(x[batch]), y[batch]).backward()
        optimizer.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        accuracy = (net(xt).argmax(1) == yt).float().mean().item()
    return accuracy, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", default=".build/release/cnnlab")
    parser.add_argument("--threads", type=int, default=2, help="PyTorch's threads (CNN Lab uses both cores)")
    parser.add_argument("--seeds", type=int, default=3, help="runs per side, each with its own seed")
    args = parser.parse_args()
    rows = {"CNN Lab model.fit": [], "PyTorch": []}
    for seed in range(args.seeds):
        rows["CNN Lab model.fit"].append(cnnlab(args.engine, seed))
        rows["PyTorch"].append(torch_epoch(seed, args.threads))
    print(f"load average {os.getloadavg()[0]:.2f}; one epoch of 60,000 images, batch 32, Adam; test on 10,000")
    print("| side | test accuracy (each seed) | median | seconds (median) | images/s |")
    print("|---|---|---:|---:|---:|")
    speeds = {}
    for side, results in rows.items():
        accuracies = [a for a, _ in results]
        seconds = statistics.median(s for _, s in results)
        speeds[side] = 60000 / seconds
        print(f"| {side} | {', '.join(f'{a:.4f}' for a in accuracies)} | {statistics.median(accuracies):.4f} "
              f"| {seconds:.2f} | {speeds[side]:,.0f} |")
    print(f"ratio of images/s, CNN Lab / PyTorch: {speeds['CNN Lab model.fit'] / speeds['PyTorch']:.2f}")


if __name__ == "__main__":
    main()
