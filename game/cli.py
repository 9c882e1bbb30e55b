"""The `scored` command: play (window or text), validate scenarios, simulate runs, serve a classroom,
print the teacher's materials, the kiosk's visit counts, a translator's strings. Its options and
their parsing are in options.py."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Optional, Sequence

from .options import CLASSROOM, SIMULATE, STRINGS, TEACHERS, VALIDATE, VISITS, parse
from .paths import SCENARIOS, cache_dir, default_scenario
from .strings_cmd import strings_cmd

EXIT_NOTHING = 2  # validate: nothing to check


# ----- the commands ----------------------------------------------------------------------------
def _load(path: str) -> Any:
    from .engine import ScenarioError, load_scenario
    try:
        return load_scenario(path)
    except ScenarioError as exc:
        print(f"The scenario {path} has problems:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(1)


def _known_region(args: argparse.Namespace, scenario: Any) -> None:
    """Refuse a --region the scenario has no cards for, naming those it has."""
    from .session.truth import regions
    known = regions(scenario)
    if args.region and args.region not in known:
        print(f"--region: '{args.region}' is not a region of this week's cards "
              f"({', '.join(known) or 'it has none'})", file=sys.stderr)
        sys.exit(2)


def scenario_files(paths: Sequence[str]) -> list[str]:
    """The scenario.yaml files named or held (at any depth) by `paths`; the shipped ones by default."""
    if not paths:
        return sorted(str(p) for p in SCENARIOS.glob("*/scenario.yaml"))
    found: list[str] = []
    for name in paths:
        p = Path(name)
        if p.is_dir():
            found += sorted(str(f) for f in p.rglob("scenario.yaml"))
        else:
            found.append(name)  # a missing file is reported by the check itself
    return found


def validate(paths: Sequence[str]) -> int:
    """Check scenarios, and the game's own strings in every language."""
    from .engine import check_scenario
    from .session.strings import check_ui_strings
    from .session.translation import ui_fuzzy_notes
    files = scenario_files(paths)
    if not files:
        where = ", ".join(paths) if paths else str(SCENARIOS)
        print(f"No scenario to check: no scenario.yaml found in {where}.", file=sys.stderr)
        return EXIT_NOTHING
    own = check_ui_strings()
    for problem in own:
        print(problem)
    for note in ui_fuzzy_notes():  # translated, but to be looked at: said, not failed
        print(note)
    bad = len(own)
    for path in files:
        scenario, problems = check_scenario(path)
        for problem in problems:
            print(problem)
        bad += len(problems)
        if not problems:
            print(f"{path}: ok")
        for lang, meta in (getattr(scenario, "strings", None) and scenario.strings.meta or {}).items():
            if meta.get("fuzzy"):
                print(f"{path}: {len(meta['fuzzy'])} strings in {lang} marked fuzzy, to be looked at: "
                      f"{', '.join(meta['fuzzy'][:5])}")
    if bad:
        print(f"{bad} problem{'s' if bad != 1 else ''} found.", file=sys.stderr)
    return 1 if bad else 0


def simulate_cmd(args: argparse.Namespace) -> int:
    from .engine.simulate import simulate
    scenario = _load(args.scenario)
    result = simulate(scenario, args.runs, args.policy, args.seed or 0, args.kiosk)
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


def visits_cmd(args: argparse.Namespace) -> int:
    """The visit counts as a table, or CSV on stdout; a sentence on stderr when there are none."""
    import csv

    from .session.visits import COLUMNS, read_rows
    rows, problem = read_rows()
    header = ["day", "language"] + COLUMNS[2:]
    if args.csv:
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)
    elif rows:
        print(f"{header[0]:<10}  {header[1]:<8}" + "".join(f"  {h:>9}" for h in header[2:]))
        for r in rows:
            print(f"{r.day:<10}  {r.lang:<8}" + "".join(f"  {n:>9}" for n in r[2:]))
        totals = [sum(r[i] for r in rows) for i in range(2, len(COLUMNS))]
        print(f"{'total':<10}  {'':<8}" + "".join(f"  {n:>9}" for n in totals))
    if problem:
        print(problem, file=sys.stderr)
        return 0 if problem.startswith("No visits") else 1
    return 0


def text_cmd(args: argparse.Namespace, scenario_path: str) -> int:
    import random

    from .session.settings import load_settings
    from .session.stats import Stats
    from .textmode.play import play_text
    scenario = _load(scenario_path)
    _known_region(args, scenario)
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    settings = load_settings()
    keep = not args.no_stats and (args.kiosk or settings.stats)  # the kiosk: always
    stats = Stats() if keep else Stats.disabled()
    region = args.region if args.region is not None else settings.region
    try:
        return play_text(scenario, args.lang or "en", seed, args.transparent, args.kiosk, stats=stats,
                         region=region)
    finally:
        stats.close()


def teachers_cmd(args: argparse.Namespace) -> int:
    from .session.settings import load_settings
    from .session.teachers import languages, write_materials
    known = languages()
    lang = args.lang or load_settings().lang
    if lang not in known:
        if args.lang:
            print(f"There are no teacher's materials in '{lang}' (there are: {', '.join(known)}).", file=sys.stderr)
            return 1
        lang = "en"
    folder = args.out or "."
    try:
        path = write_materials(lang, folder)
    except OSError as exc:
        print(f"The teacher's materials could not be written to {folder} ({exc.strerror or exc}).", file=sys.stderr)
        return 1
    print(path)
    return 0


def classroom_cmd(args: argparse.Namespace, scenario_path: str) -> int:
    from .classroom.server import serve
    from .session.settings import load_settings
    lang = args.lang or load_settings().lang
    scenario = _load(scenario_path)
    _known_region(args, scenario)
    return serve(scenario, args.host, args.port, lang, not args.no_browser, args.region or "")


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse(argv)
    from .engine.loading import cache
    cache.use_folder(cache_dir() / "parsed")  # files parsed before are read back while unchanged
    if args.command == VALIDATE:
        return validate(args.files)
    if args.command == TEACHERS:
        return teachers_cmd(args)
    if args.command == VISITS:
        return visits_cmd(args)
    if args.command == STRINGS:
        return strings_cmd(args)
    scenario_path = args.scenario or str(default_scenario())
    if args.command == CLASSROOM:
        return classroom_cmd(args, scenario_path)
    if args.command == SIMULATE:
        args.scenario = scenario_path
        return simulate_cmd(args)
    if args.text:
        return text_cmd(args, scenario_path)
    loaded = None
    if args.region:  # read here, where the option can still be refused plainly; the window takes it
        loaded = _load(scenario_path)
        _known_region(args, loaded)
    try:
        from .window.app import main as play_window
    except ImportError as exc:  # the window needs pygame-ce
        print(f"The window cannot open ({exc}). Play in the terminal instead: scored --text", file=sys.stderr)
        return 1
    return play_window(args, Path(scenario_path), loaded)
