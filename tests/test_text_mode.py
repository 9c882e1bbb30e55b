"""The text mode, driven through standard input as a player (or a screen reader user) would."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = str(ROOT / "scenarios" / "sample" / "scenario.yaml")


def scored(*args: str, stdin: str = "", env_home: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


def test_yes_1_plays_to_the_end():
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="1\n" * 50)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[-2] == "Final score: " + lines[-2].split(": ")[1] and lines[-2].split(": ")[1].isdigit()
    assert lines[-1] == "Ending: home"
    assert "1. Share the government's good news on the economy" in out.stdout
    assert "Score 640 to 660 (+20): Online activity evaluated" in out.stdout
    assert "End of Monday: score 640 to" in out.stdout


def test_final_score_matches_engine(sample):
    from game.engine import start
    out = scored("--text", "--seed", "11", "--scenario", SAMPLE, stdin="2\n3\n1\n2\n1\n1\n1\n1\n")
    run = start(sample, 11)
    for pick in [2, 3, 1, 2, 1, 1, 1, 1]:
        if run.ended:
            break
        run.choose(run.choices()[pick - 1].id)
    assert f"Final score: {run.score}" in out.stdout and f"Ending: {run.ending.id}" in out.stdout


def test_invalid_input_gets_a_hint_and_is_asked_again():
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="9\nhello\n\n" + "1\n" * 50)
    assert out.returncode == 0
    assert out.stdout.count("Please type a number from 1 to 3, u to undo or q to quit.") == 3
    assert "Ending: home" in out.stdout


def test_end_of_input_before_the_end_exits_nonzero():
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="1\n1\n")
    assert out.returncode == 2
    assert "Input ended before the week was over (scene mon_feed)" in out.stdout
    assert "Traceback" not in out.stderr


def test_undo_goes_back_one_choice():
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="1\nu\n2\n" + "1\n" * 50)
    assert "Undone. Back to the last scene." in out.stdout
    assert "Score 640 to 660 (+20)" in out.stdout and "Score 640 to 600 (-40)" in out.stdout


def test_dutch_and_transparent_rules():
    out = scored("--text", "--lang", "nl", "--transparent", "--seed", "3", "--scenario", SAMPLE,
                 stdin="1\n" * 50)
    assert out.returncode == 0
    assert "Score van 640 naar 660 (+20): Een positief bericht van de regering delen." in out.stdout
    assert "Einde van maandag" in out.stdout
    assert out.stdout.strip().splitlines()[-2:] == [f"Eindscore: {out.stdout.split('Eindscore: ')[-1].split()[0]}", "Einde: home"]


def test_text_mode_records_in_stats_unless_told_not_to(tmp_path):
    import os

    from game.session.stats import Stats
    home = Path(os.environ["SCORED_HOME"])
    outs = []
    for args in ((), (), ("--no-stats",)):
        out = scored("--text", "--seed", "3", "--scenario", SAMPLE, *args, stdin="1\n" * 50)
        assert out.returncode == 0, out.stderr
        outs.append(out.stdout)
    with Stats(home / "stats.sqlite3") as stats:
        assert stats.count("sample") == 2  # the third week, played with --no-stats, is not kept
    assert "How others chose" in outs[1] and "100%" in outs[1]  # the one earlier week chose as this one


def test_wrong_answers_again_and_again_end_the_week_with_a_message():
    """`yes 2 | scored --text` where a scene offers one choice: no endless prompting."""
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="7\n" * 1000)
    assert out.returncode == 4, out.stdout[-500:]
    last = out.stdout.strip().splitlines()[-1]
    assert "5 answers in a row were not a choice" in last and "mon_alarm" in last
    assert out.stdout.count("Please type a number") == 4


def test_a_wrong_answer_now_and_then_is_forgiven():
    stdin = "".join("9\n9\n9\n9\n1\n" for _ in range(40))  # four wrong, then a choice, again and again
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin=stdin)
    assert out.returncode == 0, out.stdout[-500:]
    assert "Final score:" in out.stdout
