"""`python -m benchmarks [--json]`: start-up, frame times, idle CPU and peak memory, each beside a
bare pygame-ce baseline measured the same way. Figures, not timed tests.
`python -m benchmarks classroom --students 60 --json`: a class playing at once (benchmarks/classroom.py).
`python -m benchmarks kiosk --visits 1000 --json`: a kiosk's visitors, one after another (benchmarks/kiosk.py)."""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"startup_ratio_max": 2.0, "frame_p99_ms_max": 8.0, "idle_cpu_pct_max": 3.0, "peak_rss_mb_max": 150.0}


def env(home: str) -> dict[str, str]:
    e = dict(os.environ)
    e.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1",
              "SCORED_HOME": home, "PYTHONPATH": str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")})
    return e


def first_frame(cmd: list[str], e: dict[str, str]) -> float:
    t0 = time.time()
    out = subprocess.run(cmd, env=e, cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    for line in out.splitlines():
        if line.startswith("FIRST_FRAME "):
            return float(line.split()[1]) - t0
    raise RuntimeError(f"no first frame from {cmd}: {out!r}")


def startup(home: str, runs: int) -> tuple[float, float]:
    e = env(home)
    game_e = dict(e, SCORED_BENCH_FIRST_FRAME="1")
    base, game = [], []
    for _ in range(runs):  # interleaved, so both see the same machine
        base.append(first_frame([sys.executable, "-m", "benchmarks.baseline", "startup"], e))
        game.append(first_frame([sys.executable, "-m", "game"], game_e))
    return statistics.median(game), statistics.median(base)


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_cpu(cmd: list[str], e: dict[str, str], seconds: float) -> float:
    """CPU use (% of one core) of a process sitting idle for `seconds` after it settled."""
    proc = subprocess.Popen(cmd, env=e, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(3.0)  # start-up and loading done
        c0, t0 = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(seconds)
        c1, t1 = cpu_seconds(proc.pid), time.monotonic()
        return 100.0 * (c1 - c0) / (t1 - t0)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def peak_rss(cmd: list[str], e: dict[str, str]) -> float:
    """Peak resident memory (MB) of a whole run of `cmd`."""
    proc = subprocess.Popen(cmd, env=e, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} exited with {proc.returncode}")
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["classroom"]:  # a class of phones against `scored classroom`: benchmarks/classroom.py
        from benchmarks.classroom import main as classroom
        return classroom(argv[1:])
    if argv[:1] == ["kiosk"]:  # months of visitors in minutes: benchmarks/kiosk.py
        from benchmarks.kiosk import main as kiosk
        return kiosk(argv[1:])
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                 epilog="python -m benchmarks classroom --help: the classroom's capacity")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--quick", action="store_true", help="fewer runs (for a smoke check)")
    ap.add_argument("--idle-seconds", type=float, default=10.0)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from game.paths import default_scenario
    scenario = default_scenario()
    home = tempfile.mkdtemp(prefix="scored-bench-")
    e = env(home)
    runs = 3 if args.quick else 7
    su, base_su = startup(home, runs)
    idle_seconds = 3.0 if args.quick else args.idle_seconds
    idle = idle_cpu([sys.executable, "-m", "game"], e, idle_seconds)
    base_idle = idle_cpu([sys.executable, "-m", "benchmarks.baseline", "idle"], e, idle_seconds)
    rss = peak_rss([sys.executable, "-m", "game", "--autoplay", "random", "--seed", "1", "--fast"], e)
    rss_1080 = peak_rss([sys.executable, "-m", "game", "--autoplay", "random", "--seed", "1", "--fast",
                         "--size", "1920x1080"], e)
    base_rss = peak_rss([sys.executable, "-m", "benchmarks.baseline", "startup"], e)
    os.environ.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "SCORED_HOME": home})
    from benchmarks.frames import baseline_frames, game_frames
    screens, base_frames = {}, {}
    worst, worst_at = 0.0, ""
    seeds = (1, 2) if args.quick else (1, 2, 3, 4)
    for size in ((1280, 720), (1920, 1080)):
        key = f"{size[0]}x{size[1]}"
        base_frames[key] = baseline_frames(size)
        screens[key] = game_frames(size, scenario, seeds)
        for kind, fig in screens[key].items():
            if fig["p99_ms"] > worst:
                worst, worst_at = fig["p99_ms"], f"{kind} at {key}"
    result = {
        "startup_s": round(su, 4),
        "baseline_startup_s": round(base_su, 4),
        "startup_ratio": round(su / base_su, 2),
        "frame_p99_ms_max": worst,
        "frame_p99_worst": worst_at,
        "idle_cpu_pct": round(idle, 2),
        "baseline_idle_cpu_pct": round(base_idle, 2),
        "peak_rss_mb": round(rss, 1),
        "peak_rss_mb_1920x1080": round(rss_1080, 1),
        "baseline_peak_rss_mb": round(base_rss, 1),
        "scenario": str(scenario.relative_to(ROOT)) if scenario.is_relative_to(ROOT) else str(scenario),
        "frames": screens,
        "baseline_frames": base_frames,
        "targets": TARGETS,
    }
    result["meets_targets"] = {
        "startup": result["startup_ratio"] <= TARGETS["startup_ratio_max"],
        "frame_p99": worst <= TARGETS["frame_p99_ms_max"],
        "idle_cpu": result["idle_cpu_pct"] <= TARGETS["idle_cpu_pct_max"],
        "peak_rss": result["peak_rss_mb"] <= TARGETS["peak_rss_mb_max"],
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"start-up to first frame: {su * 1000:.0f} ms (bare window {base_su * 1000:.0f} ms, "
          f"x{result['startup_ratio']})")
    print(f"idle title, CPU: {idle:.2f}% of one core (bare window {base_idle:.2f}%)")
    print(f"peak memory, autoplay week: {rss:.0f} MB at 1280x720, {rss_1080:.0f} MB at 1920x1080 "
          f"(bare window {base_rss:.0f} MB)")
    print(f"worst frame p99: {worst:.2f} ms ({worst_at})")
    for key in screens:
        b = base_frames[key]
        print(f"\n{key} (bare window p50 {b['p50_ms']:.2f} ms, p99 {b['p99_ms']:.2f} ms)")
        for kind, fig in screens[key].items():
            print(f"  {kind:18s} p50 {fig['p50_ms']:6.2f} ms   p99 {fig['p99_ms']:6.2f} ms   ({fig['frames']} frames)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
