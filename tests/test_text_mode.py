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
    out = scored("--text", "--seed", "11", "--scenario", SAMPLE, stdin="s\n2\n3\n1\n2\n1\n1\n1\n1\n")
    run = start(sample, 11)
    for pick in [2, 3, 1, 2, 1, 1, 1, 1]:
        if run.ended:
            break
        run.choose(run.choices()[pick - 1].id)
    assert f"Final score: {run.score}" in out.stdout and f"Ending: {run.ending.id}" in out.stdout


def test_invalid_input_gets_a_hint_and_is_asked_again():
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="s\n9\nhello\n\n" + "1\n" * 50)
    assert out.returncode == 0
    assert out.stdout.count("Please type a number from 1 to 3, u to undo or q to quit.") == 3
    assert "Ending: home" in out.stdout


def test_end_of_input_before_the_end_exits_nonzero():
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="s\n1\n1\n")
    assert out.returncode == 2
    assert "Input ended before the week was over (scene mon_feed)" in out.stdout
    assert "Traceback" not in out.stderr


def test_undo_goes_back_one_choice():
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="s\n1\nu\n2\n" + "1\n" * 50)
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
    assert "How others chose" in outs[1] and "Only 1 earlier week" in outs[1] and "% chose" not in outs[1]


def test_wrong_answers_again_and_again_end_the_week_with_a_message():
    """`yes 2 | scored --text` where a scene offers one choice: no endless prompting."""
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="s\n" + "7\n" * 1000)
    assert out.returncode == 4, out.stdout[-500:]
    last = out.stdout.strip().splitlines()[-1]
    assert "5 answers in a row were not a choice" in last and "mon_alarm" in last
    assert out.stdout.count("Please type a number") == 4


def test_a_wrong_answer_now_and_then_is_forgiven():
    stdin = "".join("9\n9\n9\n9\n1\n" for _ in range(40))  # four wrong, then a choice, again and again
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin=stdin)
    assert out.returncode == 0, out.stdout[-500:]
    assert "Final score:" in out.stdout


def test_the_check_before_and_after_the_week():
    """The check's answers by number, an empty line to skip one; after the week the same again,
    then before and after with the right answers and why (an opinion is never counted)."""
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="1\n\n" + "1\n" * 50 + "2\n2\n")
    assert out.returncode == 0, out.stdout[-800:]
    text = out.stdout
    assert "Before the week, a quick check: 2 questions." in text
    assert "Question 1 of 2: Does every Chinese citizen have one national score?" in text
    assert "(No right answer: this one asks what you think.)" in text
    results = text[text.index("Before and after"):]
    assert "Before the week: 0 of 1 right." in results  # "Yes" before, the opinion skipped
    assert "Right answer: No" in results and "Before: Yes" in results
    assert "There was no single national score" in results  # why
    assert "Before: no answer" in results  # the opinion, skipped before the week


def test_s_skips_the_whole_check_and_the_debrief_says_so():
    out = scored("--text", "--seed", "3", "--scenario", SAMPLE, stdin="s\n" + "1\n" * 60)
    assert out.returncode == 0
    assert "You skipped the questions before the week." in out.stdout


def test_the_kiosk_text_mode_asks_only_its_short_check():
    out = scored("--text", "--kiosk", "--seed", "3", "--scenario", SAMPLE, stdin="2\n" + "1\n" * 60)
    assert out.returncode == 0, out.stdout[-800:]
    assert "a quick check: 1 question." in out.stdout
    assert "Would you approve" not in out.stdout


def run_bytes(stdin: bytes | None, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "--text", "--seed", "3", "--scenario", SAMPLE, *extra],
                          input=stdin, stdin=subprocess.DEVNULL if stdin is None else None,
                          capture_output=True, cwd=ROOT, timeout=60)


def test_unicode_digits_and_a_huge_number_are_wrong_answers_not_tracebacks():
    out = run_bytes("s\n²\n①\n٣\n".encode() + b"9" * 5000 + b"\n" + b"1\n" * 60)
    text = out.stdout.decode()
    assert out.returncode == 0, out.stderr.decode()[-500:]
    assert b"Traceback" not in out.stderr
    assert text.count("Please type a number from 1 to 3, u to undo or q to quit.") == 4


def test_bytes_that_are_not_utf8_are_a_wrong_answer():
    out = run_bytes(b"s\n\xff\xfe\xfd\n" + b"1\n" * 60)
    assert out.returncode == 0 and b"Traceback" not in out.stderr
    assert b"Please type a number" in out.stdout


def test_a_closed_stdin_is_the_end_of_input():
    proc = subprocess.run(f'"{sys.executable}" -m game --text --seed 3 --scenario "{SAMPLE}" <&-', shell=True,
                          capture_output=True, cwd=ROOT, timeout=60, executable="/bin/bash")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert b"Input ended before the week was over" in proc.stdout


def test_a_reader_that_goes_away_is_no_error():
    proc = subprocess.run(f'yes 1 | "{sys.executable}" -m game --text --seed 3 --scenario "{SAMPLE}" | head -3',
                          shell=True, capture_output=True, cwd=ROOT, timeout=60, executable="/bin/bash")
    assert proc.stdout.decode().startswith("Scored, text mode.")
    assert proc.stderr == b"", proc.stderr.decode()[-500:]
