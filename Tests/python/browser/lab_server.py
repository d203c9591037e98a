"""A JupyterLab server for one test session, isolated from the user's Jupyter set-up.

The server gets its own config, runtime and settings directories under a temporary folder, so
nothing a developer configured (themes, open tabs, news prompts) leaks into the test, and the
test leaves nothing behind. The kernelspec is still found in the venv (sys.prefix), where
`make kernel` installs it.
"""
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

# Settings that keep the page deterministic. "windowingMode: none" matters for correctness:
# JupyterLab's default windowing detaches or skips cells outside the viewport, which would
# hide their images from the DOM checks. Without the room to scroll past the last cell, the
# notebook's scroll height is its content's, which sizes the screenshot.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
        "doNotDisturbMode": True,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none",
        "scrollPastEnd": False,
    },
}


def free_port():
    """A TCP port that was free a moment ago on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """`jupyter lab` serving `root_dir` on a free port with a random token.

    Use as a context manager; leaving it shuts down every kernel and the server's process group.
    """

    def __init__(self, root_dir, state_dir, startup_timeout=60):
        self.root_dir = Path(root_dir)
        self.state_dir = Path(state_dir)
        self.startup_timeout = startup_timeout
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.state_dir / "jupyterlab.log"
        self.process = None
        self._log = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def notebook_url(self, name):
        return f"{self.base_url}/lab/tree/{name}?token={self.token}"

    def start(self):
        settings_dir = self.state_dir / "user-settings"
        for rel, values in LAB_SETTINGS.items():
            path = settings_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        env = dict(os.environ)
        env["JUPYTER_CONFIG_DIR"] = str(self.state_dir / "config")
        env["JUPYTER_RUNTIME_DIR"] = str(self.state_dir / "runtime")
        env["JUPYTER_PLATFORM_DIRS"] = "1"
        command = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.expose_app_in_browser=True",
            f"--LabApp.user_settings_dir={settings_dir}",
            f"--LabApp.workspaces_dir={self.state_dir / 'workspaces'}",
        ]
        if os.geteuid() == 0:
            # Containers and CI runners often run as root; Jupyter refuses that by default.
            command.append("--allow-root")
        self._log = open(self.log_path, "wb")
        # A session of its own, so teardown can signal the server and anything it spawned.
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env=env,
            cwd=self.root_dir, start_new_session=True,
        )
        try:
            self._wait_until_ready()
        except BaseException:
            # `with` never reaches __exit__ when __enter__ raises: stop the server here.
            self.stop()
            raise

    def api(self, method, path):
        request = urllib.request.Request(
            f"{self.base_url}{path}", method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            body = response.read()
        return json.loads(body) if body else None

    def _wait_until_ready(self):
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab exited with status {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.api("GET", "/api/status")
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError(
            f"JupyterLab did not answer /api/status within {self.startup_timeout} s:\n"
            f"{self.log_tail()}")

    def log_tail(self, lines=40):
        if self._log is not None:
            self._log.flush()
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            # Kernels run in sessions of their own, so the process-group signal below would
            # miss them; ask the server to shut them down first.
            try:
                for kernel in self.api("GET", "/api/kernels") or []:
                    self.api("DELETE", f"/api/kernels/{kernel['id']}")
            except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError) as error:
                print(f"could not shut kernels down through the API: {error}", file=sys.stderr)
            self._signal_group(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.process.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            self._log = None
        self.process = None

    def _signal_group(self, sig):
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass
