"""The classroom hub (`make hub`): started from hub/jupyterhub_config.py as `make hub` starts
it, on free loopback ports, with a class of two learners and a teacher made for this test.

Through the hub's REST API and proxy only, as a browser would: both learners log in, start
their servers and run a cell in their own CNN Lab kernel; each finds the chapters in their
home and sees only their own files; a learner's token is refused at the other learner's server,
kernels and hub record; and (as root, with one Unix user per learner) a learner's kernel
cannot open the other's file by path, while its owner's can. The teacher releases the
homework through nbgrader's exchange, a learner fetches and submits it, the teacher collects
it; only the teacher's JupyterLab shows nbgrader's Formgrader. Afterwards no process the hub
started is left, and the accounts are gone.
"""

import asyncio
import base64
import getpass
import io
import json
import os
import shutil
import socket
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from PIL import Image
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "hub"))
from hub_client import Learner  # noqa: E402
from local_hub import AS_ROOT, HUB_VENV, LocalHub, descendants  # noqa: E402

PASSWORD = "class-" + uuid.uuid4().hex[:12]
CHAPTERS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def hub():
    assert (HUB_VENV / "bin" / "jupyterhub").exists(), "run `make hub-venv` (make test does)"
    root = Path(tempfile.mkdtemp(prefix="cnnlab-hub-"))
    os.chmod(root, 0o755)   # learners must reach their homes inside it
    tag = uuid.uuid4().hex[:5]
    # Names no real person has; the accounts script refuses to touch users it did not make.
    hub = LocalHub(root, [f"cnlt{tag}a", f"cnlt{tag}b"], [f"cnlt{tag}t"], PASSWORD)
    hub.teacher = hub.teachers[0]
    try:
        hub.start()
        yield hub
    finally:
        left = hub.stop()
        kept = hub.remove_accounts()
        shutil.rmtree(root, ignore_errors=True)
        assert not kept, f"accounts left on the machine: {kept}"
        assert not left, "processes left running after the hub stopped:\n" + "\n".join(left)


def run(coroutine):
    return asyncio.run(coroutine)


async def logged_in(hub: LocalHub, name: str) -> Learner:
    learner = Learner(hub.url, name)
    await learner.log_in(PASSWORD)
    await learner.start_server()
    return learner


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (3, 2), color=200).save(buffer, format="PNG")
    return buffer.getvalue()


def test_hub_refuses_a_wrong_password_and_unknown_names(hub):
    async def attempt(name, password):
        return (await Learner(hub.url, name).request(
            "POST", f"/hub/api/users/{name}/tokens",
            {"auth": {"username": name, "password": password}}, token=""))[0]
    assert run(attempt(hub.learners[0], "not-the-password")) == 403
    assert run(attempt("stranger", PASSWORD)) == 403


def test_two_learners_run_cells_in_their_own_kernels(hub):
    async def scenario():
        results = {}
        for name in hub.learners:
            learner = await logged_in(hub, name)
            kernel = await learner.start_kernel("cnnlab")
            # A 4x4 of ones through a 3x3 of ones: four windows of nine.
            first = await kernel.execute("total = sum(conv2d(ones((4, 4)), ones((3, 3))))\ntotal")
            # Each kernel keeps its own names: the other learner's `who` never shows here.
            second = await kernel.execute(f'who = "{name}"\nprint(who, total * 2)')
            kernel.close()
            results[name] = (first, second)
        return results

    for name, (first, second) in run(scenario()).items():
        assert first.status == "ok", first.error
        assert first.text().strip() == "36"
        assert second.status == "ok", second.error
        assert second.text().strip() == f"{name} 72"


def test_each_learner_finds_the_chapters_and_only_their_own_files(hub):
    async def scenario():
        a, b = [await logged_in(hub, name) for name in hub.learners]
        put = await a.request("PUT", a.server_path("api/contents/mine.txt"),
                              {"type": "file", "format": "text", "content": "a's own"})
        listings = {}
        for learner in (a, b):
            code, home = await learner.request("GET", learner.server_path("api/contents"))
            assert code == 200
            code, chapters = await learner.request("GET", learner.server_path("api/contents/chapters"))
            assert code == 200
            listings[learner.name] = ({item["name"] for item in home["content"]},
                                      sorted(item["name"] for item in chapters["content"]))
        outside = await b.request("GET", b.server_path(f"api/contents/../{a.name}/mine.txt"))
        return put[0], listings, outside[0]

    put, listings, outside = run(scenario())
    a, b = hub.learners
    assert put == 201
    assert listings[a][1] == CHAPTERS and listings[b][1] == CHAPTERS
    assert "mine.txt" in listings[a][0]
    assert "mine.txt" not in listings[b][0]
    assert outside in (400, 403, 404)


def test_a_learners_token_cannot_reach_the_other_learner(hub):
    async def scenario():
        a, b = [await logged_in(hub, name) for name in hub.learners]
        kernel = await b.start_kernel("cnnlab")
        kernel.close()
        codes = {
            "contents": (await a.request("GET", a.server_path("api/contents", owner=b.name)))[0],
            "kernels": (await a.request("GET", a.server_path("api/kernels", owner=b.name)))[0],
            "kernel": (await a.request(
                "GET", a.server_path(f"api/kernels/{kernel.id}", owner=b.name)))[0],
            "new kernel": (await a.request(
                "POST", a.server_path("api/kernels", owner=b.name), {"name": "cnnlab"}))[0],
            "hub record": (await a.request("GET", f"/hub/api/users/{b.name}"))[0],
            "stop server": (await a.request("DELETE", f"/hub/api/users/{b.name}/server"))[0],
            "own kernels": (await b.request("GET", b.server_path("api/kernels")))[0],
            "no token": (await a.request("GET", a.server_path("api/contents", owner=b.name),
                                         token=""))[0],
        }
        # The other learner's kernel channels, with the first learner's own valid token.
        url = hub.url.replace("http", "ws", 1) + a.server_path(
            f"api/kernels/{kernel.id}/channels", owner=b.name)
        try:
            socket = await websocket_connect(HTTPRequest(
                url, headers={"Authorization": f"token {a.token}"}))
            socket.close()
            codes["channels"] = 101
        except HTTPClientError as error:   # tornado raises on a refused upgrade
            codes["channels"] = error.code
        return codes

    codes = run(scenario())
    assert codes["own kernels"] == 200, codes        # the control: the owner gets in
    for what in ("contents", "kernels", "kernel", "new kernel", "stop server", "channels"):
        assert codes[what] in (403, 404), (what, codes)
    assert codes["hub record"] == 404, codes         # the hub does not even say B exists
    assert codes["no token"] in (302, 403), codes    # to the login page, or refused


@pytest.mark.skipif(not AS_ROOT, reason="one Unix user per learner needs the hub to run as root")
def test_a_learners_kernel_cannot_open_the_other_learners_files(hub):
    a_name, b_name = hub.learners
    secret = hub.home(b_name) / "secret.png"

    async def scenario():
        a, b = [await logged_in(hub, name) for name in (a_name, b_name)]
        put = await b.request("PUT", b.server_path("api/contents/secret.png"), {
            "type": "file", "format": "base64",
            "content": base64.b64encode(png_bytes()).decode()})
        assert put[0] == 201
        cell = f'image("{secret}").shape'
        b_kernel, a_kernel = await b.start_kernel("cnnlab"), await a.start_kernel("cnnlab")
        own, other = await b_kernel.execute(cell), await a_kernel.execute(cell)
        b_kernel.close(), a_kernel.close()
        return own, other

    own, other = run(scenario())
    assert own.status == "ok" and own.text().strip() == "(2, 3)", own.error
    assert other.status == "error"
    assert "permission denied" in other.error, other.error
    for name in hub.learners:
        assert hub.home(name).stat().st_mode & 0o777 == 0o700
        assert hub.home(name).stat().st_uid != 0


def test_homework_goes_out_and_comes_back_through_nbgrader_s_exchange(hub):
    """Each step runs as its owner would in a JupyterLab terminal: a Python kernel on the
    owner's own server, with that server's environment."""
    learner = hub.learners[0]

    async def shell(name: str, command: str):
        person = await logged_in(hub, name)
        kernel = await person.start_kernel("python3")
        cell = await kernel.execute(
            "import subprocess, os\n"
            f"r = subprocess.run({command!r}, shell=True, cwd=os.path.expanduser('~'), "
            "capture_output=True, text=True)\nprint(r.returncode, r.stdout[-2000:], r.stderr[-2000:])",
            timeout=180)
        kernel.close()
        assert cell.status == "ok", cell.error
        code, _, rest = cell.text().partition(" ")
        assert code == "0", f"{name}: {command}\n{rest}"
        return rest

    async def scenario():
        await shell(hub.teacher, "cd course && nbgrader generate_assignment cnnlab --force"
                                 " && nbgrader release_assignment cnnlab --force")
        await shell(learner, "nbgrader fetch_assignment cnnlab && nbgrader submit cnnlab")
        await shell(hub.teacher, "cd course && nbgrader collect cnnlab")

    run(scenario())
    # nbgrader's exchange names a submitter by Unix user: without root every learner's server
    # runs as the hub's own user, and the homework arrives under that name instead.
    student = learner if AS_ROOT else getpass.getuser()
    collected = hub.home(hub.teacher) / "course" / "submitted" / student / "cnnlab"
    assert sorted(p.name for p in collected.glob("*.ipynb")) == CHAPTERS
    assert not (hub.home(hub.teacher) / "course" / "submitted" / hub.learners[1]).exists()


def test_idle_culler_watches_the_servers(hub):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if "GET /hub/api/users" in hub.log.read_text() and "idle-culler" in hub.log.read_text():
            return
        time.sleep(1)
    raise AssertionError("the idle culler never asked the hub about its users")


def listening_addresses(pids) -> list[str]:
    """Local addresses of the TCP sockets that `pids` listen on, from /proc."""
    inodes = set()
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
                if link.startswith("socket:["):
                    inodes.add(link[8:-1])
        except OSError:
            continue
    addresses = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:   # 0A: LISTEN
                host, port = fields[1].split(":")
                addresses.append(f"{proc_net_host(host)}:{int(port, 16)}")
    return addresses


def proc_net_host(text: str) -> str:
    """/proc/net/tcp* write an address as 32-bit words in the machine's (little-endian) order."""
    raw = b"".join(bytes.fromhex(text[i:i + 8])[::-1] for i in range(0, len(text), 8))
    return socket.inet_ntop(socket.AF_INET if len(raw) == 4 else socket.AF_INET6, raw)


def test_everything_the_hub_started_listens_on_loopback_only(hub):
    async def scenario():
        learner = await logged_in(hub, hub.learners[0])
        (await learner.start_kernel("cnnlab")).close()
    run(scenario())
    pids = [hub.process.pid, *descendants(hub.process.pid)]
    addresses = listening_addresses(pids)
    # The proxy, the hub's API, the server and the kernel's five ZeroMQ sockets at least.
    assert len(addresses) >= 8, addresses
    assert all(a.startswith(("127.0.0.1:", "::1:")) for a in addresses), addresses


def test_only_the_teacher_sees_the_formgrader(hub):
    """JupyterLab's page lists the extensions it leaves out: nbgrader's Formgrader for a
    learner, not for the teacher."""
    async def disabled(name: str) -> list[str]:
        person = await logged_in(hub, name)
        response = await person.http.fetch(HTTPRequest(
            hub.url + person.server_path("lab"), headers={"Authorization": f"token {person.token}"}))
        page = response.body.decode()
        start = page.index('id="jupyter-config-data"')
        data = page[page.index(">", start) + 1:page.index("</script>", start)]
        return json.loads(data)["disabledExtensions"]

    learner, teacher = run(disabled(hub.learners[0])), run(disabled(hub.teacher))
    assert "@jupyter/nbgrader:formgrader" in learner, learner
    assert "@jupyter/nbgrader:formgrader" not in teacher, teacher
