"""What the kernel process loads. Every shared library costs resident memory in every kernel
(its relocated data, and the code pages it touches): FoundationEssentials about 2 MiB, the
full Foundation with ICU about 5.5 MiB. The kernel links none of Foundation."""
import subprocess

from jupyter_client.kernelspec import KernelSpecManager


def linked_libraries():
    binary = KernelSpecManager().get_kernel_spec("cnnlab").argv[0]
    libraries = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in libraries.splitlines() if line.strip()]


def test_kernel_links_no_foundation():
    names = linked_libraries()
    assert "libswiftCore.so" in names, names  # the listing itself worked
    assert not [n for n in names if "Foundation" in n or "ICU" in n], names
