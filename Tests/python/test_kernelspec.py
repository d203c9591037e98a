"""The kernelspec as Jupyter sees it, `cnnlab install`'s destinations, and kernel_info."""
import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from PIL import Image

REPO = Path(__file__).resolve().parents[2]


def installed_spec(name="cnnlab"):
    return KernelSpecManager().get_kernel_spec(name)


def test_installed_kernelspec_has_every_field():
    spec = installed_spec()
    assert spec.display_name == "CNN Lab"
    assert spec.language == "cnnlab"
    assert spec.interrupt_mode == "message"
    binary, *rest = spec.argv
    assert rest == ["-f", "{connection_file}"]
    assert os.path.isabs(binary) and os.access(binary, os.X_OK)
    assert os.path.basename(binary) == "cnnlab-kernel"


def test_the_korean_kernelspec_is_installed_beside_the_english_one():
    english, korean = installed_spec(), installed_spec("cnnlab-ko")
    assert korean.display_name == "CNN Lab (한국어)"
    assert korean.language == english.language == "cnnlab"
    assert korean.interrupt_mode == "message"
    assert korean.argv == english.argv + ["--language", "ko"]
    for name in ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg"):
        assert (Path(korean.resource_dir) / name).read_bytes() == (REPO / "kernelspec" / name).read_bytes()


def test_logos_are_real_images_of_the_right_size():
    directory = Path(installed_spec().resource_dir)
    for size in (32, 64):
        with Image.open(directory / f"logo-{size}x{size}.png") as image:
            image.load()
            assert image.size == (size, size)
    root = ET.parse(directory / "logo-svg.svg").getroot()
    assert root.tag.endswith("svg")


def test_repository_kernelspec_matches_what_install_writes():
    directory = Path(installed_spec().resource_dir)
    for name in ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg"):
        assert (REPO / "kernelspec" / name).read_bytes() == (directory / name).read_bytes(), name
    ours = json.loads((REPO / "kernelspec" / "kernel.json").read_text())
    theirs = json.loads((directory / "kernel.json").read_text())
    assert ours["argv"][1:] == theirs["argv"][1:]
    assert {k: v for k, v in ours.items() if k != "argv"} == {k: v for k, v in theirs.items() if k != "argv"}


def run_install(*flags, env=None):
    binary = str(Path(installed_spec().argv[0]).with_name("cnnlab"))
    return subprocess.run([binary, "install", *flags], capture_output=True, text=True, env=env)


def test_install_user_and_prefix_destinations(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("JUPYTER_DATA_DIR", "XDG_DATA_HOME", "VIRTUAL_ENV", "CONDA_PREFIX")}
    env["HOME"] = str(tmp_path / "home")
    result = run_install("--user", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "home/.local/share/jupyter/kernels/cnnlab/kernel.json").exists()
    assert (tmp_path / "home/.local/share/jupyter/kernels/cnnlab-ko/kernel.json").exists()

    result = run_install("--prefix", str(tmp_path / "prefix"), env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "prefix/share/jupyter/kernels/cnnlab/logo-64x64.png").exists()

    env["VIRTUAL_ENV"] = str(tmp_path / "venv")
    result = run_install("--sys-prefix", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "venv/share/jupyter/kernels/cnnlab/kernel.json").exists()


def test_install_refuses_two_destinations(tmp_path):
    result = run_install("--user", "--prefix", str(tmp_path))
    assert result.returncode != 0
    assert "one of" in result.stderr


def test_kernel_info_describes_the_language(kernel):
    _, kc = kernel
    kc.kernel_info()
    reply = kc.get_shell_msg(timeout=10)
    while reply["msg_type"] != "kernel_info_reply":
        reply = kc.get_shell_msg(timeout=10)
    content = reply["content"]
    assert content["status"] == "ok"
    assert content["protocol_version"] == "5.3"
    info = content["language_info"]
    assert info["name"] == "cnnlab"
    assert info["file_extension"] == ".cnn"
    assert info["pygments_lexer"] == "python"
    assert info["codemirror_mode"] == "python"
    assert info["mimetype"] and info["version"]


def test_installed_kernel_json_is_laid_out_as_in_the_repository():
    spec = installed_spec()
    written = (Path(spec.resource_dir) / "kernel.json").read_text()
    expected = (REPO / "kernelspec" / "kernel.json").read_text()
    assert written == expected.replace('"cnnlab-kernel",', json.dumps(spec.argv[0]) + ",", 1)


def test_installed_korean_kernel_json_is_laid_out_as_in_the_repository():
    spec = installed_spec("cnnlab-ko")
    written = (Path(spec.resource_dir) / "kernel.json").read_text(encoding="utf-8")
    expected = (REPO / "kernelspec" / "cnnlab-ko" / "kernel.json").read_text(encoding="utf-8")
    assert written == expected.replace('"cnnlab-kernel",', json.dumps(spec.argv[0]) + ",", 1)
