"""numpy as the reference: random comparison, mask, indexing and method cases are generated
with numpy in this run, the same expressions run through the kernel, and the answers are
compared value by value. Values are multiples of 1/8, exact in float32, so comparisons and
masks must agree exactly; statistics agree within float32 rounding."""
import ast
import random

import numpy as np

from conftest import run_cell

SHAPES = [(5,), (2, 3), (3, 1), (2, 3, 4), (1, 4), (4, 2, 1)]
COMPARISONS = ["==", "!=", "<", "<=", ">", ">="]
STATISTICS = ["max", "min", "sum", "mean", "std", "var", "argmax", "argmin"]


def literal(a):
    return "tensor(" + repr(a.tolist()) + ")" if isinstance(a, np.ndarray) else repr(a)


def broadcastable(shape, rng):
    """A shape that broadcasts against `shape`: some axes 1, maybe fewer axes."""
    out = [d if rng.random() < 0.6 else 1 for d in shape]
    drop = rng.randrange(len(out) + 1) if rng.random() < 0.3 else 0
    return tuple(out[drop:]) or (1,)


def values(shape, rng):
    # Few distinct values, so == and masks have hits; multiples of 1/8 are exact in float32.
    return np.array([rng.randrange(-8, 9) / 8 for _ in range(int(np.prod(shape)))], dtype=np.float32).reshape(shape)


def cases(seed):
    rng = random.Random(seed)
    out = []
    for _ in range(60):
        shape = rng.choice(SHAPES)
        a = values(shape, rng)
        b = values(broadcastable(shape, rng), rng) if rng.random() < 0.8 else np.float32(rng.randrange(-8, 9) / 8)
        op = rng.choice(COMPARISONS)
        expected = eval(f"a {op} b").tolist()
        out.append((f"({literal(a)} {op} {literal(b) if isinstance(b, np.ndarray) else repr(float(b))}).tolist()", expected, 0))
    for _ in range(40):
        shape = rng.choice(SHAPES)
        x = values(shape, rng)
        t = rng.randrange(-8, 9) / 8
        out.append((f"{literal(x)}[{literal(x)} > {t}].tolist()", x[x > t].tolist(), 0))
        v = rng.randrange(-8, 9) / 8
        y = x.copy()
        y[y < t] = v
        out.append((f"masked({literal(x)}, {t}, {v})", y.tolist(), 0))
        both = (x > -t) & (x < t)
        out.append((f"(({literal(x)} > {-t}) & ({literal(x)} < {t})).tolist()", both.tolist(), 0))
    for _ in range(60):
        shape = rng.choice(SHAPES)
        x = values(shape, rng)
        name = rng.choice(STATISTICS)
        axis = rng.choice([None] + list(range(-len(shape), len(shape))))
        keepdims = rng.random() < 0.3 and name not in ("argmax", "argmin")
        expected = getattr(np, name)(x.astype(np.float64), axis=axis, keepdims=keepdims)
        expected = expected.tolist() if isinstance(expected, np.ndarray) else float(expected)
        call = f"{literal(x)}.{name}(axis={axis}, keepdims={keepdims})"
        out.append((f"tolist({call})", expected, 1e-5))
    for _ in range(30):
        shape = rng.choice(SHAPES)
        x = values(shape, rng)
        axis = rng.choice([None] + list(range(len(shape))))
        for name in ("all", "any"):
            expected = getattr(np, name)(x > 0, axis=axis)
            out.append((f"tolist({name}({literal(x)} > 0, axis={axis}))",
                        expected.tolist() if isinstance(expected, np.ndarray) else bool(expected), 0))
        y = x + np.float32(rng.choice([0, 1e-7, 1e-3]))
        out.append((f"allclose({literal(x)}, {literal(y)}, atol=1e-5)", bool(np.allclose(x, y, rtol=1e-5, atol=1e-5)), 0))
        out.append((f"array_equal({literal(x)}, {literal(y)})", bool(np.array_equal(x, y)), 0))
        picks = [rng.randrange(shape[0]) for _ in range(rng.randrange(1, 4))]
        out.append((f"{literal(x)}[{picks}].tolist()", x[picks].tolist(), 0))
        out.append((f"tolist({literal(x)}[..., -1])", x[..., -1].tolist(), 0))
        out.append((f"{literal(x)}[None].shape", x[None].shape, 0))
        out.append((f"({literal(x)} * 100).astype('uint8').tolist()", (x * 100).astype(np.int64).astype(np.uint8).tolist(), 0))
    return out


def close(actual, expected, tolerance):
    if isinstance(expected, (list, tuple)):
        return isinstance(actual, (list, tuple)) and len(actual) == len(expected) and all(
            close(a, e, tolerance) for a, e in zip(actual, expected))
    if isinstance(expected, bool) or tolerance == 0:
        return actual == expected
    return abs(actual - expected) <= tolerance * max(1.0, abs(expected))


def test_the_kernel_agrees_with_numpy(kernel):
    _, kc = kernel
    seed = random.randrange(1 << 30)
    generated = cases(seed)
    helpers = ("def masked(x, t, v):\n    y = x.copy()\n    y[y < t] = v\n    return y.tolist()\n"
               "def tolist(v):\n    return v.tolist() if type(v) == 'tensor' else v\n")
    code = helpers + "\n".join(f"print(repr({expression}))" for expression, _, _ in generated)
    reply, outputs = run_cell(kc, code, timeout=120)
    assert reply["status"] == "ok", (seed, reply.get("evalue"))
    lines = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream").splitlines()
    assert len(lines) == len(generated), seed
    failures = []
    for (expression, expected, tolerance), line in zip(generated, lines):
        actual = ast.literal_eval(line)
        if not close(actual, expected, tolerance):
            failures.append(f"{expression}\n  kernel {actual}\n  numpy  {expected}")
    assert not failures, f"seed {seed}, {len(failures)} of {len(generated)} differ:\n" + "\n".join(failures[:10])
