"""Execute semantics through the real kernel: stop-on-error aborts, silent cells,
history-less cells, user_expressions and the pager."""
from conftest import result_text, run_cell


def replies_for(kc, msg_ids, timeout=10):
    replies = {}
    while len(replies) < len(msg_ids):
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") in msg_ids:
            replies[reply["parent_header"]["msg_id"]] = reply["content"]
    return [replies[m] for m in msg_ids]


def test_run_all_stops_at_the_first_error_and_aborts_the_queued_cells(kernel):
    _, kc = kernel
    # Sent at once, as JupyterLab's "Run All" does: the later cells are queued when the first fails.
    ids = [kc.execute("sleep(0.2)\nundefined_name"), kc.execute("a = 1"), kc.execute("a")]
    failed, second, third = replies_for(kc, ids)
    assert failed["status"] == "error" and failed["ename"] == "NameError"
    for aborted in (second, third):
        assert aborted == {"status": "aborted"}
    # The aborted cell never ran: `a` does not exist.
    content, _ = run_cell(kc, "a")
    assert content["ename"] == "NameError"


def test_aborted_requests_are_answered_as_ipykernel_answers_them(kernel):
    """ipykernel (kernelbase.py, `_send_abort_reply`) answers a request queued behind a failure
    with content `{"status": "aborted"}` and the status repeated in the metadata; on iopub the
    request causes busy and idle and nothing between: no execute_input, no error output. Without
    an execution_count in the reply, JupyterLab leaves the cell's prompt empty."""
    _, kc = kernel
    ids = [kc.execute("sleep(0.2)\nundefined_name"), kc.execute("a = 1"), kc.execute("a")]
    replies = {}
    while len(replies) < 3:
        msg = kc.get_shell_msg(timeout=10)
        if msg["parent_header"].get("msg_id") in ids:
            replies[msg["parent_header"]["msg_id"]] = msg
    iopub = {m: [] for m in ids}
    idle = set()
    while len(idle) < 3:
        msg = kc.get_iopub_msg(timeout=10)
        parent = msg["parent_header"].get("msg_id")
        if parent not in iopub:
            continue
        if msg["msg_type"] == "status":
            iopub[parent].append(msg["content"]["execution_state"])
            if msg["content"]["execution_state"] == "idle":
                idle.add(parent)
        else:
            iopub[parent].append(msg["msg_type"])
    assert iopub[ids[0]] == ["busy", "execute_input", "error", "idle"]
    for aborted in ids[1:]:
        reply = replies[aborted]
        assert reply["msg_type"] == "execute_reply"
        assert reply["content"] == {"status": "aborted"}
        assert reply["metadata"].get("status") == "aborted"
        assert iopub[aborted] == ["busy", "idle"]
    # The next request is new work: it runs, with the count after the failing cell's.
    content, _ = run_cell(kc, "2")
    assert content["status"] == "ok" and content["execution_count"] == 2


def test_a_cell_sent_after_the_error_reply_runs(kernel):
    _, kc = kernel
    assert run_cell(kc, "undefined_name")[0]["status"] == "error"
    content, outputs = run_cell(kc, "2 * 21")
    assert content["status"] == "ok"
    assert result_text(outputs) == "42"


def test_stop_on_error_false_runs_the_queued_cells(kernel):
    _, kc = kernel
    ids = [kc.execute("undefined_name", stop_on_error=False), kc.execute("b = 2"), kc.execute("b")]
    failed, second, third = replies_for(kc, ids)
    assert failed["status"] == "error"
    assert second["status"] == "ok" and third["status"] == "ok"


def test_execution_count_counts_only_stored_cells(kernel):
    _, kc = kernel
    assert run_cell(kc, "1")[0]["execution_count"] == 1
    msg_id = kc.execute("2", store_history=False)
    assert replies_for(kc, [msg_id])[0]["execution_count"] == 1
    msg_id = kc.execute("3", silent=True)
    assert replies_for(kc, [msg_id])[0]["execution_count"] == 1
    assert run_cell(kc, "4")[0]["execution_count"] == 2


def test_silent_cell_has_no_execute_input_or_result(kernel):
    _, kc = kernel
    msg_id = kc.execute("c = 5\nc", silent=True)
    replies_for(kc, [msg_id])
    types = []
    while True:
        msg = kc.get_iopub_msg(timeout=5)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        types.append(msg["msg_type"])
    assert "execute_input" not in types and "execute_result" not in types
    assert result_text(run_cell(kc, "c")[1]) == "5"


def test_user_expressions_are_evaluated_after_the_cell(kernel):
    _, kc = kernel
    msg_id = kc.execute("d = 20", user_expressions={"twice": "d * 2", "bad": "nope + 1"})
    content = replies_for(kc, [msg_id])[0]
    assert content["user_expressions"]["twice"]["status"] == "ok"
    assert content["user_expressions"]["twice"]["data"]["text/plain"] == "40"
    assert content["user_expressions"]["bad"]["status"] == "error"
    assert content["user_expressions"]["bad"]["ename"] == "NameError"


def test_help_pages_the_documentation(kernel):
    _, kc = kernel
    content, _ = run_cell(kc, "help(print)")
    assert content["status"] == "ok"
    [page] = content["payload"]
    assert page["source"] == "page"
    assert "print" in page["data"]["text/plain"]


def test_syntax_error_points_at_the_column_with_a_caret(kernel):
    _, kc = kernel
    content, outputs = run_cell(kc, "x = 1\ny = (x +\nprint(y")
    assert content["status"] == "error"
    assert content["ename"] == "SyntaxError"
    errors = [m for m in outputs if m["msg_type"] == "error"]
    assert len(errors) == 1
    text = "\n".join(errors[0]["content"]["traceback"])
    assert "^" in text and "cell[" in text
    # The names defined before the error are still there.
    run_cell(kc, "z = 3")
    assert result_text(run_cell(kc, "z")[1]) == "3"


def test_a_run_all_request_delivered_late_is_still_aborted(kernel):
    """JupyterLab's "Run All" requests reach the kernel through the server and can arrive
    after the failing cell ended; their send time (header date) says they belong to the run."""
    _, kc = kernel
    from datetime import datetime, timezone

    sent_before = datetime.now(timezone.utc)
    failing = kc.execute("sleep(0.3)\nundefined_name")
    late = kc.session.msg("execute_request", {"code": "late = 1", "silent": False, "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    late["header"]["date"] = sent_before.isoformat().replace("+00:00", "Z")
    [failed] = replies_for(kc, [failing])
    assert failed["status"] == "error"
    kc.shell_channel.send(late)
    [aborted] = replies_for(kc, [late["header"]["msg_id"]])
    assert aborted["status"] == "aborted"
    content, _ = run_cell(kc, "late")
    assert content["ename"] == "NameError", "the late Run All cell ran"
