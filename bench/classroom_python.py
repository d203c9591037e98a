"""Chapter 1's cells in Python (numpy and Pillow on ipykernel), for bench/classroom.py's
comparison: the same arithmetic and the same pictures a learner would write without CNN Lab.

CNN Lab's built-in images are drawn here as random pixels of the same shapes (the cost is
the same, the values do not matter to the asserts kept). Cells that build Keras models have no
equivalent without TensorFlow and are left out of the comparison (CELLS has no entry for them).
"""

PRELUDE = '''
import io
import numpy as np
from PIL import Image as PILImage
from IPython.display import Image, display
from numpy.lib.stride_tricks import sliding_window_view

rng = np.random.default_rng(9)
SAMPLES = {"digit9": rng.integers(0, 256, (28, 28)).astype(float),
           "letter_d": rng.integers(0, 256, (10, 10)).astype(float),
           "rgb_circles": rng.integers(0, 256, (64, 64, 3)).astype(float)}
FILTERS = {"vertical_edge": np.array([[1, 0, -1]] * 3, float),
           "horizontal_edge": np.array([[1, 1, 1], [0, 0, 0], [-1, -1, -1]], float),
           "blur": np.ones((3, 3)) / 9,
           "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], float)}

def show(a, title=""):
    a = np.asarray(a, float)
    a = a.reshape(a.shape[0], -1)
    span = a.max() - a.min() or 1
    pixels = ((a - a.min()) / span * 255).astype(np.uint8)
    picture = PILImage.fromarray(pixels).resize((a.shape[1] * 8, a.shape[0] * 8), PILImage.NEAREST)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    print(title)
    display(Image(buffer.getvalue()))

def conv2d(x, k, padding=0, strides=1):
    if padding == "same":
        padding = k.shape[0] // 2
    x = np.pad(x, padding)
    windows = sliding_window_view(x, k.shape)[::strides, ::strides]
    return np.einsum("ijkl,kl->ij", windows, k)

def pool(x, n, reduce):
    h, w = x.shape[0] // n, x.shape[1] // n
    return reduce(x[:h * n, :w * n].reshape(h, n, w, n), axis=(1, 3))
'''

CELLS = {
    "ch1-06": '''d = SAMPLES["letter_d"]
h, w = d.shape
print("letter_d:", d.shape)
show(d, title="d")''',
    "ch1-08": '''flat = d.flatten()
print("flat:", flat.shape)
assert flat.shape == (h * w,)
assert flat[w] == d[1, 0]
show(flat.reshape(1, h * w), title="d in one row")''',
    "ch1-10": '''moved = np.concatenate([np.zeros((h, 1)), d[:, 0:w - 1]], axis=1)
assert moved.shape == d.shape
k = FILTERS["vertical_edge"]
fd = conv2d(d, k)
fm = conv2d(moved, k)
assert np.allclose(fm[:, 1:w - 2], fd[:, 0:w - 3])
show(fd, title="d")
show(fm, title="moved d")''',
    "ch1-12": '''digit = SAMPLES["digit9"] / 255
edges = conv2d(digit, FILTERS["vertical_edge"])
window = digit[10:13, 10:13]
print(window, FILTERS["vertical_edge"], window * FILTERS["vertical_edge"], (window * FILTERS["vertical_edge"]).sum(), sep="\\n")''',
    "ch1-14": '''for f in [3, 5, 7]:
    y = conv2d(digit, np.ones((f, f)) / (f * f))
    assert y.shape == (28 - f + 1, 28 - f + 1)
    show(y, title=f"{f}x{f} -> {y.shape}")''',
    "ch1-18": '''rgb = SAMPLES["rgb_circles"]
print("RGB:", rgb.shape)
for c in [0, 1, 2]:
    show(rgb[:, :, c], title=f"channel {c}")''',
    "ch1-20": '''raw = SAMPLES["digit9"].reshape(28, 28, 1)
print("before:", raw.min(), raw.max())
scaled = raw / 255
print("after:", scaled.min(), scaled.max())
assert scaled.min() >= 0 and scaled.max() <= 1''',
    "ch1-22": '''show(scaled.reshape(28, 28))
print(scaled.reshape(28, 28))''',
    "ch1-24": '''for name in ["vertical_edge", "horizontal_edge", "blur", "sharpen"]:
    show(conv2d(digit, FILTERS[name], padding="same"), title=name)''',
    "ch1-26": '''impulse = np.pad(np.ones((1, 1)), 3)
once = conv2d(impulse, np.ones((3, 3)), padding="same")
twice = conv2d(once, np.ones((3, 3)), padding="same")
assert once.sum() == 9 and twice[1:6, 1:6].min() > 0 and twice.sum() == twice[1:6, 1:6].sum()
show(twice)
print(twice)''',
    "ch1-29": '''small = np.array([[1, 2], [3, 4]], float)
padded = np.pad(small, 1)
assert padded.shape == (4, 4) and padded.sum() == small.sum()
show(padded)
print(padded)''',
    "ch1-30": '''k = FILTERS["vertical_edge"]
assert conv2d(digit, k).shape == (26, 26)
assert conv2d(digit, k, padding=1).shape == (28, 28)
assert conv2d(digit, k, padding="same").shape == (28, 28)
print("valid:", conv2d(digit, k).shape, " same:", conv2d(digit, k, padding="same").shape)''',
    "ch1-32": '''for s in [1, 2]:
    y = conv2d(digit, FILTERS["vertical_edge"], strides=s)
    show(y, title=f"strides={s} -> {y.shape}")
assert conv2d(digit, FILTERS["vertical_edge"], strides=2).shape == (13, 13)''',
    "ch1-34": '''x5 = np.arange(25, dtype=float).reshape(5, 5)
y5 = conv2d(x5, np.ones((3, 3)), padding=1)
assert y5[0, 0] == 0 + 1 + 5 + 6 and y5[2, 2] == x5[1:4, 1:4].sum()
show(y5)
print(y5)''',
    "ch1-36": '''grid = np.array([[1, 3, 2, 1], [4, 6, 5, 0], [3, 1, 1, 2], [2, 0, 7, 8]], float)
assert np.allclose(pool(grid, 2, np.max), [[6, 5], [3, 8]])
assert np.allclose(pool(grid, 2, np.mean), [[3.5, 2], [1.5, 4.5]])
assert np.allclose(pool(grid, 2, np.min), [[1, 0], [0, 1]])
show(grid, title="4x4")
show(pool(grid, 2, np.max), title="max")
show(pool(grid, 2, np.mean), title="average")''',
    "ch1-38": '''pooled_edges = pool(edges, 2, np.max)
assert pooled_edges.shape == (13, 13)
show(edges, title="26x26")
show(pooled_edges, title="13x13")''',
    "ch1-ex1": '''digit_scaled = raw / 255''',
    "ch1-ex1-check": '''assert digit_scaled.shape == raw.shape
assert digit_scaled.min() >= 0 and digit_scaled.max() <= 1
assert abs(digit_scaled.max() - raw.max() / 255) < 1e-6
assert np.abs(digit_scaled * 255 - raw).max() < 1e-3
print("passed")''',
    "ch1-39": '''homework_grid = np.array([[2, 9, 4, 4], [7, 1, 0, 3], [5, 5, 8, 1], [0, 6, 2, 2]], float)
show(homework_grid)
print(homework_grid)''',
    "ch1-ex3": '''pooled = pool(homework_grid, 2, np.max)''',
    "ch1-ex3-check": '''assert pooled.shape == (2, 2) and pooled.max() == homework_grid.max()
for r in range(2):
    for c in range(2):
        assert pooled[r, c] == homework_grid[2 * r:2 * r + 2, 2 * c:2 * c + 2].max()
print("passed")''',
}
