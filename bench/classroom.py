"""A class on the hub: N learners log in through the hub's REST API, start their servers,
open chapter 1 and run it cell by cell with a learner's pauses, kernels kept alive to the end.

For each N it starts `make hub`'s configuration afresh (on free loopback ports, with N
accounts made for the run and removed after it) and reports: the hub's memory (hub, proxy and
idle culler), each learner's (server and kernel), the median and p99 time from a cell's request
to the kernel's idle after its last output, and the cells that failed. It then does the same
with ipykernel running the cells' Python equivalents (bench/classroom_python.py) where one
exists, and gives CNN Lab's times on those same cells beside them for the ratio.

Memory is read while every kernel is still alive after its last cell, as proportional set
size (shared pages divided among the processes sharing them: forty servers run one Python);
resident size is printed too. Run by hand as root (one Unix user per learner), not by
`make test`; it needs `make hub-venv` first. Bounded: every cell has --cell-timeout, every
run --run-timeout.

    /opt/cnnlab-hub/bin/python bench/classroom.py [--learners 10 20 40] [--kernels cnnlab-ko python3]
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hub"))
sys.path.insert(0, str(REPO / "bench"))
from classroom_python import CELLS as PYTHON_CELLS, PRELUDE  # noqa: E402
from hub_client import Learner  # noqa: E402
from local_hub import LocalHub, descendants, memory_kib, process_table  # noqa: E402

CHAPTER = REPO / "notebooks" / "solutions" / "01-cnn-basics.ipynb"


def chapter_cells() -> list[tuple[str, str]]:
    """Chapter 1 as a learner who answers the homework runs it: (cell id, source)."""
    notebook = json.loads(CHAPTER.read_text(encoding="utf-8"))
    return [(cell["id"], "".join(cell["source"])) for cell in notebook["cells"]
            if cell["cell_type"] == "code"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def one_learner(hub: LocalHub, name: str, kernel_name: str, cells, pause, seed: int,
                      timeout: float) -> dict:
    chance = random.Random(seed)
    learner = Learner(hub.url, name)
    started = time.monotonic()
    await learner.log_in(hub.password)
    await learner.start_server()
    ready = time.monotonic() - started
    kernel = await learner.start_kernel(kernel_name)
    runs = []
    if kernel_name == "python3":
        prelude = await kernel.execute(PRELUDE, timeout)
        runs.append(("imports", prelude))
    await asyncio.sleep(chance.uniform(0, pause[1]))   # learners do not all press at once
    for cell_id, source in cells:
        runs.append((cell_id, await kernel.execute(source, timeout)))
        await asyncio.sleep(chance.uniform(*pause))
    return {"name": name, "ready": ready, "runs": runs, "kernel": kernel}


def memory_by_user(hub: LocalHub) -> tuple[dict, dict]:
    """The hub side's (hub, proxy, culler) and each learner's memory in KiB: (rss, pss)
    summed per part."""
    hub_pids = [hub.process.pid, *[pid for pid, (_, user, _) in process_table().items()
                                   if pid in descendants(hub.process.pid) and user == "root"]]
    hub_side = [memory_kib(pid) for pid in hub_pids]
    learners = {}
    for pid, (_, user, args) in process_table().items():
        if user in hub.learners:
            part = "kernel" if "kernel" in args.split()[0] or "ipykernel" in args else "server"
            rss, pss = memory_kib(pid)
            entry = learners.setdefault(user, {"server": [0, 0], "kernel": [0, 0]})
            entry[part][0] += rss
            entry[part][1] += pss
    return {"rss": sum(m[0] for m in hub_side), "pss": sum(m[1] for m in hub_side)}, learners


async def classroom(hub: LocalHub, kernel_name: str, cells, pause, timeout: float) -> dict:
    results = await asyncio.gather(*[
        one_learner(hub, name, kernel_name, cells, pause, seed, timeout)
        for seed, name in enumerate(hub.learners)], return_exceptions=True)
    hub_memory, learners = memory_by_user(hub)
    for result in results:
        if not isinstance(result, BaseException):
            result["kernel"].close()
    return {"results": results, "hub": hub_memory, "learners": learners}


def summarise(kernel_name: str, n: int, outcome: dict, common: set[str], load: tuple) -> dict:
    results = [r for r in outcome["results"] if not isinstance(r, BaseException)]
    broken = [r for r in outcome["results"] if isinstance(r, BaseException)]
    runs = [(cell_id, run) for r in results for cell_id, run in r["runs"] if cell_id != "imports"]
    failed = [(cell_id, run.status, run.error) for cell_id, run in runs if run.status != "ok"]
    times = [run.seconds * 1000 for _, run in runs]
    common_times = [run.seconds * 1000 for cell_id, run in runs if cell_id in common]
    mib = lambda kib: kib / 1024  # noqa: E731
    per = outcome["learners"].values()
    server = [mib(p["server"][1]) for p in per]
    kernel = [mib(p["kernel"][1]) for p in per]
    total = [mib(p["server"][1] + p["kernel"][1]) for p in per]
    return {
        "kernel": kernel_name, "learners": n, "ran": len(results), "broken": len(broken),
        "errors": [repr(b) for b in broken][:3], "load": load,
        "hub_mib": mib(outcome["hub"]["pss"]), "hub_rss_mib": mib(outcome["hub"]["rss"]),
        "server_mib": statistics.median(server) if server else 0,
        "kernel_mib": statistics.median(kernel) if kernel else 0,
        "learner_mib": statistics.median(total) if total else 0,
        "learner_rss_mib": statistics.median(
            [mib(p["server"][0] + p["kernel"][0]) for p in per]) if per else 0,
        "all_learners_mib": sum(total) + mib(outcome["hub"]["pss"]),
        "cells": len(runs), "failed": len(failed), "failures": failed[:5],
        "median_ms": statistics.median(times) if times else 0,
        "p99_ms": percentile(times, 0.99) if times else 0,
        "common_median_ms": statistics.median(common_times) if common_times else 0,
        "common_p99_ms": percentile(common_times, 0.99) if common_times else 0,
        "ready_s": max((r["ready"] for r in results), default=0),
    }


def run_once(kernel_name: str, n: int, pause, cell_timeout: float, run_timeout: float) -> dict:
    cells = chapter_cells()
    common = {cell_id for cell_id, _ in cells if cell_id in PYTHON_CELLS}
    if kernel_name == "python3":
        cells = [(cell_id, PYTHON_CELLS[cell_id]) for cell_id, _ in cells if cell_id in common]
    root = Path(tempfile.mkdtemp(prefix="cnnlab-classroom-"))
    os.chmod(root, 0o755)
    tag = uuid.uuid4().hex[:4]
    hub = LocalHub(root, [f"cls{tag}{i:03d}" for i in range(n)], [],
                   "class-" + uuid.uuid4().hex[:12])
    load_before = os.getloadavg()[0]
    try:
        hub.start()
        outcome = asyncio.run(asyncio.wait_for(
            classroom(hub, kernel_name, cells, pause, cell_timeout), run_timeout))
        load_after = os.getloadavg()[0]
        return summarise(kernel_name, n, outcome, common, (load_before, load_after))
    finally:
        left = hub.stop()
        kept = hub.remove_accounts()
        shutil.rmtree(root, ignore_errors=True)
        if left or kept:
            print(f"left after the run: processes {left}, accounts {kept}", file=sys.stderr)


def table(rows: list[dict]) -> str:
    lines = ["| kernel | learners | hub MiB | server MiB | kernel MiB | per learner MiB (RSS) "
             "| all, MiB | cell median ms | cell p99 ms | same cells median / p99 ms "
             "| failed cells | load 1-min before/after |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        lines.append(
            f"| {r['kernel']} | {r['learners']} | {r['hub_mib']:.0f} | {r['server_mib']:.0f} "
            f"| {r['kernel_mib']:.0f} | {r['learner_mib']:.0f} ({r['learner_rss_mib']:.0f}) "
            f"| {r['all_learners_mib']:.0f} | {r['median_ms']:.0f} | {r['p99_ms']:.0f} "
            f"| {r['common_median_ms']:.0f} / {r['common_p99_ms']:.0f} "
            f"| {r['failed']} of {r['cells']} | {r['load'][0]:.2f} / {r['load'][1]:.2f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, nargs="+", default=[10, 20, 40])
    parser.add_argument("--kernels", nargs="+", default=["cnnlab-ko", "python3"])
    parser.add_argument("--pause", type=float, nargs=2, default=[2.0, 6.0],
                        help="a learner's pause between cells, seconds (uniform)")
    parser.add_argument("--cell-timeout", type=float, default=60)
    parser.add_argument("--run-timeout", type=float, default=900)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    if os.getuid() != 0:
        print("classroom.py: one Unix user per learner needs root", file=sys.stderr)
        return 1
    rows = []
    for kernel_name in args.kernels:
        for n in args.learners:
            row = run_once(kernel_name, n, args.pause, args.cell_timeout, args.run_timeout)
            rows.append(row)
            print(json.dumps(row), flush=True)
            if args.json:
                args.json.write_text(json.dumps(rows, indent=1))
    print(table(rows))
    return 0 if all(r["failed"] == 0 and r["broken"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
