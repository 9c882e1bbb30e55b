"""`python -m benchmarks classroom [--students 60] [--json]`: a class playing whole weeks at once.

Starts `scored classroom` as a process of its own on a free port of 127.0.0.1 (with its own data
folder), then N students play from this process over HTTP (asyncio and httpx, one cookie jar per
phone): join, the intro, the check, every scene and day summary, the ending, the debrief and the
check after. Each student waits a little between taps, as a reader does (`--think`, seconds on
average). A choice is timed from its tap to its next page: the POST and the page it leads to.
Figures, not a timed test: wall time per request, and the server's CPU time.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
TARGET_P99_MS = 50.0
RADIO = re.compile(r'<input type="radio" name="([^"]+)" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> Optional[float]:
    """User and system CPU time of a process (Linux); None where /proc is not there."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))], 2)


class Student:
    def __init__(self, client, rng: random.Random, think: float, timings: dict[str, list[float]]):
        self.client, self.rng, self.think, self.t = client, rng, think, timings
        self.errors = 0
        self.choices = 0

    async def request(self, kind: str, method: str, path: str, data: Optional[dict[str, str]] = None):
        t0 = time.perf_counter()
        try:
            r = await self.client.request(method, path, data=data)
        except Exception:
            self.errors += 1
            return None
        self.t[kind].append((time.perf_counter() - t0) * 1000)
        if r.status_code not in (200, 303):
            self.errors += 1
        return r

    async def tap(self, kind: str, path: str, data: Optional[dict[str, str]] = None) -> Optional[str]:
        """A post and the page it leads to, timed together as `kind`."""
        await asyncio.sleep(self.think * self.rng.uniform(0.5, 1.5))
        t0 = time.perf_counter()
        r = await self.request("post", "POST", path, data)
        while r is not None and r.status_code == 303:
            r = await self.request("page", "GET", r.headers["location"])
        if r is None:
            return None
        self.t[kind].append((time.perf_counter() - t0) * 1000)
        return r.text

    async def play(self) -> None:
        page = await self.tap("join", "/join", {"lang": self.rng.choice(["en", "nl"])})
        for _ in range(300):
            if page is None or 'action="/debrief"' in page or 'href="/debrief"' in page:
                break
            if 'action="/start"' in page:
                page = await self.tap("other", "/start")
            elif 'action="/check-before"' in page:
                page = await self.tap("other", "/check-before", self.answers(page))
            elif 'action="/next"' in page:
                day = re.search(r'name="day" value="(\d+)"', page)
                page = await self.tap("other", "/next", {"day": day.group(1) if day else "0"})
            elif 'action="/choose"' in page:
                step = re.search(r'name="step" value="(\d+)"', page)
                options = re.findall(r'name="choice" value="([^"]+)"', page)
                page = await self.tap("choice", "/choose", {"choice": self.rng.choice(options),
                                                            "step": step.group(1) if step else "0"})
                self.choices += 1
            else:
                self.errors += 1
                return
        for path in ("/debrief", "/after"):
            r = await self.request("debrief", "GET", path)
            page = r.text if r is not None else ""
        if 'action="/after"' in page:
            await self.tap("debrief", "/after", self.answers(page))

    def answers(self, page: str) -> dict[str, str]:
        groups: dict[str, list[str]] = {}
        for name, value in RADIO.findall(page):
            groups.setdefault(name, []).append(value)
        return dict({q: self.rng.choice(a) for q, a in groups.items()}, send="1")


async def run_class(base: str, students: int, think: float, seed: int) -> tuple[list[Student], dict[str, list[float]]]:
    import httpx
    timings: dict[str, list[float]] = {k: [] for k in ("join", "choice", "other", "debrief", "post", "page")}
    clients = [httpx.AsyncClient(base_url=base, timeout=30.0) for _ in range(students)]  # a phone each
    class_ = [Student(c, random.Random(seed * 1000 + i), think, timings) for i, c in enumerate(clients)]
    try:
        await asyncio.gather(*(s.play() for s in class_))
    finally:
        for c in clients:
            await c.aclose()
    return class_, timings


def start_server(port: int, home: str, scenario: Optional[str]) -> subprocess.Popen:
    env = dict(os.environ, SCORED_HOME=home, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "game", "classroom", "--no-browser", "--host", "127.0.0.1", "--port", str(port)]
    if scenario:
        cmd += ["--scenario", scenario]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    import urllib.request
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/check", timeout=1) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"the classroom server did not start: {proc.communicate()[0][-2000:]}")


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks classroom", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--students", type=int, default=60, help="students playing at once (default: 60)")
    ap.add_argument("--think", type=float, default=2.0,
                    help="seconds a student waits between taps, on average (default: 2.0)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the students' choices (default: 1)")
    ap.add_argument("--scenario", help="the scenario to serve (default: the shipped week)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="scored-classroom-bench-") as home:
        proc = start_server(port, home, args.scenario)
        try:
            cpu0, t0 = cpu_seconds(proc.pid), time.perf_counter()
            class_, timings = asyncio.run(run_class(f"http://127.0.0.1:{port}", args.students, args.think, args.seed))
            wall = time.perf_counter() - t0
            cpu1 = cpu_seconds(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    choice = timings["choice"]
    requests = timings["post"] + timings["page"]
    server_cpu = round(cpu1 - cpu0, 2) if cpu0 is not None and cpu1 is not None else None
    result = {
        "students": args.students,
        "finished": sum(1 for s in class_ if s.choices and not s.errors),
        "choices": sum(s.choices for s in class_),
        "requests": len(requests),
        "p50_ms": pct(choice, 50), "p90_ms": pct(choice, 90), "p99_ms": pct(choice, 99),
        "max_ms": round(max(choice), 2) if choice else 0.0,
        "request_p50_ms": pct(requests, 50), "request_p99_ms": pct(requests, 99),
        "debrief_p50_ms": pct(timings["debrief"], 50), "debrief_p99_ms": pct(timings["debrief"], 99),
        "errors": sum(s.errors for s in class_),
        "wall_s": round(wall, 1), "think_s": args.think,
        "server_cpu_s": server_cpu,
        "server_cpu_ms_per_request": round(1000 * server_cpu / len(requests), 3) if server_cpu and requests else None,
        "choices_per_second": round(len(choice) / wall, 1) if wall else 0.0,
        "target_p99_ms": TARGET_P99_MS,
        "meets_target": bool(choice) and pct(choice, 99) < TARGET_P99_MS,
        "timing": "a choice: its POST and the page it leads to, wall time on the client",
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{result['students']} students, {result['choices']} choices in {result['wall_s']} s "
          f"({result['choices_per_second']}/s), {result['errors']} errors")
    print(f"a choice, tap to page: p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms (target < {TARGET_P99_MS})")
    print(f"any request: p50 {result['request_p50_ms']} ms, p99 {result['request_p99_ms']} ms; "
          f"debrief pages p99 {result['debrief_p99_ms']} ms")
    if server_cpu is not None:
        print(f"server CPU: {server_cpu} s ({result['server_cpu_ms_per_request']} ms a request)")
    return 0


if __name__ == "__main__":
    sys.exit(main())