#!/usr/bin/env python3
"""Fits the rational tanh of Sources/TensorEngine/Ops/VectorMath.swift: tanh(x) ≈ x·P(x²)/Q(x²)
on [0, 9], P of degree 5 and Q of degree 4 in x², Q(0) = 1, for relative error.

Method: linearised least squares (minimise |x·P - tanh·Q| / (tanh·Q_previous), the
Sanathanan-Koerner iteration), with points reweighted towards the largest error (Lawson),
in the scaled variable (x/9)², then the coefficients rescaled to x². numpy only.

    python3 scripts/fit_tanh.py
"""
import numpy as np

LIMIT = 9.0


def fit(numerator_terms=6, denominator_terms=5, iterations=40):
    x = np.linspace(1e-4, LIMIT, 40000)
    t = np.tanh(x)
    s = (x / LIMIT) ** 2
    q_values = np.ones_like(x)
    weights = np.ones_like(x)
    for _ in range(iterations):
        a = np.hstack([np.stack([x * s**k for k in range(numerator_terms)], 1),
                       -np.stack([t * s**k for k in range(1, denominator_terms)], 1)])
        w = weights / (t * np.abs(q_values))
        solution, *_ = np.linalg.lstsq(a * w[:, None], t * w, rcond=None)
        p = solution[:numerator_terms]
        q = np.concatenate([[1.0], solution[numerator_terms:]])
        q_values = np.polyval(q[::-1], s)
        error = (x * np.polyval(p[::-1], s) / q_values - t) / t
        weights = weights * (1 + 0.5 * np.abs(error) / np.abs(error).max())
    print(f"largest relative error in exact arithmetic: {np.abs(error).max():.2e}; smallest Q: {q_values.min():.3f}")
    return [p[k] / LIMIT ** (2 * k) for k in range(len(p))], [q[k] / LIMIT ** (2 * k) for k in range(len(q))]


if __name__ == "__main__":
    p, q = fit()
    print("P (from x^0):", [repr(float(np.float32(v))) for v in p])
    print("Q (from x^0):", [repr(float(np.float32(v))) for v in q])
