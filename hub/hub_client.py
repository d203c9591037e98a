"""A learner seen from outside the hub: log in through the REST API, start the server, run
cells in a kernel over the hub's proxy. Shared by Tests/python/test_hub.py and
bench/classroom.py; asynchronous, so that one process can be forty learners at once.
"""

import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

# Forty learners share one client; tornado's default of ten connections would queue them.
AsyncHTTPClient.configure(None, max_clients=200)


class HubError(Exception):
    """A step of the learner's path that the hub or the server refused."""


@dataclass
class CellRun:
    """One executed cell: its reply status, what it wrote, and send-to-last-output time."""
    status: str
    outputs: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""

    def text(self) -> str:
        parts = []
        for msg in self.outputs:
            content = msg["content"]
            if msg["msg_type"] == "stream":
                parts.append(content["text"])
            elif msg["msg_type"] in ("execute_result", "display_data"):
                parts.append(content["data"].get("text/plain", ""))
            elif msg["msg_type"] == "error":
                parts.append(f"{content['ename']}: {content['evalue']}")
        return "".join(parts)


class Learner:
    def __init__(self, hub_url: str, name: str):
        self.hub_url = hub_url.rstrip("/")
        self.name = name
        self.token = ""
        self.http = AsyncHTTPClient()

    async def request(self, method: str, path: str, body=None, token: str | None = None,
                      timeout: float = 60) -> tuple[int, object]:
        """`path` from the hub's root; answers (status, parsed JSON or None), never raises on
        an HTTP status so that tests can assert refusals."""
        headers = {"Authorization": f"token {token if token is not None else self.token}"}
        request = HTTPRequest(
            self.hub_url + path, method=method, headers=headers,
            body=None if body is None and method == "GET" else json.dumps(body or {}),
            request_timeout=timeout, allow_nonstandard_methods=True, follow_redirects=False)
        try:
            response = await self.http.fetch(request, raise_error=False)
        except HTTPClientError as error:
            raise HubError(f"{method} {path}: {error}") from error
        text = response.body.decode("utf-8", "replace") if response.body else ""
        try:
            data = json.loads(text) if text else None
        except json.JSONDecodeError:
            data = None
        return response.code, data

    async def log_in(self, password: str) -> None:
        code, data = await self.request(
            "POST", f"/hub/api/users/{self.name}/tokens",
            {"auth": {"username": self.name, "password": password}}, token="")
        if code != 201:
            raise HubError(f"{self.name} could not log in ({code})")
        self.token = data["token"]

    async def start_server(self, timeout: float = 300) -> None:
        code, _ = await self.request("POST", f"/hub/api/users/{self.name}/server")
        if code not in (201, 202, 400):   # 400: already running
            raise HubError(f"{self.name}'s server did not start ({code})")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code, data = await self.request("GET", f"/hub/api/users/{self.name}")
            server = (data or {}).get("servers", {}).get("", {})
            if server.get("ready"):
                return
            await asyncio.sleep(0.5)
        raise HubError(f"{self.name}'s server was not ready after {timeout:.0f} s")

    async def stop_server(self) -> None:
        await self.request("DELETE", f"/hub/api/users/{self.name}/server")

    def server_path(self, path: str, owner: str | None = None) -> str:
        return f"/user/{owner or self.name}/{path}"

    async def start_kernel(self, kernel_name: str) -> "Kernel":
        code, data = await self.request("POST", self.server_path("api/kernels"),
                                        {"name": kernel_name})
        if code != 201:
            raise HubError(f"{self.name}: kernel {kernel_name} did not start ({code})")
        url = self.hub_url.replace("http", "ws", 1) + self.server_path(
            f"api/kernels/{data['id']}/channels")
        socket = await websocket_connect(HTTPRequest(
            url, headers={"Authorization": f"token {self.token}"}), max_message_size=1 << 28)
        return Kernel(data["id"], socket)


class Kernel:
    """A kernel's channels over the server's websocket (Jupyter's JSON message format)."""

    def __init__(self, kernel_id: str, socket):
        self.id = kernel_id
        self.socket = socket
        self.session = uuid.uuid4().hex

    async def execute(self, code: str, timeout: float = 120) -> CellRun:
        msg_id = uuid.uuid4().hex
        message = {
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "learner",
                       "session": self.session, "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        }
        start = time.monotonic()
        await self.socket.write_message(json.dumps(message))
        run = CellRun(status="")
        idle = False
        while run.status == "" or not idle:
            remaining = timeout - (time.monotonic() - start)
            if remaining <= 0:
                return CellRun("timeout", run.outputs, time.monotonic() - start,
                               f"no answer within {timeout:.0f} s")
            try:
                raw = await asyncio.wait_for(self.socket.read_message(), remaining)
            except asyncio.TimeoutError:
                continue
            if raw is None:
                return CellRun("closed", run.outputs, time.monotonic() - start,
                               "the kernel's websocket closed")
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "execute_reply":
                run.status = msg["content"]["status"]
            elif kind == "status":
                idle = msg["content"]["execution_state"] == "idle"
            elif kind in ("stream", "execute_result", "display_data", "error",
                          "update_display_data"):
                run.outputs.append(msg)
                if kind == "error":
                    run.error = f"{msg['content']['ename']}: {msg['content']['evalue']}"
        run.seconds = time.monotonic() - start
        return run

    def close(self) -> None:
        self.socket.close()
