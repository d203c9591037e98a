"""Widget latency: a slider change sent as the browser sends it, to the updated picture
arriving, for CNN Lab's `explore` beside ipykernel + ipywidgets doing the same job in the
same run (an IntSlider whose observer slices a map computed beforehand, draws it as a PNG
with Pillow and sets an Image's value).

Each change is a `comm_msg` `update {value}` on the channel slider's comm, sent on shell
through jupyter_client; the time is taken when the Image's `update` (with its PNG buffer)
parented to that message arrives on iopub. The next change waits for that message's idle,
as the browser's throttle does. Two workloads: LeNet-5 on a digit (6 maps of 28x28, drawn
4x) and VGG-16's first block (two 3x3 convolutions and a pooling) on a 224x224x3 input (64
maps of 224x224). Run by hand, not by `make test`:

    python bench/widget_latency.py [--changes 200] [--rounds 3]

The browser's own hop (JupyterLab's server relays the websocket to ZeroMQ) is the same for
both kernels and is not measured here.
"""
import argparse
import statistics
import time

from jupyter_client.manager import start_new_kernel

CNNLAB = {
    "lenet5": 'explorer = explore(LeNet5(), image("digit9"))\nexplorer',
    "vgg16_block1": ('block = Sequential([Conv2D(64, 3, padding="same", activation="relu", input_shape=(224, 224, 3)),\n'
                     '    Conv2D(64, 3, padding="same", activation="relu"), MaxPooling2D(2)])\n'
                     'explorer = explore(block, random((224, 224, 3), seed=1))\nexplorer'),
}

PEER_SETUP = """
import io
import numpy as np
import ipywidgets as widgets
from PIL import Image as Picture
maps = np.random.default_rng(1).random(({h}, {w}, {c}), dtype=np.float32)
def png(c):
    m = maps[:, :, c]
    g = (255 * (m - m.min()) / max(float(m.max() - m.min()), 1e-9)).astype(np.uint8)
    picture = Picture.fromarray(g).resize(({w} * {k}, {h} * {k}), Picture.NEAREST)
    out = io.BytesIO()
    picture.save(out, 'png')
    return out.getvalue()
channel = widgets.IntSlider(0, 0, {c} - 1, description='channel')
image = widgets.Image(value=png(0), format='png')
channel.observe(lambda change: setattr(image, 'value', png(change['new'])), 'value')
widgets.VBox([channel, image])
"""
PEER = {"lenet5": PEER_SETUP.format(h=28, w=28, c=6, k=4), "vgg16_block1": PEER_SETUP.format(h=224, w=224, c=64, k=1)}
CHANNELS = {"lenet5": 6, "vgg16_block1": 64}


def opened_widgets(kc, code):
    """Runs `code`; returns the comm ids of the channel slider and the image it opened."""
    msg_id = kc.execute(code)
    slider = image = None
    while True:
        msg = kc.get_iopub_msg(timeout=300)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "comm_open":
            state = msg["content"]["data"].get("state", {})
            if state.get("_model_name") == "IntSliderModel" and state.get("description") == "channel":
                slider = msg["content"]["comm_id"]
            if state.get("_model_name") == "ImageModel":
                image = image or msg["content"]["comm_id"]
        if msg["msg_type"] == "error":
            raise RuntimeError(msg["content"]["evalue"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    kc.get_shell_msg(timeout=10)
    if not (slider and image):
        raise RuntimeError("no channel slider or image was opened")
    return slider, image


def latencies(kc, slider, image, channels, changes):
    times = []
    for i in range(changes + 10):
        value = (i % (channels - 1)) + 1 if i % 2 == 0 else 0
        msg = kc.session.msg("comm_msg", {"comm_id": slider, "data": {
            "method": "update", "state": {"value": value}, "buffer_paths": []}})
        t = time.perf_counter()
        kc.shell_channel.send(msg)
        arrived = None
        while True:
            reply = kc.get_iopub_msg(timeout=60)
            if reply["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
                continue
            if (arrived is None and reply["msg_type"] == "comm_msg" and reply["content"]["comm_id"] == image
                    and reply["content"]["data"].get("method") == "update" and reply.get("buffers")):
                arrived = (time.perf_counter() - t) * 1000
            if reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle":
                break
        if arrived is None:
            raise RuntimeError("no image update for a slider change")
        if i >= 10:  # warm-up
            times.append(arrived)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1]


def measure(kernel_name, code, channels, changes):
    km, kc = start_new_kernel(kernel_name=kernel_name)
    try:
        slider, image = opened_widgets(kc, code)
        return latencies(kc, slider, image, channels, changes)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print("| workload | kernel | median ms | p99 ms | median / peer |")
    print("|---|---|---|---|---|")
    for workload in CNNLAB:
        ours, peers = [], []
        for _ in range(args.rounds):
            ours.append(measure("cnnlab", CNNLAB[workload], CHANNELS[workload], args.changes))
            peers.append(measure("python3", PEER[workload], CHANNELS[workload], args.changes))
        median = statistics.median(m for m, _ in ours)
        p99 = statistics.median(p for _, p in ours)
        peer_median = statistics.median(m for m, _ in peers)
        peer_p99 = statistics.median(p for _, p in peers)
        print(f"| {workload} | CNN Lab | {median:.2f} | {p99:.2f} | {median / peer_median:.2f} |")
        print(f"| {workload} | ipykernel + ipywidgets | {peer_median:.2f} | {peer_p99:.2f} | 1 |")


if __name__ == "__main__":
    main()
