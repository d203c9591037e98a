"""What the kernel process loads. The full Foundation (with ICU) costs about 5.5 MiB of
resident memory in every kernel; the kernel needs only FoundationEssentials."""
import subprocess

from jupyter_client.kernelspec import KernelSpecManager


def test_kernel_does_not_link_the_full_foundation():
    binary = KernelSpecManager().get_kernel_spec("cnnlab").argv[0]
    libraries = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in libraries.splitlines() if line.strip()]
    assert "libFoundationEssentials.so" in names
    assert "libFoundation.so" not in names
    assert not [n for n in names if "FoundationInternationalization" in n or "ICU" in n]
