#!/usr/bin/env python3
"""Runs the engine benchmark's workloads in ONNX Runtime and in the Swift engine, in the
same run, and prints the ratio of the two times (ours / ONNX Runtime; at most 1.0 is the goal).

The workloads mirror Sources/EngineBench: batch 1, seeded random He-scaled weights, the
layer lists of LeNet-5, single-tower AlexNet and VGG-16. ONNX Runtime gets NCHW tensors and
two intra-op threads. Each workload is timed in ONNX Runtime and then in the engine (a fresh
`cnnlab bench --json --filter NAME` process), after waiting for the machine to be quiet, so
that both sides see the same load. On a machine that other jobs keep busy, wall times swing
by factors of two or more; the processor time per call (all threads) is much steadier, and
with `--no-spin` (ONNX Runtime's idle threads sleep instead of spinning) the ratio of the two
processor times estimates the ratio a quiet machine would show.

    pip install -r bench/requirements.txt
    swift build -c release
    python3 bench/onnx_bench.py [--engine .build/release/cnnlab] [--seconds 2] [--rounds 3] [--markdown]

With `--rounds N` every workload is timed N times, round after round over the list, and the
table gives the medians and each ratio's range: this machine's speed changes by up to 1.5x
within minutes, and not by the same factor for both engines.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper


# ---------------------------------------------------------------- workloads (NCHW)

def conv(rng, cin, cout, k, stride=1, pad=0, act=None):
    w = (rng.standard_normal((cout, cin, k, k)) * np.sqrt(2.0 / (cin * k * k))).astype(np.float32)
    b = (rng.standard_normal(cout) * 0.01).astype(np.float32)
    return [("conv", w, b, stride, pad)] + ([("act", act)] if act else [])


def dense(rng, n_in, n_out, act=None):
    w = (rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / n_in)).astype(np.float32)
    b = (rng.standard_normal(n_out) * 0.01).astype(np.float32)
    return [("dense", w, b)] + ([("act", act)] if act else [])


def lenet5(rng):
    return (conv(rng, 1, 6, 5, act="Tanh") + [("pool", "AveragePool", 2, 2)] + conv(rng, 6, 16, 5, act="Tanh")
            + [("pool", "AveragePool", 2, 2)] + conv(rng, 16, 120, 5, act="Tanh") + [("flatten",)]
            + dense(rng, 120, 84, "Tanh") + dense(rng, 84, 10))


def alexnet(rng):
    return (conv(rng, 3, 96, 11, 4, 0, "Relu") + [("pool", "MaxPool", 3, 2)] + conv(rng, 96, 256, 5, 1, 2, "Relu")
            + [("pool", "MaxPool", 3, 2)] + conv(rng, 256, 384, 3, 1, 1, "Relu") + conv(rng, 384, 384, 3, 1, 1, "Relu")
            + conv(rng, 384, 256, 3, 1, 1, "Relu") + [("pool", "MaxPool", 3, 2), ("flatten",)]
            + dense(rng, 9216, 4096, "Relu") + dense(rng, 4096, 4096, "Relu") + dense(rng, 4096, 1000))


def vgg16(rng):
    layers, cin = [], 3
    for stage in ([64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]):
        for cout in stage:
            layers += conv(rng, cin, cout, 3, 1, 1, "Relu")
            cin = cout
        layers.append(("pool", "MaxPool", 2, 2))
    return layers + [("flatten",)] + dense(rng, 25088, 4096, "Relu") + dense(rng, 4096, 4096, "Relu") + dense(rng, 4096, 1000)


WORKLOADS = {
    "conv3x3_64x224x224_to64": ((1, 64, 224, 224), lambda r: conv(r, 64, 64, 3, 1, 1)),
    "conv3x3_256x56x56_to256": ((1, 256, 56, 56), lambda r: conv(r, 256, 256, 3, 1, 1)),
    "conv3x3_512x14x14_to512": ((1, 512, 14, 14), lambda r: conv(r, 512, 512, 3, 1, 1)),
    "conv11x11s4_3x227x227_to96": ((1, 3, 227, 227), lambda r: conv(r, 3, 96, 11, 4, 0)),
    "conv5x5_1x32x32_to6": ((1, 1, 32, 32), lambda r: conv(r, 1, 6, 5)),
    "maxpool2x2s2_64x224x224": ((1, 64, 224, 224), lambda r: [("pool", "MaxPool", 2, 2)]),
    "lenet5": ((1, 1, 32, 32), lenet5),
    "alexnet": ((1, 3, 227, 227), alexnet),
    "vgg16": ((1, 3, 224, 224), vgg16),
}


def build_model(shape, layers):
    nodes, inits, cur = [], [], "x"
    for i, layer in enumerate(layers):
        out = f"t{i}"
        kind = layer[0]
        if kind == "conv":
            _, w, b, stride, pad = layer
            inits += [numpy_helper.from_array(w, f"w{i}"), numpy_helper.from_array(b, f"b{i}")]
            nodes.append(helper.make_node("Conv", [cur, f"w{i}", f"b{i}"], [out], kernel_shape=list(w.shape[2:]),
                                          strides=[stride, stride], pads=[pad] * 4))
        elif kind == "act":
            nodes.append(helper.make_node(layer[1], [cur], [out]))
        elif kind == "pool":
            _, op, k, s = layer
            nodes.append(helper.make_node(op, [cur], [out], kernel_shape=[k, k], strides=[s, s]))
        elif kind == "flatten":
            nodes.append(helper.make_node("Flatten", [cur], [out], axis=1))
        elif kind == "dense":
            _, w, b = layer
            inits += [numpy_helper.from_array(w, f"w{i}"), numpy_helper.from_array(b, f"b{i}")]
            nodes.append(helper.make_node("Gemm", [cur, f"w{i}", f"b{i}"], [out], transB=1))
        cur = out
    graph = helper.make_graph(nodes, "bench", [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(shape))],
                              [helper.make_tensor_value_info(cur, TensorProto.FLOAT, None)], initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model.SerializeToString()


def macs(shape, layers):
    _, c, h, w = shape
    total, features = 0, None
    for layer in layers:
        if layer[0] == "conv":
            cout, cin, k, _ = layer[1].shape
            h = (h + 2 * layer[4] - k) // layer[3] + 1
            w = (w + 2 * layer[4] - k) // layer[3] + 1
            total += cout * h * w * cin * k * k
            c = cout
        elif layer[0] == "pool":
            h = (h - layer[2]) // layer[3] + 1
            w = (w - layer[2]) // layer[3] + 1
        elif layer[0] == "flatten":
            features = c * h * w
        elif layer[0] == "dense":
            total += layer[1].shape[0] * layer[1].shape[1]
    return total


# ---------------------------------------------------------------- timing

def cpu_busy_cores(seconds=1.0):
    def read():
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields), idle
    total0, idle0 = read()
    time.sleep(seconds)
    total1, idle1 = read()
    ticks = total1 - total0
    return (os.cpu_count() or 1) * (1 - (idle1 - idle0) / ticks) if ticks else 0.0


def wait_for_quiet(limit=0.3, patience=180):
    """Waits until fewer than `limit` cores are busy for two 1-second windows; returns the last reading."""
    start, calm, busy = time.time(), 0, 0.0
    while time.time() - start < patience:
        busy = cpu_busy_cores()
        calm = calm + 1 if busy < limit else 0
        if calm >= 2:
            break
    return busy


def time_ort(name, seconds, spin=True):
    shape, builder = WORKLOADS[name]
    layers = builder(np.random.default_rng(0))
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    if not spin:
        # Idle worker threads otherwise spin, which counts as processor time without doing work.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(build_model(shape, layers), options, providers=["CPUExecutionProvider"])
    x = np.random.default_rng(1).uniform(-1, 1, size=shape).astype(np.float32)
    feed = {"x": x}
    for _ in range(3):
        session.run(None, feed)
    samples, start, cpu0 = [], time.perf_counter(), time.process_time()
    while len(samples) < 5 or (time.perf_counter() - start < seconds and len(samples) < 10000):
        t0 = time.perf_counter()
        session.run(None, feed)
        samples.append((time.perf_counter() - t0) * 1e3)
    cpu_ms = (time.process_time() - cpu0) * 1e3 / len(samples)
    return statistics.median(samples), cpu_ms, macs(shape, layers)


def time_engine(engine, name, seconds):
    result = subprocess.run([engine, "bench", "--json", "--filter", name, "--seconds", str(seconds)],
                            check=True, capture_output=True, text=True)
    rows = [r for r in json.loads(result.stdout)["rows"] if r["name"] == name]
    return rows[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", default=".build/release/cnnlab", help="the cnnlab binary (its `bench` command is timed)")
    parser.add_argument("--seconds", type=float, default=2.0, help="timing budget per workload and side")
    parser.add_argument("--filter", default=None, help="only workloads whose name contains this")
    parser.add_argument("--no-wait", action="store_true", help="do not wait for an idle machine")
    parser.add_argument("--patience", type=float, default=180, help="longest wait for an idle machine, in seconds")
    parser.add_argument("--markdown", action="store_true", help="print the table as markdown")
    parser.add_argument("--no-spin", action="store_true",
                        help="stop ONNX Runtime's idle threads from spinning, so its processor time is comparable")
    parser.add_argument("--json", default=None, help="also write the results to this file")
    parser.add_argument("--rounds", type=int, default=1,
                        help="time every workload this many times, round after round; print medians and the ratio range")
    args = parser.parse_args()
    if not os.path.exists(args.engine):
        sys.exit(f"{args.engine} not found: run `swift build -c release` first")

    names = [n for n in WORKLOADS if not args.filter or args.filter in n]
    rounds = {name: [] for name in names}
    # Whole rounds over the workloads, rather than one workload's repeats in a row, so that a
    # slow spell of the machine falls on different workloads in different rounds.
    for round_index in range(args.rounds):
        for name in names:
            load_ort = 0.0 if args.no_wait else wait_for_quiet(patience=args.patience)
            ort_ms, ort_cpu, total_macs = time_ort(name, args.seconds, spin=not args.no_spin)
            load_ours = 0.0 if args.no_wait else wait_for_quiet(patience=args.patience)
            ours = time_engine(args.engine, name, args.seconds)
            if ours["macs"] != total_macs:
                print(f"warning: {name}: MACs differ (engine {ours['macs']}, ONNX model {total_macs})", file=sys.stderr)
            r = dict(name=name, macs=total_macs, ours_ms=ours["ms"], ort_ms=ort_ms, ratio=ours["ms"] / ort_ms,
                     ours_cpu_ms=ours.get("cpu_ms", 0.0), ort_cpu_ms=ort_cpu, load_before=max(load_ort, load_ours))
            rounds[name].append(r)
            print(f"{name:30s} ours {r['ours_ms']:9.3f} ms  ORT {r['ort_ms']:9.3f} ms  ratio {r['ratio']:5.2f}"
                  f"  (round {round_index + 1}, busy cores before: {r['load_before']:.2f})", file=sys.stderr)

    def median_row(rows):
        """Each figure's median over the rounds; the ratio is the median of each round's ratio."""
        merged = {key: statistics.median(r[key] for r in rows)
                  for key in ("ours_ms", "ort_ms", "ratio", "ours_cpu_ms", "ort_cpu_ms")}
        ratios = [r["ratio"] for r in rows]
        return dict(name=rows[0]["name"], macs=rows[0]["macs"], **merged, ratio_min=min(ratios),
                    ratio_max=max(ratios), load_before=max(r["load_before"] for r in rows), rounds=rows)

    results = [median_row(rounds[name]) for name in names]

    memory = None
    if not args.filter or args.filter in "vgg16":
        out = subprocess.run([args.engine, "bench", "--json", "--filter", "no-such-workload", "--memory"],
                             check=True, capture_output=True, text=True)
        memory = json.loads(out.stdout).get("vgg16_memory")

    def gflops(m, ms):
        return 2 * m / (ms * 1e6) if m else 0.0

    if args.markdown:
        print("| workload | MACs | ours ms | ours GFLOP/s | ORT ms | ORT GFLOP/s | ours / ORT | ratio range | "
              "ours CPU ms | ORT CPU ms | CPU ratio | busy cores |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in results:
            print(f"| {r['name']} | {r['macs']:,} | {r['ours_ms']:.3f} | {gflops(r['macs'], r['ours_ms']):.1f} | "
                  f"{r['ort_ms']:.3f} | {gflops(r['macs'], r['ort_ms']):.1f} | **{r['ratio']:.2f}** | "
                  f"{r['ratio_min']:.2f}–{r['ratio_max']:.2f} | "
                  f"{r['ours_cpu_ms']:.3f} | {r['ort_cpu_ms']:.3f} | {r['ours_cpu_ms'] / r['ort_cpu_ms']:.2f} | "
                  f"{r['load_before']:.2f} |")
    else:
        print(f"{'workload':30s} {'MACs':>15s} {'ours ms':>10s} {'GFLOP/s':>8s} {'ORT ms':>10s} {'GFLOP/s':>8s} {'ratio':>6s}"
              f" {'CPU ratio':>9s}")
        for r in results:
            print(f"{r['name']:30s} {r['macs']:15,d} {r['ours_ms']:10.3f} {gflops(r['macs'], r['ours_ms']):8.1f} "
                  f"{r['ort_ms']:10.3f} {gflops(r['macs'], r['ort_ms']):8.1f} {r['ratio']:6.2f}"
                  f" {r['ours_cpu_ms'] / r['ort_cpu_ms']:9.2f}")
    if memory:
        mib = 1 << 20
        print(f"\nVGG-16 keeping every layer's output: weights {memory['weight_bytes'] / mib:.1f} MiB, "
              f"outputs {memory['output_bytes'] / mib:.1f} MiB, peak resident {memory['peak_resident_bytes'] / mib:.1f} MiB")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": results, "vgg16_memory": memory, "onnxruntime": ort.__version__}, f, indent=1)


if __name__ == "__main__":
    main()
