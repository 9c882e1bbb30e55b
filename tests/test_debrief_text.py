"""The debrief in the text mode: its order, its sentences in both languages, addresses on their own lines."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.engine import ScenarioError, load_scenario
from game.engine.catalogue import forms, placeholders
from game.engine.debrief import analyze
from game.session.sentences import counterfactual_lines, debrief_lines
from game.session.stats import Stats
from game.session.strings import catalogue as ui_strings
from game.session.truth import home_cards, region_for
from game.session.words import Words
from game.textmode.play import TextGame

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "scenarios" / "sample" / "scenario.yaml"
WEEK = ROOT / "scenarios" / "week" / "scenario.yaml"
TITLES = {
    "en": ["How did that feel?", "Your week", "How the system steered you", "What became of your friends",
           "What if?", "Real or not?", "Closer to home", "Questions to discuss"],
    "nl": ["Hoe voelde dat?", "Jouw week", "Hoe het systeem je stuurde", "Hoe het je vrienden verging",
           "Wat als?", "Echt of niet?", "Dichter bij huis", "Vragen om te bespreken"],
}


def scenarios():
    out = [load_scenario(str(SAMPLE))]
    if WEEK.exists():
        try:
            out.append(load_scenario(str(WEEK)))
        except ScenarioError:
            pass
    return out


def played(scenario, lang: str, seed: int, picks=(1, 0, 2, 1)) -> tuple[TextGame, list[str]]:
    lines: list[str] = []
    game = TextGame(scenario, lang, seed, out=lines.append)
    feed = iter([str(1 + picks[i % len(picks)] % 2) for i in range(200)])
    game.play(feed)
    assert game.run.ended
    return game, lines


def debrief_part(lines: list[str], lang: str) -> list[str]:
    title = {"en": "Debrief", "nl": "Nabespreking"}[lang]
    return lines[lines.index(title):]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_sections_in_order_and_last_two_lines(sample, lang):
    game, lines = played(sample, lang, 3)
    part = debrief_part(lines, lang)
    where = [part.index(t) for t in TITLES[lang]]
    assert where == sorted(where)
    final, ending = {"en": ("Final score", "Ending"), "nl": ("Eindscore", "Einde")}[lang]
    assert lines[-2] == f"{final}: {game.run.score}"
    assert lines[-1] == f"{ending}: {game.run.ending.id}"
    others = {"en": "How others chose", "nl": "Hoe anderen kozen"}[lang]
    assert others not in part  # the text mode keeps no stats unless given some


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("which", [0, 1])
def test_every_address_on_a_line_of_its_own(lang, which):
    all_sc = scenarios()
    if which >= len(all_sc):
        pytest.skip("scenarios/week is not there (or does not load) yet")
    sc = all_sc[which]
    game, lines = played(sc, lang, 5)
    part = debrief_part(lines, lang)
    cards = list(sc.debrief.myths) + home_cards(sc, region_for(sc, "", lang))
    assert cards
    for card in cards:
        src = sc.sources[card.source]
        i = part.index(src.url)  # the address alone on its line
        assert part[i - 1].startswith(f"{src.outlet}, {src.date}: ")
    for line in part:
        if "://" in line:
            assert line.strip() == line and " " not in line, line
    for card in sc.debrief.myths:
        assert game.s(f"myth.{card.id}.claim") in " ".join(part)


def test_ledger_names_the_friend_and_shows_each_exact_rule(sample):
    game, lines = played(sample, "en", 3)
    run = game.run
    part = debrief_part(lines, "en")
    start = part.index("Every change, with the rule now revealed:")
    ledger = part[start + 1:start + 1 + len(run.ledger)]
    assert len(ledger) == len(run.ledger)
    for line, e in zip(ledger, run.ledger):
        assert line.startswith(f"{game.weekday(e.day)}: {e.delta:+d} {game.s(e.exact)}")
        if e.source == "association":
            assert line.endswith(f"({game.name_of(e.friend)})")
    assert any("(Jun)" in line for line in ledger)
    assert not any(game.s(e.vague) in line for e in run.ledger for line in ledger)


def test_week_lines_give_each_day_and_gate_check(sample):
    game, lines = played(sample, "en", 3)
    part = debrief_part(lines, "en")
    for day in game.run.day_summaries:
        assert f"{game.weekday(day.day)}: {day.start_score} to {day.end_score} ({day.change:+d})." in part
    for check in game.run.gate_checks:
        word = "granted." if check.passed else f"refused, {check.gap} points short."
        assert any(line.endswith(word) and f"checked at {check.score}" in line for line in part)


def test_steering_and_counterfactual_sentences(sample):
    game, lines = played(sample, "en", 3)
    d = analyze(game.run)
    part = debrief_part(lines, "en")
    assert f"You took the score-raising option {d.steering.took} of {d.steering.total} times." in part
    cf = d.counterfactuals[0]
    w = Words(sample, "en", game.run)
    first = counterfactual_lines(w, game.run, cf, d.goal_gate)[0]
    assert first in part
    assert first.startswith(f'On {game.weekday(cf.day)} you chose "{game.s(sample.choice(cf.original).text)}". '
                            f'Had you chosen "{game.s(sample.choice(cf.alternative).text)}", ')
    assert f"ended at {cf.score} ({cf.score_change:+d})" in first or f"same score, {cf.score}" in first
    goal = cf.gates["visa"]
    goal_line = [line for line in counterfactual_lines(w, game.run, cf, "visa") if line.startswith("Visa for Europe:")]
    assert goal_line and (str(goal.gap) in goal_line[0] or str(goal.margin) in goal_line[0])


def test_similarity_is_said_in_a_line():
    sc = load_scenario(str(ROOT / "tests" / "fixtures" / "branch" / "scenario.yaml"))
    from game.engine import start
    from game.engine.debrief import replay_with
    run = start(sc, 1).choose_all(["go_left", "drop_ann_l", "bold", "roll", "pay_bribe", "continue"])
    for lang, unseen in [("en", "scenes you never saw"), ("nl", "nooit zag")]:
        w = Words(sc, lang, run)
        text = counterfactual_lines(w, run, replay_with(run, 0, "go_right"), "visa")
        assert any(unseen in line for line in text)
        text = counterfactual_lines(w, run, replay_with(run, 3, "steady"), "visa")
        assert not any(unseen in line for line in text)


def test_how_others_chose_from_stats(sample, tmp_path):
    stats = Stats(tmp_path / "stats.sqlite3")
    for seed in range(5):
        game, _ = played(sample, "en", seed, picks=(seed, 1, 0))
        assert stats.record_run(game.run)
    lines: list[str] = []
    game = TextGame(sample, "en", 9, out=lines.append)
    for cid in ["share_gov", "buy_game", "mute_mei", "pay_rosa"]:
        game.session.choose(cid)
    while not game.run.ended:
        game.session.choose(game.run.choices()[0].id)
    game.stats = game.session.stats = stats
    options = {c.id: game.s(c.text) for c in sample.scenes["mon_alarm"].choices}
    shares = stats.shares("sample", list(options)).percents()  # earlier players only
    game.show_debrief(iter([]))
    assert "How others chose" in lines
    assert "5 earlier players finished this week on this machine." in lines
    assert 'Monday: you chose "Share the government\'s good news on the economy".' in lines
    assert sum(shares.values()) == 100
    for cid, text in options.items():
        assert f'{shares[cid]}% chose "{text}"' in lines
    assert stats.count("sample") == 6  # this week was added after it was compared
    off = TextGame(sample, "nl", 9, out=(quiet := []).append)
    off.session.run = game.run
    off.stats = off.session.stats = Stats.disabled()
    off.show_debrief(iter([]))
    assert "Speelstatistieken staan uit, dus er valt niets te vergelijken." in quiet


def test_every_debrief_string_in_both_languages_with_the_same_placeholders():
    tables = ui_strings().tables
    en = {k: v for k, v in tables["en"].items() if k.startswith("debrief.")}
    nl = {k: v for k, v in tables["nl"].items() if k.startswith("debrief.")}
    assert len(en) > 60 and set(en) == set(nl)
    for k in en:
        assert placeholders(en[k]) == placeholders(nl[k]), k
    differ = [k for k in en if en[k] != nl[k]]
    assert len(differ) >= len(en) - 7  # only format-only lines may be equal


def test_every_string_id_the_code_asks_for_exists():
    """Every id written out in a ui(...) call anywhere in the game exists in every language."""
    import re
    tables = ui_strings().tables
    used = set()
    for path in (ROOT / "game").rglob("*.py"):
        used |= set(re.findall(r'\b(?:ui|t)\(\s*"([a-z_]+(?:\.[a-z0-9_]+)+)"', path.read_text(encoding="utf-8")))
    assert len(used) > 100
    missing = sorted(f"{lang}: {u}" for u in used for lang in tables if u not in tables[lang])
    assert missing == []


def test_text_mode_end_to_end_in_dutch():
    out = subprocess.run([sys.executable, "-m", "game", "--text", "--lang", "nl", "--seed", "4",
                          "--scenario", str(SAMPLE)], input="2\n1\n1\n1\n" + "1\n" * 20,
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "Nabespreking" in lines and "Echt of niet?" in lines
    assert "https://logicmag.io/07-the-messy-truth-about-social-credit" in lines
    assert lines[-1].startswith("Einde: ") and lines[-2].startswith("Eindscore: ")  # Dutch to the end


def test_screens_get_the_same_lines_from_words(sample):
    game, lines = played(sample, "nl", 6)
    part = debrief_part(lines, "nl")
    same = debrief_lines(Words(game.run.scenario, "nl", game.run), game.run, with_others=False,
                         region=region_for(game.run.scenario, "", "nl"))
    assert part[:len(same) - 1] == same[:-1]  # the text mode adds the check and the final two lines after it
    assert same[0] == "Nabespreking"


def test_debrief_sentences_are_short():
    import re
    tables = ui_strings().tables
    for lang in ("en", "nl"):
        for k, v in tables[lang].items():
            if k.startswith("debrief."):
                for form in forms(v):
                    for sentence in re.split(r"(?<=[.;?!])\s+", form):
                        assert len(sentence.split()) < 25, (lang, k, sentence)


@pytest.mark.parametrize("earlier", [1, 4])
def test_too_few_earlier_weeks_show_no_share_at_all(sample, tmp_path, earlier):
    """One earlier week would show that player's choices exactly: no share below five weeks."""
    stats = Stats(tmp_path / "stats.sqlite3")
    for seed in range(earlier):
        game, _ = played(sample, "en", seed)
        assert stats.record_run(game.run)
    lines: list[str] = []
    game = TextGame(sample, "en", 9, out=lines.append)
    while not game.run.ended:
        game.session.choose(game.run.choices()[0].id)
    game.stats = game.session.stats = stats
    game.show_debrief(iter([]))
    part = lines[lines.index("How others chose"):]
    part = part[:part.index("")]
    assert part[1].startswith(f"Only {earlier} earlier week")
    assert not any("%" in line for line in part) and len(part) == 2
