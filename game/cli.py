"""The `scored` command: play (window or text), validate scenarios, simulate runs."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

from .paths import SCENARIOS, default_scenario


def _load(path: str):
    from .engine import ScenarioError, load_scenario
    try:
        return load_scenario(path)
    except ScenarioError as exc:
        print(f"The scenario {path} has problems:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(1)


def validate(files: Sequence[str]) -> int:
    from .engine import check_scenario
    paths = list(files) or sorted(str(p) for p in SCENARIOS.glob("*/scenario.yaml"))
    bad = 0
    for path in paths:
        _, problems = check_scenario(path)
        for problem in problems:
            print(problem)
        bad += len(problems)
        if not problems:
            print(f"{path}: ok")
    if bad:
        print(f"{bad} problem{'s' if bad != 1 else ''} found.", file=sys.stderr)
    return 1 if bad else 0


def simulate_cmd(args: argparse.Namespace) -> int:
    from .engine.simulate import simulate
    scenario = _load(args.scenario)
    result = simulate(scenario, args.runs, args.policy, args.seed, args.kiosk)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{result['runs']} runs, policy {result['policy']}, {result['seconds']} s "
          f"({result['runs_per_second']} runs/s)")
    fs = result["final_score"]
    print(f"final score: min {fs['min']}, median {fs['p50']}, mean {fs['mean']}, max {fs['max']}")
    print("gates passed: " + ", ".join(f"{k} {v:.1%}" for k, v in result["gates"].items()))
    print("endings: " + ", ".join(f"{k} {v:.1%}" for k, v in result["endings"].items()))
    print(f"choices per week: {result['choices']['min']}-{result['choices']['max']}")
    if result["unreached_scenes"]:
        print("never reached: " + ", ".join(result["unreached_scenes"]))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scored", description="Scored: a week inside a social credit score.")
    parser.add_argument("--text", action="store_true", help="play in the terminal (screen-reader friendly)")
    parser.add_argument("--lang", choices=["en", "nl"], default=None, help="language (en or nl)")
    parser.add_argument("--seed", type=int, default=None, help="seed of the run (default: random)")
    parser.add_argument("--scenario", default=None, help="scenario.yaml to play (default: the week)")
    parser.add_argument("--transparent", action="store_true", help="show each change's exact rule at once")
    parser.add_argument("--no-stats", action="store_true",
                        help="text mode: keep no anonymous play statistics on this device")
    parser.add_argument("--kiosk", action="store_true", help="museum kiosk: short week, attract loop, idle reset")
    parser.add_argument("--autoplay", choices=["random", "score", "loyal"], help="play the week by itself")
    parser.add_argument("--screenshots", metavar="DIR", help="with --autoplay: save one PNG per scene")
    parser.add_argument("--windowed", action="store_true", help="never fullscreen")
    parser.add_argument("--size", default=None, help="window size, e.g. 1280x720")
    parser.add_argument("--fast", action="store_true", help="with --autoplay: don't wait between screens")
    sub = parser.add_subparsers(dest="command")
    v = sub.add_parser("validate", help="check scenario files; exit 1 when a problem is found")
    v.add_argument("files", nargs="*", help="scenario.yaml files (default: the shipped ones)")
    s = sub.add_parser("simulate", help="play many runs headless and print the figures")
    s.add_argument("--runs", type=int, default=1000)
    s.add_argument("--policy", choices=["random", "score", "loyal"], default="random")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.add_argument("--scenario", default=None)
    s.add_argument("--kiosk", action="store_true", help="the kiosk's short week")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "validate":
        return validate(args.files)
    if args.command == "simulate":
        args.scenario = args.scenario or str(default_scenario())
        return simulate_cmd(args)
    scenario_path = args.scenario or str(default_scenario())
    if args.text:
        import random
        from .text_mode import play_text
        scenario = _load(scenario_path)
        seed = args.seed if args.seed is not None else random.randrange(1_000_000)
        from .stats import Stats
        from .settings import load_settings  # the settings' "keep statistics" counts too (kiosk: always)
        keep = not args.no_stats and (args.kiosk or load_settings().stats)
        stats = Stats() if keep else Stats.disabled()
        try:
            return play_text(scenario, args.lang or "en", seed, args.transparent, args.kiosk, stats=stats)
        finally:
            stats.close()
    try:
        from .app import main as play_window
    except ImportError as exc:  # the window needs pygame-ce
        print(f"The window cannot open ({exc}). Try: scored --text", file=sys.stderr)
        return 1
    return play_window(args, Path(scenario_path))
