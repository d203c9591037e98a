"""What the kernel process loads. Every shared library costs resident memory in every kernel
(its relocated data, and the code pages it touches): FoundationEssentials about 2 MiB, the
full Foundation with ICU about 5.5 MiB, OpenBLAS with libgfortran about 2 MiB, libdispatch
with the concurrency and string-processing runtimes about 2 MiB."""
import os
import shutil
import subprocess

import pytest
from conftest import result_text, run_cell
from jupyter_client.kernelspec import KernelSpecManager


def kernel_binary():
    return KernelSpecManager().get_kernel_spec("cnnlab").argv[0]


def linked_libraries():
    libraries = subprocess.run(["ldd", kernel_binary()], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in libraries.splitlines() if line.strip()]


def test_kernel_links_no_foundation_and_no_openblas():
    names = linked_libraries()
    assert "libc.so.6" in names, names  # the listing itself worked
    assert not [n for n in names if "Foundation" in n or "ICU" in n], names
    # OpenBLAS (with libgfortran) is opened by the first matrix product instead.
    assert not [n for n in names if "openblas" in n or "gfortran" in n], names
    # Nothing uses async, Regex or libdispatch (the engine has its own worker threads).
    unused = ("_Concurrency", "_StringProcessing", "_RegexParser", "dispatch", "Dispatch", "BlocksRuntime")
    assert not [n for n in names if any(u in n for u in unused)], names


def test_the_statically_linked_runtime_leaves_the_unused_parts_out():
    """The release binary carries the Swift runtime inside (-static-stdlib), where `ldd` cannot
    see what came along: its symbol table can."""
    if not shutil.which("nm"):
        pytest.skip("nm (binutils) is not installed")
    listing = subprocess.run(["nm", kernel_binary()], capture_output=True, text=True)
    if "no symbols" in listing.stderr:
        pytest.skip("the binary is stripped")
    symbols = listing.stdout
    assert "$sSS" in symbols  # the standard library's String is there: the listing works
    for module in ("20FoundationEssentials", "17_StringProcessing", "12_RegexParser", "12_Concurrency", "8Dispatch"):
        assert f"$s{module}" not in symbols, module
    assert " T dispatch_async" not in symbols


def mapped_files(km):
    with open(f"/proc/{km.provisioner.process.pid}/maps") as maps:
        return {line.split()[-1] for line in maps if "/" in line}


def thread_count(km):
    return len(os.listdir(f"/proc/{km.provisioner.process.pid}/task"))


def test_openblas_is_loaded_by_the_first_dense_layer(kernel):
    km, kc = kernel
    reply, _ = run_cell(kc, "x = tensor([1, 10, 100])\ny = x * 2 + 1\nprint(y)")
    assert reply["status"] == "ok"
    assert not [f for f in mapped_files(km) if "openblas" in f or "gfortran" in f]
    threads = thread_count(km)

    # 1·1 + 10·3 + 100·5 + 0.5 and 1·2 + 10·4 + 100·6 - 1, by hand.
    reply, outputs = run_cell(kc, "d = Dense(2, weights=[tensor([[1, 2], [3, 4], [5, 6]]), tensor([0.5, -1])])\nlist(d(x))")
    assert reply["status"] == "ok", reply
    assert result_text(outputs) == "[531.5, 641]"
    assert [f for f in mapped_files(km) if "libopenblas" in f]
    # OpenBLAS runs on the calling thread: it starts no thread pool of its own.
    assert thread_count(km) == threads


def test_a_first_cell_with_a_convolution_works(kernel):
    _, kc = kernel
    # Each output is the 2x2 window times [[1, 2], [3, 4]]: 1+4+12+20 = 37, and so on.
    code = "y = Conv2D(1, 2, weights=[[1, 2], [3, 4]])(tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))\n(y.shape, list(reshape(y, (4,))))"
    reply, outputs = run_cell(kc, code)
    assert reply["status"] == "ok", reply
    assert result_text(outputs) == "((2, 2, 1), [37, 47, 67, 77])"


def resident_mib(km):
    with open(f"/proc/{km.provisioner.process.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS line")


def test_memory_freed_in_a_cell_is_given_back_after_it(kernel):
    """Inside a cell malloc keeps freed tensors for the next ones (a training step reuses
    them); between cells the kernel hands them back, so an idle kernel stays small."""
    km, kc = kernel
    reply, _ = run_cell(kc, "x = 1")
    before = resident_mib(km)
    # 100 tensors of 4 MiB, each below the size malloc maps on its own, then dropped.
    reply, outputs = run_cell(kc, "ts = [zeros((1024, 1024)) + i for i in range(100)]\nn = len(ts)\nts = 0\nn")
    assert reply["status"] == "ok", reply
    assert result_text(outputs) == "100"
    after = resident_mib(km)
    assert after - before < 50, (before, after)
