"""Keras's data sets offline, through the installed kernel: Fashion-MNIST from Debian's
package checked against Python's own gzip reading of the same files, MNIST from an .npz and
from IDX folders that the tests write with numpy, and .npz files the kernel writes read back
by numpy."""
import gzip
import hashlib
import os
import time
from pathlib import Path

import numpy as np
import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME, run_cell

FASHION = Path("/usr/share/datasets/fashion-mnist")
# The contents (uncompressed) of Zalando's files, as Fashion-MNIST's README publishes them
# for the .gz files' data and as Debian's package was measured to hold.
CONTENT_MD5 = {
    "train-images-idx3-ubyte": "f4a8712d7a061bf5bd6d2ca38dc4d50a",
    "train-labels-idx1-ubyte": "9018921c3c673c538a1fc5bad174d6f9",
    "t10k-images-idx3-ubyte": "8181f5470baa50b63fa0f6fddb340f0a",
    "t10k-labels-idx1-ubyte": "15d484375f8d13e6eb1aabb0c3f46965",
}


@pytest.fixture
def home(tmp_path):
    """An empty home folder for the kernel, so that no real Keras cache is found."""
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def kernel_at_home(home):
    """A kernel (manager, client) whose HOME is `home` and whose KERAS_HOME is unset."""
    env = {k: v for k, v in os.environ.items() if k != "KERAS_HOME"}
    env["HOME"] = str(home)
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30, env=env)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def stdout_of(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def run_ok(kc, code, timeout=60):
    reply, outputs = run_cell(kc, code, timeout=timeout)
    assert reply["status"] == "ok", (reply.get("ename"), reply.get("evalue"))
    return stdout_of(outputs)


def error_of(kc, code):
    reply, outputs = run_cell(kc, code, timeout=60)
    assert reply["status"] == "error"
    return reply["ename"], reply["evalue"]


def idx_bytes(array):
    """The IDX file of a uint8 array, written from LeCun's description of the format."""
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def read_idx_gz(name):
    with gzip.open(FASHION / (name + ".gz"), "rb") as f:
        data = f.read()
    return data


def test_the_debian_package_holds_zalandos_files():
    assert FASHION.is_dir(), "install Debian's dataset-fashion-mnist (scripts/install-system-deps.sh does)"
    for name, md5 in CONTENT_MD5.items():
        assert hashlib.md5(read_idx_gz(name)).hexdigest() == md5, name


def test_fashion_mnist_load_data_matches_pythons_gzip_reading(kernel_at_home):
    km, kc = kernel_at_home
    train_labels = np.frombuffer(read_idx_gz("train-labels-idx1-ubyte"), np.uint8, offset=8)
    test_labels = np.frombuffer(read_idx_gz("t10k-labels-idx1-ubyte"), np.uint8, offset=8)
    train_images = np.frombuffer(read_idx_gz("train-images-idx3-ubyte"), np.uint8, offset=16).reshape(-1, 28, 28)
    test_images = np.frombuffer(read_idx_gz("t10k-images-idx3-ubyte"), np.uint8, offset=16).reshape(-1, 28, 28)

    out = run_ok(kc, "\n".join([
        "(x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()",
        "print(x_train.shape, y_train.shape, x_test.shape, y_test.shape, x_train.dtype)",
        "print(min(list(reshape(x_train[0:500], (-1,)))), max(list(reshape(x_train[0:500], (-1,)))))",
        "print(list(reshape(x_train[0], (784,))))",
        "print(list(reshape(x_test[9999], (784,))))",
        "print(int(y_train[0]), int(y_train[59999]), int(y_test[0]))",
        "counts = [0] * 10",
        "for v in list(y_train):",
        "    counts[int(v)] = counts[int(v)] + 1",
        "test_counts = [0] * 10",
        "for v in list(y_test):",
        "    test_counts[int(v)] = test_counts[int(v)] + 1",
        "print(counts)",
        "print(test_counts)",
        "print(fashion_mnist.class_names[int(y_train[0])])",
    ]))
    lines = out.splitlines()
    assert lines[0] == "(60000, 28, 28) (60000,) (10000, 28, 28) (10000,) float32"
    low, high = (float(v) for v in lines[1].split())
    assert (low, high) == (float(train_images[:500].min()), float(train_images[:500].max())) == (0.0, 255.0)
    assert [int(float(v)) for v in lines[2].strip("[]").split(", ")] == train_images[0].reshape(-1).tolist()
    assert [int(float(v)) for v in lines[3].strip("[]").split(", ")] == test_images[9999].reshape(-1).tolist()
    assert lines[4] == f"{train_labels[0]} {train_labels[59999]} {test_labels[0]}"
    assert lines[5] == str([6000] * 10) == str(np.bincount(train_labels).tolist())
    assert lines[6] == str([1000] * 10) == str(np.bincount(test_labels).tolist())
    assert lines[7] == "Ankle boot" and train_labels[0] == 9

    # Every pixel, compared by a checksum of weighted sums the kernel computes in float32
    # exactly (each partial sum stays below 2**24): per-image sums of the first 1000 images.
    out = run_ok(kc, "print(list(sum(reshape(x_train[0:1000], (1000, 784)), axis=1)))")
    sums = [int(float(v)) for v in out.strip().strip("[]").split(", ")]
    assert sums == train_images[:1000].reshape(1000, -1).sum(axis=1).tolist()


def test_mnist_reads_kerass_npz_from_the_cache_and_a_path(kernel_at_home, home, tmp_path):
    km, kc = kernel_at_home
    rng = np.random.default_rng(5)
    x_train = rng.integers(0, 256, (6, 28, 28), dtype=np.uint8)
    y_train = rng.integers(0, 10, 6, dtype=np.uint8)
    x_test = rng.integers(0, 256, (4, 28, 28), dtype=np.uint8)
    y_test = rng.integers(0, 10, 4, dtype=np.uint8)
    name, value = error_of(kc, "mnist.load_data()")
    assert name == "ValueError"
    assert "MNIST is not on this computer" in value and str(home / ".keras/datasets/mnist.npz") in value
    assert "Put Keras's mnist.npz (with the arrays x_train, y_train, x_test, y_test) in ~/.keras/datasets/" in value

    (home / ".keras/datasets").mkdir(parents=True)
    np.savez_compressed(home / ".keras/datasets/mnist.npz", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    out = run_ok(kc, "\n".join([
        "(a, b), (c, d) = mnist.load_data()",
        "print(a.shape, b.shape, c.shape, d.shape)",
        "print(list(b), list(d))",
        "print(list(reshape(c[3], (-1,))))",
    ]))
    lines = out.splitlines()
    assert lines[0] == "(6, 28, 28) (6,) (4, 28, 28) (4,)"
    assert lines[1] == f"{y_train.tolist()} {y_test.tolist()}"
    assert [int(v) for v in lines[2].strip("[]").split(", ")] == x_test[3].reshape(-1).tolist()

    # Other numeric types, uncompressed, at a path of the learner's choosing.
    other = tmp_path / "mine.npz"
    np.savez(other, x_train=(x_train / 255).astype(np.float32), y_train=y_train.astype(np.int64),
             x_test=x_test.astype(np.float64), y_test=y_test.astype(np.int64))
    out = run_ok(kc, f"(a, b), (c, d) = mnist.load_data(path={str(other)!r})\nprint(a[0, 5, 7], list(b), c[1, 2, 3])")
    assert float(out.split()[0]) == pytest.approx(float(np.float32(x_train[0, 5, 7] / 255)), rel=1e-6)
    assert int(out.split()[-1]) == int(x_test[1, 2, 3])

    # A pickled object array is refused, never unpickled.
    pickled = tmp_path / "pickled.npz"
    np.savez(pickled, x_train=np.array([{"a": 1}], dtype=object), y_train=y_train, x_test=x_test, y_test=y_test)
    name, value = error_of(kc, f"mnist.load_data(path={str(pickled)!r})")
    assert name == "ValueError" and "it holds Python objects, which numpy stores by pickling" in value


def test_mnist_reads_a_folder_of_idx_files_gzipped_or_not(kernel_at_home, tmp_path):
    km, kc = kernel_at_home
    rng = np.random.default_rng(7)
    arrays = [rng.integers(0, 256, (5, 28, 28)), rng.integers(0, 10, 5), rng.integers(0, 256, (3, 28, 28)), rng.integers(0, 10, 3)]
    names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
    for compressed in (True, False):
        folder = tmp_path / ("gz" if compressed else "raw")
        folder.mkdir()
        for name, array in zip(names, arrays):
            data = idx_bytes(array)
            if compressed:
                with gzip.open(folder / (name + ".gz"), "wb") as f:
                    f.write(data)
            else:
                (folder / name).write_bytes(data)
        out = run_ok(kc, "\n".join([
            f"(a, b), (c, d) = mnist.load_data(path={str(folder)!r})",
            "print(a.shape, c.shape, list(b), list(d))",
            "print(list(reshape(a[4], (-1,))))",
        ]))
        lines = out.splitlines()
        assert lines[0] == f"(5, 28, 28) (3, 28, 28) {arrays[1].tolist()} {arrays[3].tolist()}"
        assert [int(v) for v in lines[1].strip("[]").split(", ")] == arrays[0][4].reshape(-1).tolist()

    (tmp_path / "part").mkdir()
    (tmp_path / "part" / names[0]).write_bytes(idx_bytes(arrays[0]))
    name, value = error_of(kc, f"mnist.load_data(path={str(tmp_path / 'part')!r})")
    assert name == "ValueError" and "holds only part of MNIST" in value and "t10k-labels-idx1-ubyte.gz" in value


def test_savez_writes_what_numpy_loads(kernel_at_home, tmp_path):
    km, kc = kernel_at_home
    path = tmp_path / "out.npz"
    run_ok(kc, f"x = reshape(arange(24), (2, 3, 4)) / 8 - 1\nsavez({str(path)!r}, x, tensor([1.5, -2]), 7)")
    with np.load(path, allow_pickle=False) as f:
        assert sorted(f.files) == ["arr_0", "arr_1", "arr_2"]
        assert f["arr_0"].dtype == np.float32 and f["arr_0"].shape == (2, 3, 4)
        np.testing.assert_array_equal(f["arr_0"], (np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 8 - 1))
        np.testing.assert_array_equal(f["arr_1"], np.array([1.5, -2], np.float32))
        assert f["arr_2"].shape == () and f["arr_2"] == 7
    name, value = error_of(kc, f"savez({str(tmp_path / 'no' / 'such.npz')!r}, x)")
    assert name == "ValueError" and "its folder does not exist" in value


def test_interrupt_stops_loading_at_once(kernel_at_home):
    km, kc = kernel_at_home
    run_ok(kc, "x = 5")
    elapsed = []
    for delay in (0.15, 0.3, 0.45):
        msg_id = kc.execute("for i in range(50):\n    (x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            msg = kc.get_iopub_msg(timeout=10)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                break
        time.sleep(delay)  # somewhere inside a load
        start = time.monotonic()
        km.interrupt_kernel()
        while True:
            reply = kc.get_shell_msg(timeout=10)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        elapsed.append(time.monotonic() - start)
        assert reply["content"]["ename"] == "KeyboardInterrupt"
    # The median of three: on a machine whose cores are shared, one wake-up can wait its turn.
    assert sorted(elapsed)[1] < 0.1, f"the loads took {[round(e * 1000) for e in elapsed]} ms to stop"
    assert run_ok(kc, "print(x)").strip() == "5"


@pytest.mark.parametrize("dtype", ["u1", "i1", "<u2", "<i2", ">i2", "<u4", "<i4", ">i4", "<u8", "<i8",
                                   "<f2", "<f4", ">f4", "<f8", ">f8", "?"])
def test_npz_element_types_convert_as_numpys_astype(kernel_at_home, tmp_path, dtype):
    km, kc = kernel_at_home
    rng = np.random.default_rng(11)
    info = np.iinfo(dtype) if np.dtype(dtype).kind in "ui" else None
    if np.dtype(dtype).kind == "b":
        x = rng.integers(0, 2, (2, 3, 4)).astype(dtype)
    elif info is not None:
        x = rng.integers(max(info.min, -2**40), min(info.max, 2**40), (2, 3, 4), endpoint=True).astype(dtype)
    else:
        x = (rng.standard_normal((2, 3, 4)) * 300).astype(dtype)
    path = tmp_path / "d.npz"
    labels = np.arange(2, dtype=np.uint8)
    np.savez(path, x_train=x, y_train=labels, x_test=x[:1], y_test=labels[:1])
    out = run_ok(kc, f"(a, b), (c, d) = mnist.load_data(path={str(path)!r})\nprint(list(reshape(a, (-1,))))")
    got = np.array([float(v) for v in out.strip().strip("[]").split(", ")], dtype=np.float32)
    # The kernel prints floats with the fewest digits that read back as the same float32.
    np.testing.assert_array_equal(got, x.astype(np.float32).reshape(-1))


def test_fortran_order_is_refused_with_the_way_out(kernel_at_home, tmp_path):
    km, kc = kernel_at_home
    path = tmp_path / "f.npz"
    x = np.asfortranarray(np.zeros((2, 3, 4), np.uint8))
    np.savez(path, x_train=x, y_train=np.zeros(2, np.uint8), x_test=x, y_test=np.zeros(2, np.uint8))
    name, value = error_of(kc, f"mnist.load_data(path={str(path)!r})")
    assert name == "ValueError" and "Fortran (column-major) order; save np.ascontiguousarray(x) instead" in value
