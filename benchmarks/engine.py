"""The engine's figures, in CPU time: random runs of the week per second beside a bare loop that
applies the same effects, the debrief's analysis, and a scenario's load (time and memory kept)."""
from __future__ import annotations

import gc
import random
import statistics
import time
import tracemalloc
from typing import Any

from game.engine import load_scenario
from game.engine.debrief import analyze
from game.engine.model import Scenario
from game.engine.policies import random_policy
from game.engine.rules import ApplyRule, FriendDelta, Rate, walk
from game.engine.run import Run


def random_run(scenario: Scenario, seed: int, lean: bool = True, run_cls: Any = Run, policy: Any = random_policy
               ) -> Run:
    """A random week by seed, as `scored simulate` plays it (`run_cls` and `policy`: another copy
    of the engine's, for benchmarks/ab.py)."""
    run = run_cls(scenario, seed, lean=lean)
    prng = random.Random(seed * 7919 + 1)
    take, st = run.advance if lean else run.choose, run.state  # (a run keeps its state object)
    while st.ending is None:
        take(policy(run, prng).id)
    return run


def engine_runs(scenario: Scenario, runs: int) -> float:
    """Random runs of the week per second of CPU time (as `scored simulate` plays them)."""
    gc.collect()
    t0 = time.process_time()
    for seed in range(runs):
        random_run(scenario, seed)
    return runs / (time.process_time() - t0)


def _effects_of(run: Run) -> list[list[tuple[int, int]]]:
    """Per choice taken, the ranges of the score changes its effects may make (nested ones too)."""
    sc = run.scenario
    out = []
    replay = Run(sc, run.seed, lean=True)
    for cid in run.log:
        choice = next(c for c in replay.choices() if c.id == cid)
        ranges = []
        for e in walk(choice.effects, into_later=True):
            if isinstance(e, ApplyRule):
                ranges.append((e.rule.low, e.rule.high))
            elif isinstance(e, (FriendDelta, Rate)):
                ranges.append((e.low, e.high))
        out.append(ranges)
        replay.advance(cid)
    return out


def bare_loop(scenario: Scenario, runs: int) -> float:
    """The floor: the same choices' effects applied to a plain dict with a draw each (no rules,
    no records), runs per second of CPU time."""
    plans = [_effects_of(random_run(scenario, seed)) for seed in range(min(runs, 50))]
    gc.collect()
    t0 = time.process_time()
    for i in range(runs):
        prng = random.Random(i)
        state = {"score": scenario.start_score, "step": 0}
        for ranges in plans[i % len(plans)]:
            prng.random()  # the choice
            for low, high in ranges:
                state["score"] += prng.randint(low, high) if high > low else low
            state["step"] += 1
    return runs / (time.process_time() - t0)


def debrief_ms(scenario: Scenario, seeds: int) -> dict[str, float]:
    """The debrief's analysis of finished random weeks, CPU ms (median and worst)."""
    times = []
    for seed in range(seeds):
        run = random_run(scenario, seed, lean=False)  # the player's own week, as the debrief gets it
        gc.collect()
        t0 = time.thread_time()
        analyze(run)
        times.append((time.thread_time() - t0) * 1000)
    return {"median": round(statistics.median(times), 2), "max": round(max(times), 2)}


def scenario_loads(path: str, loads: int) -> dict[str, Any]:
    """CPU ms per load and check, as the game does it (its files parsed before: read back from the
    cache of parsed files, then built and checked) and with nothing cached (every file parsed);
    and Python memory still held after `loads` loads (none kept by the caller)."""
    import tempfile

    from game.engine.loading import cache
    before = cache.folder()
    cold = []
    folder = tempfile.TemporaryDirectory(prefix="scored-parsed-")
    try:
        cache.use_folder(None)
        tracemalloc.start()  # both timed as traced, as the held memory is measured
        for _ in range(max(2, loads // 2)):
            t0 = time.process_time()
            load_scenario(path)
            cold.append((time.process_time() - t0) * 1000)
        tracemalloc.stop()
        cache.use_folder(folder.name)
        gc.collect()
        tracemalloc.start()
        load_scenario(path)  # fills the cache, as the game's first start does
        gc.collect()
        first = tracemalloc.get_traced_memory()[0]
        times = []
        for _ in range(loads - 1):
            t0 = time.process_time()
            load_scenario(path)
            times.append((time.process_time() - t0) * 1000)
        gc.collect()
        last = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
    finally:
        cache.use_folder(before)
        folder.cleanup()
    return {"load_ms": round(statistics.median(times), 1) if times else None,
            "cold_ms": round(statistics.median(cold), 1),
            "held_growth_kb_per_load": round((last - first) / 1024 / max(1, loads - 1), 1)}


def measure(path: str, quick: bool) -> dict[str, Any]:
    scenario = load_scenario(path)
    runs = 300 if quick else 2000
    engines, bares = [], []
    for _ in range(5):  # in turns, so that each round's ratio compares the machine at one speed
        engines.append(engine_runs(scenario, runs))
        bares.append(bare_loop(scenario, runs))
    engine, bare = statistics.median(engines), statistics.median(bares)
    overhead = statistics.median(b / e for e, b in zip(engines, bares))
    deb = debrief_ms(scenario, 10 if quick else 40)
    loads = scenario_loads(path, 5 if quick else 20)
    return {"engine_runs_per_s_cpu": round(engine), "bare_loop_runs_per_s": round(bare),
            "engine_overhead_x": round(overhead, 1), "debrief_ms": deb["median"],
            "debrief_ms_max": deb["max"], "scenario_load_ms": loads["load_ms"],
            "scenario_load_uncached_ms": loads["cold_ms"],
            "scenario_load_growth_kb": loads["held_growth_kb_per_load"]}
