"""The `cnnlab` command line outside Jupyter: `run`, help, and what a mistake prints."""
import json
import subprocess

from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager


def cnnlab(*args):
    kernel = KernelSpecManager().get_kernel_spec("cnnlab").argv[0]
    binary = str(Path(kernel).with_name("cnnlab"))
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=60)


def test_run_prints_a_programs_output(tmp_path):
    program = tmp_path / "p.cnn"
    program.write_text('x = zeros((2, 3))\nprint(x.shape, 6 * 7)\nprint("a,b".split(","))\n')
    result = cnnlab("run", str(program))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "(2, 3) 42\n['a', 'b']\n"


def test_run_fails_on_an_error_in_the_program(tmp_path):
    program = tmp_path / "bad.cnn"
    program.write_text("print(1)\nprint(undefined_name)\n")
    result = cnnlab("run", str(program))
    assert result.returncode == 1
    assert result.stdout.startswith("1\n")


def test_mistakes_exit_with_usage_status(tmp_path):
    for args, words in [
        (("run", str(tmp_path / "missing.cnn")), "cannot read"),
        (("run",), "missing expected argument"),
        (("kernel",), "--file"),
        (("bench", "--seconds", "soon"), "'soon' is invalid"),
        (("bench", "--nonsense"), "unknown option '--nonsense'"),
        (("frobnicate",), "unexpected argument 'frobnicate'"),
    ]:
        result = cnnlab(*args)
        assert result.returncode == 64, args
        message = result.stderr.lower()
        assert words in message, (args, result.stderr)
        assert "usage: cnnlab" in message or "help:" in message, (args, result.stderr)


def test_the_kernel_binary_refuses_anything_but_a_connection_file():
    kernel = KernelSpecManager().get_kernel_spec("cnnlab").argv[0]
    result = subprocess.run([kernel, "--verbose"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 64
    assert "USAGE: cnnlab-kernel -f <connection-file>" in result.stderr
    result = subprocess.run([kernel, "-f", "/nonexistent/kernel.json"], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "cannot read connection file /nonexistent/kernel.json" in result.stderr


def test_help_lists_every_subcommand():
    result = cnnlab("--help")
    assert result.returncode == 0
    for name in ("kernel", "install", "run", "bench"):
        assert f"  {name} " in result.stdout
    result = cnnlab("install", "--help")
    assert result.returncode == 0 and "--sys-prefix" in result.stdout


def test_bench_memory_reports_its_own_peak_not_its_parents():
    # The parent touches 1.5 GiB before starting the bench: Linux carries a parent's peak
    # across fork and exec in getrusage's ru_maxrss, which once made VGG-16 look like 3.2 GiB.
    held = bytearray(1536 << 20)
    for i in range(0, len(held), 4096):
        held[i] = 1
    result = cnnlab("bench", "--json", "--filter", "no-such-workload", "--memory")
    assert result.returncode == 0, result.stderr
    memory = json.loads(result.stdout)["vgg16_memory"]
    mib = 1 << 20
    # 138,357,544 float32 weights; the 22 outputs of a 224x224 pass (hand sum in docs/benchmarks.md).
    assert memory["weight_bytes"] == 138_357_544 * 4
    kept = memory["weight_bytes"] + memory["output_bytes"]
    assert kept <= memory["peak_resident_bytes"] < kept + 200 * mib, memory
    del held
