"""`python -m benchmarks ab REV [--runs N] [--weeks N] [--json]`: the engine and the debrief of
another revision (a commit, a tag, a branch) beside the working tree's, in one process and in turns,
week by week, CPU time of each (`time.thread_time_ns`).

A shared machine's speed swings by a third from one minute to the next, so two rates measured
apart cannot tell a change of a few per cent. Two weeks a tenth of a millisecond apart run at the
same speed: the ratio of the sums holds still (an A/A comparison gives 1.00 within about 1%). The
two engines are copies of `game/engine` imported as packages of their own (it imports nothing
outside itself); the weeks they play are checked to be the same first."""
from __future__ import annotations

import argparse
import functools
import gc
import importlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

from benchmarks.engine import random_run

ROOT = Path(__file__).resolve().parent.parent
WEEK = ROOT / "scenarios" / "week" / "scenario.yaml"


def engine_copies(rev: str, into: Path) -> tuple[ModuleType, ModuleType]:
    """`game/engine` at `rev` and in the working tree, as the packages `engine_a` and `engine_b`."""
    def git(*args: str) -> bytes:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=False)
        if done.returncode:
            raise SystemExit(f"benchmarks ab: {done.stderr.decode().strip()}")
        return done.stdout
    for name in git("ls-tree", "-r", "--name-only", rev, "game/engine").decode().split():
        if name.endswith(".py"):
            path = into / "engine_a" / Path(name).relative_to("game/engine")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(git("show", f"{rev}:{name}"))
    if not (into / "engine_a" / "__init__.py").exists():
        raise SystemExit(f"benchmarks ab: no engine at '{rev}'")
    shutil.copytree(ROOT / "game" / "engine", into / "engine_b", ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(into))
    return importlib.import_module("engine_a"), importlib.import_module("engine_b")


def player(engine: ModuleType, lean: bool) -> Callable[[int], Any]:
    """A random week of the shipped scenario by seed, played by `engine` as random_run plays it."""
    return functools.partial(random_run, engine.load_scenario(str(WEEK)), lean=lean,
                             run_cls=importlib.import_module(engine.__name__ + ".run").Run,
                             policy=importlib.import_module(engine.__name__ + ".policies").random_policy)


def same_week(a: Any, b: Any) -> bool:
    return bool(a.state.log == b.state.log and a.state.score == b.state.score)


def in_turns(a: Callable[[Any], Any], b: Callable[[Any], Any], items: list[Any], block: int) -> dict[str, Any]:
    """CPU time of `a(item)` and `b(item)` for every item, in turns (which goes first alternates);
    the ratio also per `block` items, to show how much it varies."""
    clock = time.thread_time_ns
    ta = tb = block_a = block_b = 0
    blocks = []
    gc.collect()
    for i, item in enumerate(items):
        if i % 2:
            t0 = clock(); a(item); t1 = clock(); b(item); t2 = clock()  # noqa: E702
            da, db = t1 - t0, t2 - t1
        else:
            t0 = clock(); b(item); t1 = clock(); a(item); t2 = clock()  # noqa: E702
            db, da = t1 - t0, t2 - t1
        ta, tb, block_a, block_b = ta + da, tb + db, block_a + da, block_b + db
        if i % block == block - 1:
            blocks.append(block_b / block_a)
            block_a = block_b = 0
    out = {"a_ms": round(ta / len(items) / 1e6, 4), "b_ms": round(tb / len(items) / 1e6, 4),
           "b_over_a": round(tb / ta, 3)}
    if len(blocks) >= 4:
        q = statistics.quantiles(blocks)
        out["blocks"] = {"size": block, "median": round(statistics.median(blocks), 3), "q1": round(q[0], 3), "q3": round(q[2], 3)}
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks ab", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rev", help="the revision to compare the working tree with (a commit, tag or branch)")
    ap.add_argument("--runs", type=int, default=10000, help="random weeks each engine plays (default 10000)")
    ap.add_argument("--weeks", type=int, default=200, help="weeks the debrief analyses, three times (default 200)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="scored-ab-") as tmp:
        eng_a, eng_b = engine_copies(args.rev, Path(tmp))
        lean_a, lean_b = player(eng_a, True), player(eng_b, True)
        differ = [s for s in range(200) if not same_week(lean_a(s), lean_b(s))]
        engine = in_turns(lean_a, lean_b, list(range(args.runs)), 500)
        engine.update(a_runs_per_s=round(1000 / engine["a_ms"]), b_runs_per_s=round(1000 / engine["b_ms"]))
        full_a, full_b = player(eng_a, False), player(eng_b, False)
        analyse_a = importlib.import_module("engine_a.debrief").analyze
        analyse_b = importlib.import_module("engine_b.debrief").analyze
        pairs = [(full_a(s), full_b(s)) for s in range(args.weeks)]
        debrief = in_turns(lambda p: analyse_a(p[0]), lambda p: analyse_b(p[1]), pairs * 3, 50)
    out = {"rev": args.rev, "same_weeks": not differ, "engine": engine, "debrief": debrief}
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    if differ:
        print(f"the two engines play different weeks (seeds {differ[:5]}...): the times compare unlike work")
    for name, fig in (("engine (a random week)", engine), ("debrief (analyse a week)", debrief)):
        spread = fig.get("blocks")
        print(f"{name}: {args.rev} {fig['a_ms']:.3f} ms, working tree {fig['b_ms']:.3f} ms of CPU: "
              f"{fig['b_over_a']:.3f}x" + (f" (per {spread['size']}: median {spread['median']:.3f}, quartiles "
                                           f"{spread['q1']:.3f}-{spread['q3']:.3f})" if spread else ""))
    return 0
