#!/usr/bin/env python3
"""Writes the fixture of a small network's forward pass and every gradient, with numpy alone.

The network: conv 3x3 (2 -> 4 channels, `same` padding, bias) -> relu -> max pool 2x2
(valid, so the 7th row and column are dropped) -> flatten -> dense (36 -> 5, bias) ->
softmax cross-entropy (batch mean) on three 7x7 two-channel images with integer labels.
Channels-last (N, H, W, C), Keras's kernel layout (kh, kw, C_in, C_out) and Dense layout
(inputs, units), as the engine uses.

Every derivative is written out by hand from the definitions (no autodiff library), in
float64 from the float32 values stored in the file, so that the engine's float32 result is
the only approximation left. The engine's test runs the same network on its fast forward
and backward kernels and compares.

Run from the repository root:  python3 scripts/make_gradient_fixtures.py
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TensorEngineTests", "Fixtures")
rng = np.random.default_rng(20261206)


def stored(a):
    a = np.asarray(a, dtype=np.float64)
    # Nine significant digits bring every float32 back exactly.
    return {"shape": list(a.shape), "values": [float(f"{v:.9g}") for v in a.reshape(-1)]}


def rand(*shape, scale=1.0):
    """Uniform values, rounded to float32 (what the engine sees), held in float64."""
    return (rng.uniform(-1, 1, size=shape) * scale).astype(np.float32).astype(np.float64)


def main():
    n, h, w, c, f, units = 3, 7, 7, 2, 4, 5
    x = rand(n, h, w, c)
    kernel = rand(3, 3, c, f, scale=0.6)
    bias = rand(f, scale=0.1)
    weights = rand(3 * 3 * f, units, scale=0.5)
    dense_bias = rand(units, scale=0.1)
    labels = np.array([1, 4, 0])

    # Convolution, `same` with a 3x3 kernel and stride 1: one cell of zeros on every side.
    padded = np.zeros((n, h + 2, w + 2, c))
    padded[:, 1:-1, 1:-1, :] = x
    conv = np.zeros((n, h, w, f)) + bias
    for i in range(3):
        for j in range(3):
            conv += padded[:, i:i + h, j:j + w, :] @ kernel[i, j]
    relu = np.maximum(conv, 0)

    # Max pool 2x2, stride 2, valid: windows over rows 0-5 and columns 0-5. The winner is the
    # first largest cell in row-major window order (np.argmax keeps the first).
    ph, pw = h // 2, w // 2
    windows = relu[:, :2 * ph, :2 * pw, :].reshape(n, ph, 2, pw, 2, f).transpose(0, 1, 3, 5, 2, 4).reshape(n, ph, pw, f, 4)
    winner = windows.argmax(axis=-1)
    pooled = windows.max(axis=-1)
    flat = pooled.reshape(n, -1)

    logits = flat @ weights + dense_bias
    shifted = logits - logits.max(axis=1, keepdims=True)
    probabilities = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    loss = -np.log(probabilities[np.arange(n), labels]).mean()

    # Backward. Softmax cross-entropy averaged over the batch: dL/dlogits = (p - onehot) / N.
    onehot = np.zeros_like(probabilities)
    onehot[np.arange(n), labels] = 1
    d_logits = (probabilities - onehot) / n
    d_weights = flat.T @ d_logits
    d_dense_bias = d_logits.sum(axis=0)
    d_flat = d_logits @ weights.T

    # Max pool: each window's gradient goes to its winner; the dropped row and column get none.
    d_pooled = d_flat.reshape(n, ph, pw, f)
    d_relu = np.zeros_like(relu)
    for b in range(n):
        for y in range(ph):
            for xx in range(pw):
                for ch in range(f):
                    k = winner[b, y, xx, ch]
                    d_relu[b, 2 * y + k // 2, 2 * xx + k % 2, ch] += d_pooled[b, y, xx, ch]

    # Relu: the gradient passes where the convolution's output was positive.
    d_conv = d_relu * (conv > 0)
    d_bias = d_conv.sum(axis=(0, 1, 2))
    d_kernel = np.zeros_like(kernel)
    d_padded = np.zeros_like(padded)
    for i in range(3):
        for j in range(3):
            window = padded[:, i:i + h, j:j + w, :]
            # dW[i, j, c, f] = sum over pixels of x[pixel shifted by (i, j), c] * dconv[pixel, f]
            d_kernel[i, j] = np.einsum("nhwc,nhwf->cf", window, d_conv)
            d_padded[:, i:i + h, j:j + w, :] += d_conv @ kernel[i, j].T
    d_x = d_padded[:, 1:-1, 1:-1, :]

    fixture = {
        "labels": labels.tolist(),
        "inputs": {"x": stored(x), "kernel": stored(kernel), "bias": stored(bias), "weights": stored(weights),
                   "dense_bias": stored(dense_bias)},
        "forward": {"conv": stored(conv), "pooled": stored(pooled), "logits": stored(logits),
                    "loss": float(f"{loss:.12g}")},
        "gradients": {"logits": stored(d_logits), "weights": stored(d_weights), "dense_bias": stored(d_dense_bias),
                      "pooled": stored(d_pooled), "conv": stored(d_conv), "kernel": stored(d_kernel),
                      "bias": stored(d_bias), "x": stored(d_x)},
    }
    with open(os.path.join(OUT, "gradients.json"), "w") as file:
        json.dump(fixture, file, separators=(",", ":"))
    print(f"loss {loss:.6f}; wrote {os.path.join(OUT, 'gradients.json')}")


if __name__ == "__main__":
    main()
