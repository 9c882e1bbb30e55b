"""Fuzzing the scenario loader: thousands of mutated scenarios (lines dropped, doubled, swapped,
values replaced by hostile ones, files cut short), each either refused with every problem at a
file, line and column, or played to the end without an error: whatever validates must play.

The mutations are drawn from a seeded generator, so a failure names the case that reproduces it.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from game.engine import ScenarioError, load_scenario, start
from game.engine.debrief import analyze
from game.engine.policies import POLICIES
from game.session.words import Words

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).resolve().parent.parent / "scenarios" / "sample"
BASES = [FIXTURES / "mini", SAMPLE]
CASES = 2400
CHUNKS = 12
HOSTILE = ["0", "-1", "1e308", "-1e308", ".inf", "-.inf", ".nan", "9" * 40, "null", "true", "''", '"x"',
           "{a: b}", "[1, 2]", "[]", "{}", "!!str 5", "!!bool maybe", "!custom x", "&a 1", "*a", "<<: {x: 1}",
           "~", "'" + "é" * 30 + "'", "'{score}'", "'{nope}'", "\"a\\x00b\"", "2025-01-01", "0x1F", "1_000",
           "'score > 1 and'", "'flag.x == \"y\"'", "'score > \"high\"'", "mei", "walked", "END", "car"]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        kind = rng.choice(("drop", "double", "swap", "value", "value", "value", "indent", "cut", "key"))
        if kind == "drop":
            del lines[i]
        elif kind == "double":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent":
            lines[i] = " " * rng.choice((1, 2, 4)) + lines[i]
        elif kind == "cut":
            lines = lines[:i]
        elif kind == "key" and ":" in lines[i]:
            head, _, tail = lines[i].partition(":")
            lines[i] = head + rng.choice(("x", "_", "")) + ":" + tail
        elif ":" in lines[i]:  # a value replaced by a hostile one
            head, _, _ = lines[i].partition(":")
            lines[i] = f"{head}: {rng.choice(HOSTILE)}"
    return "\n".join(lines)


def play_everything(sc) -> None:
    """Random weeks to their end, replayed, analysed and said in every language."""
    for seed in range(3):
        for kiosk in (False, True):
            run = start(sc, seed, kiosk=kiosk)
            rng = random.Random(seed)
            for _ in range(400):
                if run.ended:
                    break
                run.choose(POLICIES["random"](run, rng).id)
            assert run.ended, "a week that never ends"
            assert sc.min_score <= run.score <= sc.max_score
            again = start(sc, seed, kiosk=kiosk).choose_all(run.log)
            assert again.score == run.score
            analyze(run)
            for lang in sc.languages:
                w = Words(sc, lang, run)
                w.s(run.ending.text) if run.ending else None
                for fid in sc.friends:
                    w.s(run.epilogue(fid))


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_a_mutated_scenario_is_refused_with_its_place_or_plays(tmp_path, chunk):
    rng = random.Random(7919 * chunk + 1)
    refused = played = 0
    for case in range(CASES // CHUNKS):
        base = rng.choice(BASES)
        folder = tmp_path / f"c{case}"
        shutil.copytree(base, folder)
        name = rng.choice(("scenario.yaml", "scenario.yaml", "scenario.yaml", "en.yaml", "nl.yaml"))
        path = folder / name
        path.write_text(mutate(path.read_text(encoding="utf-8"), rng), encoding="utf-8")
        where = f"chunk {chunk}, case {case} ({base.name}/{name})"
        try:
            sc = load_scenario(str(folder / "scenario.yaml"))
        except ScenarioError as err:
            refused += 1
            assert err.problems, where
            for p in err.problems:
                assert p.line > 0 and p.column > 0, f"{where}: no line and column for {p}"
            continue
        except Exception as exc:  # anything else is a crash of the loader
            raise AssertionError(f"{where}: the loader raised {exc!r}") from exc
        played += 1
        try:
            play_everything(sc)
        except Exception as exc:
            raise AssertionError(f"{where}: validated, then failed in play: {exc!r}") from exc
        shutil.rmtree(folder)
    assert refused and played, (refused, played)  # the mutations reach both outcomes
