"""Play many runs headless and summarise them (the balance figures)."""
from __future__ import annotations

import random
import statistics
import time
from collections import Counter
from typing import Any

from .model import Scenario
from .policies import POLICIES, is_loyal
from .run import Run


def _words(scenario: Scenario, lang: str) -> dict[str, int]:
    raw = scenario.strings.raw
    return {sid: len(raw(s.text, lang).split()) for sid, s in scenario.scenes.items()}


def simulate(scenario: Scenario, runs: int, policy: str = "random", seed: int = 0,
             kiosk: bool = False, lang: str | None = None) -> dict[str, Any]:
    """Play `runs` runs with a policy; return the figures `scored simulate --json` prints."""
    choose = POLICIES[policy]
    lang = lang or scenario.languages[0]
    words = _words(scenario, lang)
    finals: list[int] = []
    lengths: list[int] = []
    path_words: list[int] = []
    endings: Counter[str] = Counter()
    gates: Counter[str] = Counter()
    gates_final: Counter[str] = Counter()
    sanctions: Counter[str] = Counter()
    reached: set[str] = set()
    disloyal = 0
    began = time.perf_counter()
    for i in range(runs):
        run = Run(scenario, seed + i, kiosk, lean=True)
        prng = random.Random((seed + i) * 7919 + 1)
        spent = False
        advance, st = run.advance, run.state
        ending = st.ending
        while ending is None:
            choice = choose(run, prng)
            if not spent and not is_loyal(choice):
                spent = True
            advance(choice.id)
            ending = st.ending
        disloyal += spent
        finals.append(run.score)
        lengths.append(len(run.log))
        path_words.append(sum(words[s] for s in run.seen))
        endings[ending.id] += 1
        reached |= run.seen
        for gate in {c.gate for c in run.gate_checks if c.passed}:
            gates[gate] += 1
        for g in scenario.gates:
            if run.score >= g.at:
                gates_final[g.id] += 1
        for s in run.active_sanctions():
            sanctions[s] += 1
    seconds = time.perf_counter() - began
    n = max(runs, 1)
    return {
        "scenario": scenario.id,
        "runs": runs,
        "policy": policy,
        "kiosk": kiosk,
        "seconds": round(seconds, 3),
        "runs_per_second": round(runs / seconds) if seconds else None,
        "final_score": {
            "min": min(finals, default=0), "p50": statistics.median(finals) if finals else 0,
            "mean": round(statistics.fmean(finals), 1) if finals else 0, "max": max(finals, default=0)},
        "gates": {g.id: round(gates[g.id] / n, 4) for g in scenario.gates},
        "gates_final": {g.id: round(gates_final[g.id] / n, 4) for g in scenario.gates},
        "sanctions_at_end": {s.id: round(sanctions[s.id] / n, 4) for s in scenario.sanctions},
        "endings": {e.id: round(endings[e.id] / n, 4) for e in scenario.endings},
        "spent_friend_or_value": round(disloyal / n, 4),
        "choices": {"min": min(lengths, default=0), "max": max(lengths, default=0)},
        "scene_words": {"lang": lang, "max": max(path_words, default=0),
                        "mean": round(statistics.fmean(path_words), 1) if path_words else 0},
        "unreached_scenes": [s for s in scenario.scenes if s not in reached],
    }
