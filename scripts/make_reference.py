#!/usr/bin/env python3
"""Writes the tensor engine's reference fixtures with numpy alone.

Every case holds its inputs, its parameters and the result numpy computes for it, in
channels-last layout (N, H, W, C) with Keras's kernel layout (kh, kw, C_in / groups, C_out).
The engine's tests read these files and compare within a tolerance. The arithmetic here is
written from the definitions (padding by Keras's rules, pooling that ignores padded cells),
not from the engine's code.

Run from the repository root:  python3 scripts/make_reference.py
"""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TensorEngineTests", "Fixtures")
rng = np.random.default_rng(20240607)


def t(a):
    a = np.asarray(a, dtype=np.float32)
    # Nine significant digits bring every float32 back exactly and keep the files small.
    return {"shape": list(a.shape), "values": [float(f"{v:.9g}") for v in a.reshape(-1)]}


def rand(*shape):
    return rng.uniform(-1, 1, size=shape).astype(np.float32)


def pads(size, k, stride, dilation, padding):
    """Output size and (before, after) for one axis."""
    span = (k - 1) * dilation + 1
    if padding == "same":
        out = math.ceil(size / stride)
        total = max((out - 1) * stride + span - size, 0)
        return out, total // 2, total - total // 2
    before, after = (0, 0) if padding == "valid" else (padding, padding)
    return (size + before + after - span) // stride + 1, before, after


def conv2d(x, w, b, stride, padding, dilation, groups):
    """x (N, H, W, C), w (kh, kw, C/g, O): each kernel tap is one einsum over a strided view."""
    n, h, wd, c = x.shape
    kh, kw, cg, o = w.shape
    oh, pt, pb = pads(h, kh, stride[0], dilation[0], padding)
    ow, pl, pr = pads(wd, kw, stride[1], dilation[1], padding)
    xp = np.pad(x.astype(np.float64), ((0, 0), (pt, pb), (pl, pr), (0, 0)))
    out = np.zeros((n, oh, ow, o))
    og = o // groups
    for g in range(groups):
        xg = xp[..., g * cg:(g + 1) * cg]
        wg = w[..., g * og:(g + 1) * og].astype(np.float64)
        for i in range(kh):
            for j in range(kw):
                r0, c0 = i * dilation[0], j * dilation[1]
                patch = xg[:, r0:r0 + (oh - 1) * stride[0] + 1:stride[0], c0:c0 + (ow - 1) * stride[1] + 1:stride[1], :]
                out[..., g * og:(g + 1) * og] += np.einsum("nhwc,co->nhwo", patch, wg[i, j])
    if b is not None:
        out += b
    return out.astype(np.float32)


def pool(x, kind, k, stride, padding):
    """Padded cells are NaN and every reduction skips them (Keras's rule)."""
    n, h, wd, c = x.shape
    oh, pt, pb = pads(h, k[0], stride[0], 1, padding)
    ow, pl, pr = pads(wd, k[1], stride[1], 1, padding)
    xp = np.pad(x.astype(np.float64), ((0, 0), (pt, pb), (pl, pr), (0, 0)), constant_values=np.nan)
    out = np.zeros((n, oh, ow, c))
    f = {"max": np.nanmax, "min": np.nanmin, "average": np.nanmean}[kind]
    for r in range(oh):
        for q in range(ow):
            win = xp[:, r * stride[0]:r * stride[0] + k[0], q * stride[1]:q * stride[1] + k[1], :]
            out[:, r, q, :] = f(win, axis=(1, 2))
    return out.astype(np.float32)


def case(name, op, inputs, params, expected):
    return {"name": name, "op": op, "inputs": {k: t(v) for k, v in inputs.items()}, "params": params,
            "expected": t(expected)}


def conv_cases():
    cases = []
    specs = [
        # name, (N, H, W, C), (kh, kw), out, stride, padding, dilation, groups
        ("valid", (1, 7, 6, 3), (3, 3), 4, (1, 1), "valid", (1, 1), 1),
        ("same_stride1", (1, 6, 7, 2), (3, 3), 3, (1, 1), "same", (1, 1), 1),
        ("same_stride2_even", (1, 8, 8, 3), (3, 3), 4, (2, 2), "same", (1, 1), 1),
        ("same_stride2_odd", (1, 7, 9, 2), (4, 4), 3, (2, 2), "same", (1, 1), 1),
        ("same_stride3_k2", (1, 10, 11, 2), (2, 2), 2, (3, 3), "same", (1, 1), 1),
        ("explicit_pad2", (1, 5, 6, 2), (3, 3), 3, (1, 1), 2, (1, 1), 1),
        ("stride_2x1", (1, 9, 8, 2), (3, 2), 3, (2, 1), "valid", (1, 1), 1),
        ("dilation2", (1, 9, 9, 2), (3, 3), 3, (1, 1), "valid", (2, 2), 1),
        ("dilation2_same", (1, 8, 7, 2), (3, 3), 2, (1, 1), "same", (2, 2), 1),
        ("groups2", (1, 7, 7, 4), (3, 3), 6, (1, 1), "valid", (1, 1), 2),
        ("groups4_same_stride2", (1, 9, 8, 8), (3, 3), 4, (2, 2), "same", (1, 1), 4),
        ("batch3", (3, 6, 5, 3), (2, 3), 4, (1, 1), "valid", (1, 1), 1),
        ("pointwise", (2, 5, 4, 6), (1, 1), 5, (1, 1), "valid", (1, 1), 1),
        ("k11_s4", (1, 27, 27, 3), (11, 11), 4, (4, 4), "valid", (1, 1), 1),
    ]
    for name, xs, (kh, kw), o, stride, padding, dilation, groups in specs:
        x = rand(*xs)
        w = rand(kh, kw, xs[3] // groups, o)
        b = rand(o)
        params = {"strides": list(stride), "padding": padding, "dilation": list(dilation), "groups": groups}
        cases.append(case(name, "conv2d", {"x": x, "kernel": w, "bias": b}, params,
                          conv2d(x, w, b, stride, padding, dilation, groups)))
    # An (H, W) image with an (kh, kw) filter stays two-dimensional.
    x = rand(6, 7)
    w = rand(3, 2)
    y = conv2d(x[None, :, :, None], w[:, :, None, None], None, (1, 1), "valid", (1, 1), 1)[0, :, :, 0]
    cases.append(case("image2d_filter2d", "conv2d", {"x": x, "kernel": w},
                      {"strides": [1, 1], "padding": "valid", "dilation": [1, 1], "groups": 1}, y))
    # conv1d: a single row, padding only along the sequence.
    for name, (n, length, c), k, o, s, padding, d in [
        ("conv1d_valid", (1, 12, 3), 3, 4, 1, "valid", 1),
        ("conv1d_same_s2", (2, 11, 2), 4, 3, 2, "same", 1),
        ("conv1d_explicit_d2", (1, 10, 2), 3, 2, 1, 1, 2),
    ]:
        x = rand(n, length, c)
        w = rand(k, c, o)
        b = rand(o)
        # Padding along the sequence only, so the 2-D reference sees a pre-padded row.
        ol, pl, pr = pads(length, k, s, d, padding)
        xp = np.pad(x, ((0, 0), (pl, pr), (0, 0)))
        y = conv2d(xp[:, None], w[None], b, (1, s), "valid", (1, d), 1)[:, 0]
        cases.append(case(name, "conv1d", {"x": x, "kernel": w, "bias": b},
                          {"strides": [s], "padding": padding, "dilation": [d], "groups": 1}, y))
    return cases


def pool_cases():
    cases = []
    specs = [
        ("max_2x2", "max", (1, 6, 6, 3), (2, 2), (2, 2), "valid"),
        ("max_3x3_s2", "max", (1, 9, 8, 2), (3, 3), (2, 2), "valid"),
        ("max_same_odd", "max", (1, 7, 5, 2), (2, 2), (2, 2), "same"),
        ("max_same_3_s1", "max", (2, 5, 6, 3), (3, 3), (1, 1), "same"),
        ("avg_2x2", "average", (1, 6, 4, 3), (2, 2), (2, 2), "valid"),
        ("avg_same_odd", "average", (1, 7, 7, 2), (2, 2), (2, 2), "same"),
        ("avg_same_3_s2", "average", (1, 8, 9, 2), (3, 3), (2, 2), "same"),
        ("avg_explicit1", "average", (1, 5, 5, 2), (3, 3), (2, 2), 1),
        ("min_2x3_s1", "min", (1, 5, 6, 2), (2, 3), (1, 1), "valid"),
        ("min_same", "min", (1, 5, 5, 4), (2, 2), (2, 2), "same"),
        ("max_explicit1_s1", "max", (1, 4, 5, 1), (3, 3), (1, 1), 1),
    ]
    for name, kind, xs, k, s, padding in specs:
        x = rand(*xs)
        cases.append(case(name, "pool2d", {"x": x}, {"kind": kind, "pool_size": list(k), "strides": list(s),
                                                    "padding": padding}, pool(x, kind, k, s, padding)))
    x = rand(2, 4, 5, 3)
    cases.append(case("global_avg", "global_pool", {"x": x}, {"kind": "average"}, x.astype(np.float64).mean(axis=(1, 2))))
    cases.append(case("global_max", "global_pool", {"x": x}, {"kind": "max"}, x.max(axis=(1, 2))))
    x = rand(1, 3, 4, 2)
    cases.append(case("pad_asymmetric", "pad", {"x": x}, {"top": 1, "bottom": 2, "left": 0, "right": 3, "value": 0.5},
                      np.pad(x, ((0, 0), (1, 2), (0, 3), (0, 0)), constant_values=0.5)))
    return cases


def misc_cases():
    cases = []
    x = rand(2, 3, 5) * 4
    cases.append(case("relu", "relu", {"x": x}, {}, np.maximum(x, 0)))
    cases.append(case("leaky_relu", "leaky_relu", {"x": x}, {"alpha": 0.2}, np.where(x >= 0, x, 0.2 * x)))
    cases.append(case("tanh", "tanh", {"x": x}, {}, np.tanh(x)))
    cases.append(case("sigmoid", "sigmoid", {"x": x}, {}, 1 / (1 + np.exp(-x.astype(np.float64)))))
    for axis in (-1, 1):
        e = np.exp(x.astype(np.float64) - x.max(axis=axis, keepdims=True))
        cases.append(case(f"softmax_axis{axis}", "softmax", {"x": x}, {"axis": axis}, e / e.sum(axis=axis, keepdims=True)))
    big = np.array([[1000.0, 1001.0, 999.0]], dtype=np.float32)
    e = np.exp(big.astype(np.float64) - 1001.0)
    cases.append(case("softmax_large", "softmax", {"x": big}, {"axis": -1}, e / e.sum()))

    x = rand(2, 3, 7)
    w = rand(7, 5)
    b = rand(5)
    cases.append(case("dense_batch", "dense", {"x": x, "kernel": w, "bias": b}, {},
                      x.astype(np.float64) @ w.astype(np.float64) + b))
    x = rand(40)
    w = rand(40, 70)
    b = rand(70)
    cases.append(case("dense_vector", "dense", {"x": x, "kernel": w, "bias": b}, {},
                      x.astype(np.float64) @ w.astype(np.float64) + b))

    x = rand(2, 3, 3, 4)
    mean, var, gamma, beta = rand(4), np.abs(rand(4)) + 0.1, rand(4), rand(4)
    cases.append(case("batchnorm", "batchnorm", {"x": x, "mean": mean, "variance": var, "gamma": gamma, "beta": beta},
                      {"epsilon": 0.001}, gamma * (x - mean) / np.sqrt(var + 0.001) + beta))

    for name, a, b in [("matmul_2d", rand(4, 6), rand(6, 3)), ("matmul_vec_mat", rand(5), rand(5, 33)),
                       ("matmul_mat_vec", rand(3, 5), rand(5)), ("matmul_batched", rand(2, 3, 4), rand(2, 4, 5)),
                       ("matmul_tall", rand(40, 8), rand(8, 6))]:
        cases.append(case(name, "matmul", {"a": a, "b": b}, {}, np.matmul(a.astype(np.float64), b.astype(np.float64))))

    funcs = {"add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.divide,
             "maximum": np.maximum, "minimum": np.minimum}
    shapes = [((2, 3, 4), (3, 1)), ((4,), (2, 1, 4)), ((2, 1, 3), (1, 5, 1)), ((3, 4), (3, 4)), ((2, 3), ())]
    for i, (op, f) in enumerate(funcs.items()):
        for j, (sa, sb) in enumerate(shapes):
            if (i + j) % 2:  # half of the pairs keep the file small and still cover every op and shape
                continue
            a = rand(*sa)
            bb = rand(*sb) if op != "divide" else np.abs(rand(*sb)) + 0.5
            cases.append(case(f"{op}_{j}", "binary", {"a": a, "b": bb}, {"operator": op}, f(a, bb)))
    a = np.abs(rand(3, 4)) + 0.1
    exponent = rand(4) * 2
    cases.append(case("power", "binary", {"a": a, "b": exponent}, {"operator": "power"}, np.power(a, exponent)))

    x = rand(3, 4, 5)
    for red in ("sum", "mean", "max", "min", "argmax"):
        f = {"sum": np.sum, "mean": np.mean, "max": np.max, "min": np.min, "argmax": np.argmax}[red]
        for axis in (None, 0, -1):
            y = f(x.astype(np.float64), axis=axis)
            cases.append(case(f"{red}_axis{axis}", "reduce", {"x": x}, {"reduction": red, "axis": axis}, y))

    x = rand(2, 3, 4)
    cases.append(case("transpose_perm", "transpose", {"x": x}, {"axes": [2, 0, 1]}, np.transpose(x, (2, 0, 1))))
    cases.append(case("transpose_default", "transpose", {"x": x}, {"axes": None}, x.T))
    parts = [rand(2, 1, 4), rand(2, 3, 4), rand(2, 2, 4)]
    cases.append(case("concat_axis1", "concat", {"a": parts[0], "b": parts[1], "c": parts[2]}, {"axis": 1},
                      np.concatenate(parts, axis=1)))
    parts = [rand(2, 3, 1), rand(2, 3, 2)]
    cases.append(case("concat_last", "concat", {"a": parts[0], "b": parts[1]}, {"axis": -1},
                      np.concatenate(parts, axis=-1)))
    parts = [rand(1, 3), rand(2, 3)]
    cases.append(case("concat_first", "concat", {"a": parts[0], "b": parts[1]}, {"axis": 0},
                      np.concatenate(parts, axis=0)))

    x = rand(5, 6, 3)
    # Each entry is an index (int) or [start, stop, step] with None for a default bound.
    for name, spec in [("slice_basic", [[1, 4, 1], None, 0]), ("slice_negative", [-1, [None, None, -2]]),
                       ("slice_step", [[None, None, 2], [1, -1, 3], [None, 2, 1]]),
                       ("slice_reverse_bounds", [[4, 0, -1], [10, None, 1]])]:
        key = tuple(slice(None) if e is None else (e if isinstance(e, int) else slice(*e)) for e in spec)
        cases.append(case(name, "slice", {"x": x}, {"indices": spec}, x[key]))
    x = rand(2, 3, 4)
    cases.append(case("reshape_infer", "reshape", {"x": x}, {"shape": [4, -1]}, x.reshape(4, -1)))
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, cases in [("conv", conv_cases()), ("pool", pool_cases()), ("misc", misc_cases())]:
        path = os.path.join(OUT, f"{name}.json")
        with open(path, "w") as f:
            json.dump({"cases": cases}, f, separators=(",", ":"))
        print(f"{path}: {len(cases)} cases, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
