"""Malformed and forged protocol messages sent to the real kernel over raw ZeroMQ sockets.

Each case is sent on the shell socket; afterwards the kernel must still answer a valid
request normally. Messages it cannot trust (bad signature, broken framing, unreadable
header) are dropped; requests it can read but that lack required fields get an error reply.
"""
import hashlib
import hmac
import json
import uuid
from datetime import datetime, timezone

import pytest
import zmq

from conftest import KERNEL_NAME
from jupyter_client.manager import KernelManager

DELIM = b"<IDS|MSG>"


class RawClient:
    def __init__(self, info):
        self.key = info["key"].encode() if isinstance(info["key"], str) else info["key"]
        self.session = uuid.uuid4().hex
        self.ctx = zmq.Context()
        url = f"{info['transport']}://{info['ip']}:"
        self.shell = self.ctx.socket(zmq.DEALER)
        self.shell.connect(url + str(info["shell_port"]))
        self.iopub = self.ctx.socket(zmq.SUB)
        self.iopub.setsockopt(zmq.SUBSCRIBE, b"")
        self.iopub.connect(url + str(info["iopub_port"]))

    def close(self):
        self.shell.close(linger=0)
        self.iopub.close(linger=0)
        self.ctx.term()

    def sign(self, parts):
        mac = hmac.new(self.key, digestmod=hashlib.sha256)
        for part in parts:
            mac.update(part)
        return mac.hexdigest().encode()

    def header(self, msg_type):
        return {
            "msg_id": uuid.uuid4().hex, "session": self.session, "username": "test",
            "date": datetime.now(timezone.utc).isoformat().replace("+00:00", "Z"),
            "msg_type": msg_type, "version": "5.3",
        }

    def frames(self, msg_type, content, header=None):
        header = header or self.header(msg_type)
        parts = [json.dumps(header).encode(), b"{}", b"{}", json.dumps(content).encode()]
        return header, [DELIM, self.sign(parts)] + parts

    def send_raw(self, frames):
        self.shell.send_multipart(frames)

    def send_signed(self, parts):
        """Sends header, parent, metadata and content bytes as given, correctly signed."""
        self.send_raw([DELIM, self.sign(parts)] + parts)

    def request(self, msg_type, content, timeout_ms=3000):
        header, frames = self.frames(msg_type, content)
        self.shell.send_multipart(frames)
        return self.reply_to(header["msg_id"], timeout_ms)

    def reply_to(self, msg_id, timeout_ms):
        """The shell reply whose parent is msg_id, or None if none comes in time."""
        poller = zmq.Poller()
        poller.register(self.shell, zmq.POLLIN)
        while poller.poll(timeout_ms):
            frames = self.shell.recv_multipart()
            i = frames.index(DELIM)
            sig, parts = frames[i + 1], frames[i + 2:i + 6]
            assert sig == self.sign(parts), "the kernel's reply has a bad signature"
            msg = {
                "header": json.loads(parts[0]), "parent_header": json.loads(parts[1]),
                "content": json.loads(parts[3]),
            }
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg
        return None

    def assert_alive(self):
        reply = self.request("kernel_info_request", {})
        assert reply is not None, "the kernel no longer answers kernel_info_request"
        assert reply["content"]["status"] == "ok"
        reply = self.request("execute_request", {"code": "1 + 2", "silent": False})
        assert reply is not None and reply["content"]["status"] == "ok"


@pytest.fixture(scope="module")
def raw():
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel()
    client = RawClient(km.get_connection_info())
    client.assert_alive()
    yield client
    client.close()
    assert km.is_alive(), "the kernel died during the robustness tests"
    km.shutdown_kernel(now=True)


def test_forged_signature_is_dropped(raw):
    header, frames = raw.frames("execute_request", {"code": "forged = 1"})
    frames[1] = b"0" * 64
    raw.send_raw(frames)
    assert raw.reply_to(header["msg_id"], 500) is None
    raw.assert_alive()
    # The forged cell must not have run.
    reply = raw.request("execute_request", {"code": "forged"})
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "NameError"


def test_missing_signature_is_dropped(raw):
    header, frames = raw.frames("kernel_info_request", {})
    frames[1] = b""
    raw.send_raw(frames)
    assert raw.reply_to(header["msg_id"], 500) is None
    raw.assert_alive()


@pytest.mark.parametrize("keep", [1, 2, 3, 5])
def test_truncated_multipart_is_dropped(raw, keep):
    _, frames = raw.frames("kernel_info_request", {})
    raw.send_raw(frames[:keep])
    raw.assert_alive()


def test_no_delimiter_is_dropped(raw):
    raw.send_raw([b"just", b"some", b"frames"])
    raw.assert_alive()


def test_invalid_json_header_is_dropped(raw):
    parts = [b"{not json", b"{}", b"{}", b"{}"]
    raw.send_signed(parts)
    raw.assert_alive()


def test_invalid_utf8_is_dropped(raw):
    parts = [b"\xff\xfe\xfd", b"\x80", b"{}", b"\xc3\x28"]
    raw.send_signed(parts)
    raw.assert_alive()


def test_header_that_is_not_an_object_is_dropped(raw):
    parts = [b"[1, 2, 3]", b"{}", b"{}", b"{}"]
    raw.send_signed(parts)
    raw.assert_alive()


def assert_content_gets_an_error_reply(raw, content):
    header = raw.header("execute_request")
    raw.send_signed([json.dumps(header).encode(), b"{}", b"{}", content])
    reply = raw.reply_to(header["msg_id"], 3000)
    assert reply is not None and reply["content"]["status"] == "error"
    raw.assert_alive()


def test_invalid_json_content_gets_an_error_reply(raw):
    assert_content_gets_an_error_reply(raw, b"{\"code\": ")


def test_unknown_msg_type_gets_no_reply(raw):
    header, frames = raw.frames("make_coffee_request", {"sugar": 2})
    raw.send_raw(frames)
    assert raw.reply_to(header["msg_id"], 500) is None
    raw.assert_alive()


@pytest.mark.parametrize(
    "msg_type,content",
    [
        ("execute_request", {}),
        ("execute_request", {"code": 42}),
        ("complete_request", {"code": "pri"}),
        ("inspect_request", {"cursor_pos": 3}),
        ("is_complete_request", {}),
        ("history_request", {"output": False, "raw": True}),
        ("history_request", {"hist_access_type": "teleport", "output": False, "raw": True}),
    ],
)
def test_request_missing_required_fields_gets_an_error_reply(raw, msg_type, content):
    reply = raw.request(msg_type, content)
    assert reply is not None, f"{msg_type} without its fields got no reply"
    assert reply["header"]["msg_type"] == msg_type.replace("_request", "_reply")
    status = reply["content"]["status"]
    if msg_type == "is_complete_request":
        assert status in ("invalid", "unknown")
    else:
        assert status == "error"
    raw.assert_alive()


def test_content_of_the_wrong_json_type_gets_an_error_reply(raw):
    assert_content_gets_an_error_reply(raw, b"[\"code\"]")


def test_huge_cell_is_handled(raw):
    code = "x = 1\n" * 50000 + "x + 1"
    reply = raw.request("execute_request", {"code": code}, timeout_ms=10000)
    assert reply is not None and reply["content"]["status"] == "ok"
    raw.assert_alive()
