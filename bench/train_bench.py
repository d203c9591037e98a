#!/usr/bin/env python3
"""Times a training step of the same networks in PyTorch (CPU, two threads) and in CNN Lab's
engine, in the same run, and prints images per second and the ratio (ours / PyTorch's; the
goal is at least 2x on LeNet-5 and 1.5x on Keras's MNIST convnet).

Workloads (random inputs and labels, He-scaled weights, softmax cross-entropy on the logits):
- train_lenet5: 28x28x1, Conv2D(6, 5, same, relu), MaxPool 2, Conv2D(16, 5, valid, relu),
  MaxPool 2, Flatten, Dense 120 relu, Dense 84 relu, Dense 10; batch 32.
- train_mnist_convnet: Keras's MNIST convnet, conv 32@3x3 relu, pool, conv 64@3x3 relu,
  pool, flatten, dropout 0.5, Dense 10; batch 32.
- train_vgg16: VGG-16 on 224x224x3, batch 8, one step (reported in seconds).

On a machine that other jobs keep busy, two-thread wall times are distorted (PyTorch's
OpenMP threads wait for each other at every barrier); `--threads 1` on both sides gives
processor times per step that load hardly moves.

The engine's step is forward + backward + Keras's Adam (`cnnlab bench --json --filter NAME`,
a fresh process per workload). PyTorch is timed both ways: forward + backward, and forward +
backward + Adam (epsilon 1e-7), the figure the ratio uses.

    pip install --no-deps torch==2.13.0+cpu    (and the few packages in bench/requirements.txt)
    swift build -c release
    python3 bench/train_bench.py [--rounds 3] [--seconds 3] [--filter lenet] [--markdown]

With `--rounds N` every workload is timed N times, round after round over the list, and the
table gives medians and each ratio's range: this machine's speed changes by up to 1.5x within
minutes, and not by the same factor for both sides.
"""
import argparse
import json
import os
import statistics
import subprocess
import time

import torch
from torch import nn

BATCH = {"train_lenet5": 32, "train_mnist_convnet": 32, "train_vgg16": 8}


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10)), (1, 28, 28), 10


def mnist_convnet():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Dropout(0.5), nn.Linear(1600, 10)), (1, 28, 28), 10


def vgg16():
    layers, channels = [], 3
    for stage in [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]]:
        for filters in stage:
            layers += [nn.Conv2d(channels, filters, 3, padding=1), nn.ReLU()]
            channels = filters
        layers.append(nn.MaxPool2d(2))
    layers += [nn.Flatten(), nn.Linear(7 * 7 * 512, 4096), nn.ReLU(), nn.Linear(4096, 4096), nn.ReLU(),
               nn.Linear(4096, 1000)]
    return nn.Sequential(*layers), (3, 224, 224), 1000


MODELS = {"train_lenet5": lenet5, "train_mnist_convnet": mnist_convnet, "train_vgg16": vgg16}


def time_torch(name, seconds, with_optimizer):
    torch.manual_seed(0)
    model, shape, classes = MODELS[name]()
    model.train()
    batch = BATCH[name]
    x = torch.empty((batch, *shape)).uniform_(-1, 1)
    y = torch.randint(0, classes, (batch,))
    loss_fn = nn.CrossEntropyLoss()
    # Keras's Adam defaults (epsilon 1e-7).
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        if with_optimizer:
            optimizer.step()

    minimum = 3 if name == "train_vgg16" else 5
    for _ in range(2):
        step()
    samples, start, cpu0 = [], time.perf_counter(), time.process_time()
    while len(samples) < minimum or (time.perf_counter() - start < seconds and len(samples) < 10000):
        t0 = time.perf_counter()
        step()
        samples.append((time.perf_counter() - t0) * 1e3)
    cpu_ms = (time.process_time() - cpu0) * 1e3 / len(samples)
    return statistics.median(samples), cpu_ms


def time_engine(engine, name, seconds, threads):
    result = subprocess.run([engine, "bench", "--json", "--filter", name, "--seconds", str(seconds),
                             "--threads", str(threads)],
                            check=True, capture_output=True, text=True)
    rows = [r for r in json.loads(result.stdout)["rows"] if r["name"] == name]
    return rows[0]


def load_average():
    return os.getloadavg()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", default=".build/release/cnnlab", help="the cnnlab binary")
    parser.add_argument("--seconds", type=float, default=3.0, help="timing budget per workload and side")
    parser.add_argument("--rounds", type=int, default=1, help="rounds over the workloads; medians are reported")
    parser.add_argument("--filter", default=None, help="only workloads whose name contains this")
    parser.add_argument("--markdown", action="store_true", help="print the table as markdown")
    parser.add_argument("--threads", type=int, default=2,
                        help="threads on both sides (1 gives processor times that a busy machine hardly moves)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    names = [n for n in MODELS if args.filter is None or args.filter in n]
    rounds = {n: [] for n in names}
    for round_index in range(args.rounds):
        for name in names:
            load = load_average()
            torch_ms, torch_cpu = time_torch(name, args.seconds, with_optimizer=False)
            torch_adam_ms, _ = time_torch(name, args.seconds, with_optimizer=True)
            ours = time_engine(args.engine, name, args.seconds, args.threads)
            batch = BATCH[name]
            r = dict(torch_ms=torch_ms, torch_cpu=torch_cpu, torch_adam_ms=torch_adam_ms, ours_ms=ours["ms"],
                     ours_cpu=ours["cpu_ms"], ratio=torch_adam_ms / ours["ms"], load=load, batch=batch,
                     weight_bytes=ours["weight_bytes"], activation_bytes=ours["activation_bytes"],
                     peak=ours["peak_resident_bytes"])
            rounds[name].append(r)
            print(f"round {round_index + 1}: {name}: torch {batch * 1000 / torch_ms:8.0f} img/s "
                  f"(with Adam {batch * 1000 / torch_adam_ms:8.0f}), ours {batch * 1000 / ours['ms']:8.0f} img/s, "
                  f"ratio {r['ratio']:.2f} (load {load:.1f})", flush=True)

    def median(rows, key):
        return statistics.median(r[key] for r in rows)

    header = ["workload", "PyTorch fwd+bwd", "PyTorch +Adam", "CNN Lab +Adam", "ratio (range)",
              "cpu-ms PyTorch fwd+bwd / ours", "peak RSS (weights, activations)"]
    lines = []
    for name in names:
        rows = rounds[name]
        batch = rows[0]["batch"]
        ratios = [r["ratio"] for r in rows]

        def speed(ms):
            return f"{ms / 1000:.2f} s/step" if name == "train_vgg16" else f"{batch * 1000 / ms:,.0f} img/s"

        lines.append([
            name, speed(median(rows, "torch_ms")), speed(median(rows, "torch_adam_ms")), speed(median(rows, "ours_ms")),
            f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})",
            f"{median(rows, 'torch_cpu'):.1f} / {median(rows, 'ours_cpu'):.1f}",
            f"{rows[-1]['peak'] / 2**20:.0f} MiB ({rows[-1]['weight_bytes'] / 2**20:.1f}, "
            f"{rows[-1]['activation_bytes'] / 2**20:.1f} MiB)"])
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(str(row[i])) for row in [header] + lines) for i in range(len(header))]
        for row in [header] + lines:
            print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)))
    print(f"rounds: {args.rounds}; torch {torch.__version__}, {torch.get_num_threads()} threads")


if __name__ == "__main__":
    main()
