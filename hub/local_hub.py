"""A classroom hub started for a while and stopped again: `make hub`'s configuration on free
loopback ports, with a class made for the occasion and removed afterwards. Shared by
Tests/python/test_hub.py and bench/classroom.py.
"""

import os
import pwd
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

HUB = Path(__file__).resolve().parent
REPO = HUB.parent
AS_ROOT = os.getuid() == 0
# Where `make hub-venv` installs the hub's venv (the Makefile's HUB_PREFIX, passed on by
# `make test`): outside the checkout as root, which learners' users may not reach.
HUB_VENV = Path(os.environ.get("CNNLAB_HUB_PREFIX")
                or ("/opt/cnnlab-hub" if AS_ROOT else REPO / ".venv-hub"))


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def process_table() -> dict[int, tuple[int, str, str]]:
    """pid: (parent pid, user, command line) of every process."""
    lines = subprocess.run(["ps", "-eo", "pid=,ppid=,user:32=,args="], capture_output=True,
                           text=True, check=True).stdout.splitlines()
    table = {}
    for line in lines:
        pid, ppid, user, *args = line.split(None, 3)
        table[int(pid)] = (int(ppid), user, args[0] if args else "")
    return table


def descendants(root: int) -> dict[int, str]:
    """pid: command line of every process below `root`."""
    table = process_table()
    found, frontier = {}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _, args) in table.items():
            if ppid == parent and pid not in found:
                found[pid] = args
                frontier.append(pid)
    return found


def memory_kib(pid: int) -> tuple[int, int]:
    """(resident, proportional) set size of a process in KiB. The proportional size divides
    each shared page among the processes sharing it, so that sums over many learners' servers
    (the same Python, the same libraries) do not count those pages forty times."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def hear_interrupts() -> None:
    """A shell starts background jobs with SIGINT ignored, and the hub's children inherit that:
    then the hub's SIGINT to its culler and servers at shutdown goes unheard, and each waits
    out its 30 s before a SIGTERM. Restored before the hub starts, its children hear it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class LocalHub:
    def __init__(self, root: Path, learners: list[str], teachers: list[str], password: str,
                 environment: dict[str, str] | None = None):
        self.root = root
        self.learners, self.teachers = learners, teachers
        self.password = password
        self.csv = root / "class.csv"
        self.csv.write_text("username,role\n" + "".join(f"{n},learner\n" for n in learners)
                            + "".join(f"{n},teacher\n" for n in teachers))
        self.port, api_port, proxy_api_port = free_ports(3)
        self.url = f"http://127.0.0.1:{self.port}"
        self.state = root / "state"
        self.env = dict(os.environ,
                        PATH=f"{HUB_VENV / 'bin'}:{os.environ.get('PATH', '')}",
                        CNNLAB_HUB_ACCOUNTS=str(self.csv), CNNLAB_HUB_STATE=str(self.state),
                        CNNLAB_HUB_HOMES=str(root), CNNLAB_HUB_PORT=str(self.port),
                        CNNLAB_HUB_API_PORT=str(api_port),
                        CNNLAB_HUB_PROXY_API_PORT=str(proxy_api_port),
                        CNNLAB_HUB_PASSWORD=password, **(environment or {}))
        self.log = root / "jupyterhub.log"
        self.process: subprocess.Popen | None = None

    @property
    def users(self) -> list[str]:
        return [*self.learners, *self.teachers]

    def home(self, name: str) -> Path:
        return self.root / name if AS_ROOT else self.state / "homes" / name

    def start(self, timeout: float = 60) -> None:
        self.process = subprocess.Popen(
            [str(HUB_VENV / "bin" / "jupyterhub"), "-f", str(HUB / "jupyterhub_config.py")],
            cwd=self.root, env=self.env, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=hear_interrupts)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the hub exited:\n" + self.log.read_text())
            try:   # the proxy listens before it has a route to the hub: ask the hub itself
                with urllib.request.urlopen(f"{self.url}/hub/api/", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the hub did not answer within {timeout:.0f} s:\n"
                           + self.log.read_text())

    def still_running(self, started: dict[int, str]) -> list[str]:
        """Processes the hub started (same pid, same command line) or that run as the class's
        users, still alive."""
        return [f"{pid} {user} {args}" for pid, (_, user, args) in process_table().items()
                if started.get(pid) == args or user in self.users]

    def stop(self) -> list[str]:
        """Stops the hub, which stops the servers, kernels, proxy and culler it started, and
        answers what was left running; whatever was left is then killed by its id."""
        started = {}
        if self.process and self.process.poll() is None:
            # Proxy, culler and servers each run in a session of their own: know them first.
            started = descendants(self.process.pid)
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        deadline = time.monotonic() + 15
        left = self.still_running(started)
        while left and time.monotonic() < deadline:
            time.sleep(0.5)
            left = self.still_running(started)
        for line in left:
            try:
                os.kill(int(line.split()[0]), signal.SIGKILL)
            except ProcessLookupError:
                pass
        return left

    def remove_accounts(self) -> list[str]:
        """Deletes the class's Unix users (as root); answers those still there."""
        if not AS_ROOT:
            return []
        subprocess.run([str(HUB_VENV / "bin" / "python"), str(HUB / "accounts.py"), "remove",
                        str(self.csv)], check=False)
        return [name for name in self.users if user_exists(name)]
