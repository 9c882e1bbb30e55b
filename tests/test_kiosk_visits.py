"""Anonymous visit counts: started, finished, debriefed and abandoned, by day and language, and
nothing about a visitor (no time finer than the day, no choices, no order); a damaged file is set
aside with one sentence; `scored visits` prints them, as CSV with --csv."""
from __future__ import annotations

import csv
import datetime
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from kiosk_support import Visitor, home, kiosk_app, tap_button
from ui_support import button

from game.session.visits import (
    COLUMNS,
    FILE_NAME,
    VisitCounter,
    VisitRow,
    Visits,
    read_rows,
)
from game.window import kiosk_views

ROOT = Path(__file__).resolve().parent.parent


def store_path() -> Path:
    return home() / FILE_NAME


def test_counts_by_day_and_language(tmp_path):
    visits = Visits(tmp_path / "v.sqlite3")
    days = iter(["2025-05-01", "2025-05-01", "2025-05-01", "2025-05-02"])
    counter = VisitCounter(visits, today=lambda: next(days))
    counter.begin("nl")
    counter.finish()
    counter.debrief_read()
    counter.end()
    counter.begin("nl")
    counter.end()                        # left before the ending
    counter.begin("en")
    counter.begin("en")                  # the first never ended: abandoned when the next begins
    counter.finish()
    counter.finish()                     # counted once
    counter.end()
    assert visits.rows() == [VisitRow("2025-05-01", "en", 1, 0, 0, 1), VisitRow("2025-05-01", "nl", 2, 1, 1, 1),
                             VisitRow("2025-05-02", "en", 1, 1, 0, 0)]
    visits.close()


def test_nothing_finer_than_a_day_is_stored_nor_anything_about_a_visitor(tmp_path):
    path = tmp_path / "v.sqlite3"
    visits = Visits(path)
    with pytest.raises(ValueError):
        visits.count("started", "2025-05-01T14:03", "en")
    with pytest.raises(ValueError):
        visits.count("chose_a1", "2025-05-01", "en")
    assert visits.count("started", "2025-05-01", "<script>")  # not a language: counted as "other"
    visits.close()
    conn = sqlite3.connect(path)
    try:
        tables = {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")}
        assert list(tables) == ["visits"] and "WITHOUT ROWID" in tables["visits"], "no order of visits kept"
        assert [r[1] for r in conn.execute("PRAGMA table_info(visits)")] == COLUMNS
        with pytest.raises(sqlite3.IntegrityError):  # the file itself refuses a time of day
            conn.execute("INSERT INTO visits (day, lang, started) VALUES ('2025-05-01 14:03:11', 'en', 1)")
        assert conn.execute("SELECT day, lang FROM visits").fetchall() == [("2025-05-01", "other")]
    finally:
        conn.close()


def test_a_damaged_file_is_set_aside_with_one_sentence(tmp_path):
    path = tmp_path / "v.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    visits = Visits(path)
    assert visits.available and visits.set_aside_as == tmp_path / "v.sqlite3.broken-1"
    assert visits.set_aside_as.read_bytes().startswith(b"this is not")
    notice = visits.notice
    assert notice.startswith("scored: ") and notice.endswith(".") and "\n" not in notice
    assert visits.count("started", "2025-05-01", "en")
    visits.close()


def test_a_visit_in_the_kiosk_is_counted_and_the_attract_loop_is_not():
    app = kiosk_app('language = "nl"\n')
    ctl = app.kiosk_ctl
    for _ in range(int(ctl.attract_after) + 1):
        app.frame([], 1.0)
    for _ in range(60):
        app.frame([], 1.0)
    assert ctl.attract and not store_path().exists(), "the game playing itself is no visit"
    # a visitor taps "English" on the band, plays everything, reads the debrief to its end
    band = kiosk_views.band(app, app.surface.get_size())
    tap_button(app, next(b for b in band.buttons if b.name.endswith("en")))
    Visitor(app).play_through()
    # the next one starts in Dutch and walks away in the week
    tap_button(app, button(app, "play"))
    tap_button(app, button(app, "start"))
    for _ in range(int(ctl.idle_warn + ctl.countdown) + 1):
        app.frame([], 1.0)
    assert app.top.name == "title"
    # a third is in the middle of the week when the museum closes
    tap_button(app, button(app, "play"))
    app.close()
    rows = read_rows(store_path())[0]
    assert [(r.lang, r.started, r.finished, r.debriefed, r.abandoned) for r in rows] == [
        ("en", 1, 1, 1, 0), ("nl", 2, 0, 0, 2)]
    assert {r.day for r in rows} == {datetime.date.today().isoformat()}


def test_no_stats_counts_no_visits():
    app = kiosk_app(no_stats=True)
    tap_button(app, button(app, "play"))
    app.frame([], 0.02)
    app.close()
    assert not store_path().exists()


def scored(*args: str, env_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, SCORED_HOME=str(env_home))
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_scored_visits_prints_a_table_and_csv(tmp_path):
    folder = tmp_path / "kiosk-home"
    out = scored("visits", env_home=folder)
    assert out.returncode == 0 and "No visits have been counted yet" in out.stderr and not folder.exists()
    visits = Visits(folder / FILE_NAME)
    counter = VisitCounter(visits, today=lambda: "2025-05-01")
    for lang in ("en", "nl", "nl"):
        counter.begin(lang)
        counter.finish()
    counter.end()
    out = scored("visits", env_home=folder)  # while the game has the file open
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["day", "language", "started", "finished", "debriefed", "abandoned"]
    assert lines[1].split() == ["2025-05-01", "en", "1", "1", "0", "0"]
    assert lines[-1].split() == ["total", "3", "3", "0", "0"]
    visits.close()
    before = sorted(p.name for p in folder.iterdir())
    out = scored("visits", "--csv", env_home=folder)
    assert out.returncode == 0 and out.stderr == ""
    rows = list(csv.reader(io.StringIO(out.stdout)))
    assert rows == [["day", "language", "started", "finished", "debriefed", "abandoned"],
                    ["2025-05-01", "en", "1", "1", "0", "0"], ["2025-05-01", "nl", "2", "2", "0", "0"]]
    assert sorted(p.name for p in folder.iterdir()) == before, "reading writes nothing (no -wal, no -shm)"


def test_scored_visits_on_a_damaged_file_says_so_and_leaves_it(tmp_path):
    folder = tmp_path / "kiosk-home"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(b"garbage" * 200)
    out = scored("visits", "--csv", env_home=folder)
    assert out.returncode == 1 and "cannot be read" in out.stderr and "Traceback" not in out.stderr
    assert (folder / FILE_NAME).read_bytes() == b"garbage" * 200
