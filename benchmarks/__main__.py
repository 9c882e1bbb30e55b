"""`python -m benchmarks [--json] [--quick]`: start-up to the title and to a week ready to start,
frame times (CPU and wall, first frames apart), idle CPU per screen, peak memory, the engine's runs
per second and the debrief's analysis, each beside a baseline measured in the same run (a bare
pygame-ce window, a bare loop), and a class of 30 phones against the classroom server. Figures,
not timed tests.
`python -m benchmarks classroom --students 60 --json`: a class playing at once (benchmarks/classroom.py).
`python -m benchmarks kiosk --visits 1000 --json`: a kiosk's visitors, one after another (benchmarks/kiosk.py).
`python -m benchmarks ab REV`: REV's engine and debrief beside the working tree's, in turns (benchmarks/ab.py)."""
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
TARGETS = {"first_frame_cpu_ms_max": 8.0, "repeat_frame_cpu_p99_ms_max": 2.0, "startup_ratio": 1.5,
           "ready_ratio": 2.0, "idle_cpu_pct_max": 3.0, "peak_rss_mb_1080p": 120.0,
           "engine_runs_per_s_cpu": 10000, "debrief_ms": 5.0}
AT_LEAST = {"engine_runs_per_s_cpu"}


def env(home: str) -> dict[str, str]:
    e = dict(os.environ)
    e.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1",
              "SCORED_HOME": home, "PYTHONPATH": str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")})
    return e


def first_frame(cmd: list[str], e: dict[str, str], mark: str = "FIRST_FRAME") -> tuple[float, float]:
    """Seconds from starting `cmd` until it printed `mark`, and the CPU seconds its process had used
    by then (steadier on a shared machine than the wall clock)."""
    t0 = time.time()
    out = subprocess.run(cmd, env=e, cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    for line in out.splitlines():
        if line.startswith(mark + " "):
            _, at, cpu = line.split()
            return float(at) - t0, float(cpu)
    raise RuntimeError(f"no {mark} from {cmd}: {out!r}")


def startup(home: str, runs: int) -> dict[str, float]:
    """Medians, wall and CPU seconds: the title's first frame (`startup`), the week ready to start
    (loaded, the title showing it: `ready`), a bare window (`base`); and the medians of each round's
    ratio to the bare window (`startup_ratio`, `ready_ratio`, and their `_cpu_ratio`s).
    The game's modules are compiled first, as installing it does (pip writes their bytecode), so that
    a clone under PYTHONDONTWRITEBYTECODE is measured as the installed game a player starts."""
    e = env(home)
    subprocess.run([sys.executable, "-m", "compileall", "-q", "game"], cwd=ROOT, check=True,
                   env=dict(e, PYTHONDONTWRITEBYTECODE=""))
    found: dict[str, list[tuple[float, float]]] = {"base": [], "startup": [], "ready": []}
    for _ in range(runs):  # interleaved, so all see the same machine
        found["base"].append(first_frame([sys.executable, "-m", "benchmarks.baseline", "startup"], e))
        found["startup"].append(first_frame([sys.executable, "-m", "game"], dict(e, SCORED_BENCH_FIRST_FRAME="1")))
        found["ready"].append(first_frame([sys.executable, "-m", "game"], dict(e, SCORED_BENCH_READY="1"), "READY"))
    out = {}
    for name, pairs in found.items():
        out[name] = statistics.median(p[0] for p in pairs)
        out[name + "_cpu"] = statistics.median(p[1] for p in pairs)
        if name != "base":  # each start beside the bare window started just before it: the speed
            # of a shared machine drifts between starts, less within one round
            for i, kind in ((0, ""), (1, "_cpu")):
                out[f"{name}{kind}_ratio"] = statistics.median(
                    p[i] / b[i] for p, b in zip(pairs, found["base"]))
    return out


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


def classroom(students: int, e: dict[str, str]) -> dict:
    """The classroom server's key figures (benchmarks/classroom.py, in a process of its own)."""
    out = subprocess.run([sys.executable, "-m", "benchmarks", "classroom", "--students", str(students), "--json"],
                         env=e, cwd=ROOT, capture_output=True, text=True, timeout=900).stdout
    fig = json.loads(out)
    keep = ("students", "finished", "errors", "p50_ms", "p99_ms", "request_p99_ms", "debrief_p99_ms",
            "server_cpu_ms_per_request", "meets_target")
    return {k: fig[k] for k in keep if k in fig}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["classroom"]:  # a class of phones against `scored classroom`: benchmarks/classroom.py
        from benchmarks.classroom import main as class_main
        return class_main(argv[1:])
    if argv[:1] == ["ab"]:  # another revision's engine and debrief beside the working tree's: benchmarks/ab.py
        from benchmarks.ab import main as ab
        return ab(argv[1:])
    if argv[:1] == ["kiosk"]:  # months of visitors in minutes: benchmarks/kiosk.py
        from benchmarks.kiosk import main as kiosk
        return kiosk(argv[1:])
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                 epilog="python -m benchmarks classroom --help: the classroom's capacity")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--quick", action="store_true", help="fewer runs (for a smoke check)")
    ap.add_argument("--idle-seconds", type=float, default=10.0, help="the idle title, in its own process")
    ap.add_argument("--classroom", type=int, default=None, metavar="STUDENTS",
                    help="a class of this many phones against the classroom server (30, ~90 s; 6 with "
                         "--quick; 0: none)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from game.paths import default_scenario
    scenario = default_scenario()
    home = tempfile.mkdtemp(prefix="scored-bench-")
    e = env(home)
    students = (6 if args.quick else 30) if args.classroom is None else args.classroom
    runs = 5 if args.quick else 15  # medians: the machine is shared, single starts swing by a third
    starts = startup(home, runs)
    su, ready, base_su = starts["startup"], starts["ready"], starts["base"]
    idle_seconds = 3.0 if args.quick else args.idle_seconds
    idle = idle_cpu([sys.executable, "-m", "game"], e, idle_seconds)
    base_idle = idle_cpu([sys.executable, "-m", "benchmarks.baseline", "idle"], e, idle_seconds)
    week = [sys.executable, "-m", "game", "--autoplay", "random", "--seed", "1", "--fast"]
    rss = peak_rss(week, e)
    rss_1080 = peak_rss(week + ["--size", "1920x1080"], e)
    base_rss = peak_rss([sys.executable, "-m", "benchmarks.baseline", "startup"], e)
    os.environ.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "SCORED_HOME": home})
    from benchmarks.engine import measure
    engine = measure(str(scenario), args.quick)
    from benchmarks.frames import baseline_frames, game_frames
    screens, base_frames = {}, {}
    seeds = (1, 2) if args.quick else (1, 2, 3, 4)
    for size in ((1280, 720), (1920, 1080)):
        key = f"{size[0]}x{size[1]}"
        base_frames[key] = baseline_frames(size)
        screens[key] = game_frames(size, scenario, seeds, idle_seconds=0.0 if size[0] < 1920 else
                                   (0.3 if args.quick else 1.0))

    def worst(field: str, key: str = "1920x1080") -> tuple[float, str]:
        return max((fig.get(field, 0.0), kind) for kind, fig in screens[key].items())

    first, first_at = worst("first_cpu_ms_max")
    repeat, repeat_at = worst("cpu_p99_ms")
    idle_screen, idle_at = worst("idle_cpu_pct")
    result = {
        "first_frame_cpu_ms_max": first, "first_frame_worst": first_at,
        "first_frame_cpu_ms_max_720p": worst("first_cpu_ms_max", "1280x720")[0],
        "repeat_frame_cpu_p99_ms_max": repeat, "repeat_frame_worst": repeat_at,
        "repeat_frame_cpu_p99_ms_max_720p": worst("cpu_p99_ms", "1280x720")[0],
        "startup_s": round(su, 4), "ready_s": round(ready, 4), "baseline_startup_s": round(base_su, 4),
        "startup_ratio": round(starts["startup_ratio"], 2), "ready_ratio": round(starts["ready_ratio"], 2),
        "startup_cpu_ratio": round(starts["startup_cpu_ratio"], 2), "ready_cpu_ratio": round(starts["ready_cpu_ratio"], 2),
        "idle_cpu_pct_max": round(max(idle, idle_screen), 2), "idle_cpu_worst": idle_at,
        "idle_title_process_cpu_pct": round(idle, 2), "baseline_idle_cpu_pct": round(base_idle, 2),
        "peak_rss_mb_1080p": round(rss_1080, 1), "peak_rss_mb_720p": round(rss, 1),
        "baseline_peak_rss_mb": round(base_rss, 1),
        **engine,
        "scenario": str(scenario.relative_to(ROOT)) if scenario.is_relative_to(ROOT) else str(scenario),
        "frames": screens, "baseline_frames": base_frames, "targets": TARGETS,
        "classroom": classroom(students, e) if students else
        "not run (--classroom 0; its own command: python -m benchmarks classroom --students 60 --json)",
    }
    result["meets_targets"] = {k: (result[k] >= v if k in AT_LEAST else result[k] <= v) for k, v in TARGETS.items()}
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    for k, v in result.items():
        if k not in ("frames", "baseline_frames", "targets", "meets_targets"):
            print(f"{k:34s} {v}")
    print("meets targets:", ", ".join(f"{k} {'yes' if ok else 'NO'}" for k, ok in result["meets_targets"].items()))
    for key in screens:
        b = base_frames[key]
        print(f"\n{key} (bare window CPU p50 {b['cpu_p50_ms']:.2f} ms, p99 {b['cpu_p99_ms']:.2f} ms)")
        for kind, fig in screens[key].items():
            print(f"  {kind:18s} first {fig.get('first_cpu_ms_max', 0):6.2f} ms  repeat p50 {fig['cpu_p50_ms']:5.2f} "
                  f"p99 {fig['cpu_p99_ms']:5.2f} ms CPU  ({fig['shown']} shown)  idle {fig.get('idle_cpu_pct', '-')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
