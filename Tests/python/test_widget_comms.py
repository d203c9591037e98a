"""Widget comms through the real sockets, from jupyter_client: what JupyterLab's widget
manager relies on, in the order it relies on it.

- A `comm_msg` sent while a cell runs waits until the cell ends (the shell socket belongs to
  the execution thread), then gets its own busy and idle.
- The kernel's own widget updates during a cell reach the client while the cell still runs.
- `comm_info_request` lists every widget comm, filtered by target name.
"""
import time

from conftest import run_cell


def opened_models(outputs):
    """{model name: comm id} of the comm_opens among `outputs`."""
    return {m["content"]["data"]["state"]["_model_name"]: m["content"]["comm_id"]
            for m in outputs if m["msg_type"] == "comm_open"}


def test_a_comm_message_sent_during_a_cell_is_handled_after_it(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "s = IntSlider()\nmoves = []\ndef f(change):\n    moves.append(change['new'])\nobserve(s, f)\ns")
    assert reply["status"] == "ok"
    slider = opened_models(outputs)["IntSliderModel"]
    cell_id = kc.execute("sleep(0.5)\nlen(moves)")
    time.sleep(0.1)  # the cell is running
    move = kc.session.msg("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": 7}}})
    kc.shell_channel.send(move)
    events = []
    while len(events) < 4:
        msg = kc.get_iopub_msg(timeout=10)
        parent = msg["parent_header"].get("msg_id")
        if msg["msg_type"] == "status" and parent in (cell_id, move["header"]["msg_id"]):
            events.append(("cell" if parent == cell_id else "move", msg["content"]["execution_state"]))
        if msg["msg_type"] == "execute_result" and parent == cell_id:
            # The observer had not run yet when the cell ended.
            assert msg["content"]["data"]["text/plain"] == "0"
    assert events == [("cell", "busy"), ("cell", "idle"), ("move", "busy"), ("move", "idle")]
    _, outputs = run_cell(kc, "moves")
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["[7]"]


def test_the_kernels_own_updates_arrive_while_the_cell_runs(kernel):
    _, kc = kernel
    cell_id = kc.execute('status = Label("start")\nshow(status)\nfor i in range(3):\n    status.value = f"step {i}"\n    sleep(0.4)')
    arrivals = []
    start = time.perf_counter()
    while True:
        msg = kc.get_iopub_msg(timeout=10)
        if msg["parent_header"].get("msg_id") != cell_id:
            continue
        if msg["msg_type"] == "comm_msg":
            arrivals.append((msg["content"]["data"]["state"]["value"], time.perf_counter() - start))
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            ended = time.perf_counter() - start
            break
    assert [value for value, _ in arrivals] == ["step 0", "step 1", "step 2"]
    # The first update came about 0.8 s before the cell ended, not with its end.
    assert ended - arrivals[0][1] > 0.6, (arrivals, ended)


def test_comm_info_lists_the_widget_comms_by_target(kernel):
    _, kc = kernel
    _, outputs = run_cell(kc, "HBox([IntSlider(), Checkbox()])")
    ids = set(opened_models(outputs).values())
    assert len(ids) == 3
    msg_id = kc.comm_info(target_name="jupyter.widget")
    reply = kc.get_shell_msg(timeout=10)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert set(reply["content"]["comms"]) == ids
    assert all(c["target_name"] == "jupyter.widget" for c in reply["content"]["comms"].values())
    kc.comm_info(target_name="something.else")
    assert kc.get_shell_msg(timeout=10)["content"]["comms"] == {}


def test_nbclient_saves_the_widgets_state_and_the_fallback_picture():
    """`nbconvert --execute` (nbclient) keeps every model's state in the notebook, the picture
    as a base64 buffer, and the output keeps a PNG for viewers without widgets."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "cnnlab", "display_name": "CNN Lab", "language": "cnnlab"}
    nb.cells.append(nbformat.v4.new_code_cell('explore(LeNet5(), image("digit9"))'))
    NotebookClient(nb, kernel_name="cnnlab", store_widget_state=True, timeout=60).execute()
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]
    assert (state["version_major"], state["version_minor"]) == (2, 0)
    models = state["state"].values()
    assert sorted(m["model_name"] for m in models).count("IntSliderModel") == 3
    assert all(m["model_module_version"] == "2.0.0" for m in models)
    image = next(m for m in models if m["model_name"] == "ImageModel")
    assert [b["path"] for b in image["buffers"]] == [["value"]]
    output = nb.cells[0].outputs[0]["data"]
    assert output["application/vnd.jupyter.widget-view+json"]["model_id"] in state["state"]
    assert output["image/png"] and output["text/plain"] == "VBox(children=2)"


def test_an_observer_that_never_ends_can_be_interrupted(kernel):
    _, kc = kernel
    _, outputs = run_cell(kc, "s = IntSlider()\ndef forever(change):\n    while True:\n        pass\nobserve(s, forever)\ns")
    slider = opened_models(outputs)["IntSliderModel"]
    move = kc.session.msg("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": 1}}})
    kc.shell_channel.send(move)
    time.sleep(0.5)
    kc.control_channel.send(kc.session.msg("interrupt_request", {}))
    stderr = ""
    while True:
        msg = kc.get_iopub_msg(timeout=10)
        if msg["parent_header"].get("msg_id") != move["header"]["msg_id"]:
            continue
        if msg["msg_type"] == "stream":
            stderr += msg["content"]["text"]
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    assert "KeyboardInterrupt" in stderr, stderr
    # The kernel goes on, and the slider kept its new value.
    _, outputs = run_cell(kc, "s.value")
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["1"]
