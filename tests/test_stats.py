"""Anonymous local stats: what is kept, how others chose, and that no crash loses or blocks anything."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from game.engine import start
from game.session.stats import COLUMNS, Stats, record_run

ROOT = Path(__file__).resolve().parent.parent


def finished(sample, seed: int, picks: list[int]):
    run = start(sample, seed)
    for p in picks:
        if run.ended:
            break
        run.choose(run.choices()[p % len(run.choices())].id)
    while not run.ended:
        run.choose(run.choices()[0].id)
    return run


def test_records_and_answers_how_others_chose(tmp_path, sample):
    stats = Stats(tmp_path / "stats.sqlite3")
    assert stats.notice is None and stats.available
    runs = [finished(sample, s, picks) for s, picks in
            [(1, [0, 0, 1]), (2, [1, 2, 2]), (3, [0, 1, 1]), (4, [0, 0, 0])]]
    for run in runs:
        assert stats.record_run(run) is True
    shares = stats.shares("sample", ["share_gov", "share_square", "share_nothing"])
    assert shares.counts == {"share_gov": 3, "share_square": 1, "share_nothing": 0}
    assert shares.total == 4 and shares.share("share_gov") == 0.75
    assert shares.percents() == {"share_gov": 75, "share_square": 25, "share_nothing": 0}
    assert stats.count("sample") == 4 and stats.count("other") == 0
    assert sum(stats.endings("sample").values()) == 4
    assert set(stats.endings("sample")) == {r.ending.id for r in runs}
    assert stats.mean_score("sample") == sum(r.score for r in runs) / 4
    assert stats.shares("other", ["share_gov"]).total == 0
    stats.close()
    again = Stats(tmp_path / "stats.sqlite3")  # it is all still there in a new session
    assert again.count("sample") == 4
    assert again.count("sample", content_hash=sample.content_hash, kiosk=False) == 4
    assert again.count("sample", kiosk=True) == 0


def test_keeps_nothing_but_choices_ending_and_score(tmp_path, sample):
    path = tmp_path / "stats.sqlite3"
    stats = Stats(path)
    run = finished(sample, 5, [1, 1, 1])
    stats.record_run(run)
    stats.close()
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(COLUMNS)
    assert [r[1] for r in conn.execute("PRAGMA table_info(runs)")] == \
        ["id", "scenario", "content_hash", "kiosk", "ending", "final_score", "choices"]
    row = conn.execute("SELECT scenario, content_hash, kiosk, ending, final_score, choices FROM runs").fetchone()
    assert row == ("sample", sample.content_hash, 0, run.ending.id, run.score, len(run.log))
    assert [r[0] for r in conn.execute("SELECT choice FROM choices ORDER BY pos")] == run.log
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    dump = "\n".join(conn.iterdump())
    assert "Sam" not in dump and "seed" not in dump and "time" not in dump.lower()


def test_setting_off_records_nothing(tmp_path, sample, monkeypatch):
    monkeypatch.setenv("SCORED_HOME", str(tmp_path / "home"))
    run = finished(sample, 1, [0])
    off = Stats.disabled()
    assert off.record_run(run) is False and off.notice is None
    assert off.shares("sample", ["share_gov"]).total == 0 and off.count("sample") == 0
    assert record_run(run, enabled=False) == (False, None)
    on = Stats(tmp_path / "s.sqlite3")
    assert on.record_run(run, enabled=False) is False
    assert on.count("sample") == 0
    assert not (tmp_path / "home").exists()  # nothing written to the data folder
    assert record_run(run) == (True, None)  # the default place: game.paths.data_dir()
    assert (tmp_path / "home" / "stats.sqlite3").exists()


def test_corrupt_file_is_set_aside_with_a_message(tmp_path, sample):
    path = tmp_path / "stats.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    stats = Stats(path)
    assert stats.notice is not None and stats.notice.id == "debrief.stats.broken"
    assert stats.set_aside_as == tmp_path / "stats.sqlite3.broken-1"
    assert stats.set_aside_as.read_bytes().startswith(b"this is not a database")
    en, nl = stats.notice.text("en"), stats.notice.text("nl")
    assert en == ("The play statistics file was damaged; it was set aside as stats.sqlite3.broken-1 "
                  "and a fresh one started.")
    assert "stats.sqlite3.broken-1" in nl and "beschadigd" in nl
    assert stats.record_run(finished(sample, 1, [0])) is True  # the fresh file works
    stats.close()
    path.write_bytes(b"\x00" * 4096 + b"junk")  # broken again: the next free name
    assert Stats(path).set_aside_as == tmp_path / "stats.sqlite3.broken-2"


def test_damaged_database_pages_are_set_aside(tmp_path, sample):
    path = tmp_path / "stats.sqlite3"
    stats = Stats(path)
    for seed in range(30):
        stats.record_run(finished(sample, seed, [seed, seed // 2, seed // 3]))
    stats.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 8192
    for i in range(4096 + 100, len(data), 7):  # scribble over every page after the first
        data[i] = (data[i] + 0x5A) % 256
    path.write_bytes(bytes(data))
    damaged = Stats(path)
    assert damaged.notice is not None and damaged.notice.id == "debrief.stats.broken"
    assert damaged.count("sample") == 0 and damaged.record("sample", "h", False, ["a"], "home", 600)


def test_foreign_sqlite_file_is_set_aside(tmp_path):
    path = tmp_path / "stats.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE runs (who TEXT, when_played TEXT)")
    conn.commit()
    conn.close()
    stats = Stats(path)
    assert stats.notice.id == "debrief.stats.broken" and stats.available


def test_errors_never_raise_into_the_game(tmp_path, sample):
    run = finished(sample, 1, [0])
    blocked = tmp_path / "stats.sqlite3"
    blocked.mkdir()  # a folder where the file should be: sqlite cannot open it
    stats = Stats(blocked)
    assert not stats.available and stats.notice.id == "debrief.stats.unavailable"
    assert stats.record_run(run) is False
    assert stats.shares("sample", ["share_gov"]).total == 0 and stats.endings("sample") == {}
    assert blocked.is_dir() and not list(blocked.iterdir())  # not set aside: it was not broken
    ok = Stats(tmp_path / "good.sqlite3")
    ok._conn.execute("DROP TABLE choices")  # a write that fails half-way is rolled back
    assert ok.record_run(run) is False and ok.notice.id == "debrief.stats.write_failed"
    assert ok.count("sample") == 0
    assert "could not be added" in ok.notice.text("en")


def test_a_locked_file_does_not_block_the_game(tmp_path, sample):
    path = tmp_path / "stats.sqlite3"
    Stats(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        stats = Stats(path)
        began = time.perf_counter()
        assert stats.record_run(finished(sample, 1, [0])) is False
        assert time.perf_counter() - began < 2.0
        assert stats.notice.id == "debrief.stats.write_failed"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert stats.record_run(finished(sample, 1, [0])) is True


WRITER = """
import sys
from game.session.stats import Stats
stats = Stats(sys.argv[1])
assert stats.notice is None, stats.notice
i = int(sys.argv[2])
while True:
    ok = stats.record("killtest", "hash", False, [f"c{i}_{k}" for k in range(40)], "end", i)
    assert ok, stats.notice
    print(i, flush=True)
    i += 1
"""


def test_killed_writer_loses_nothing_committed(tmp_path):
    path = tmp_path / "stats.sqlite3"
    acknowledged = -1
    for round_ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(acknowledged + 1)],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        target = acknowledged + 150 + 37 * round_
        try:
            for line in proc.stdout:
                acknowledged = int(line)
                if acknowledged >= target:
                    break
            proc.send_signal(signal.SIGKILL)  # in the middle of the next write
            proc.wait(timeout=10)
            for line in proc.stdout:  # what it said it stored before the kill reached it
                acknowledged = int(line)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
        assert acknowledged >= target
        # every acknowledged record is there, complete; the file opens cleanly
        stats = Stats(path)
        assert stats.notice is None
        conn = stats._conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        scores = [r[0] for r in conn.execute("SELECT final_score FROM runs ORDER BY final_score")]
        assert scores[:acknowledged + 1] == list(range(acknowledged + 1))
        assert len(scores) <= acknowledged + 2  # at most the one being written when killed
        acknowledged = max(scores)  # go on after the last stored record
        incomplete = conn.execute(
            "SELECT r.id FROM runs r LEFT JOIN choices c ON c.run = r.id GROUP BY r.id"
            " HAVING COUNT(c.choice) != r.choices").fetchall()
        assert incomplete == []
        stats.close()


def test_damage_found_while_writing_sets_the_file_aside_and_keeps_the_record(tmp_path, sample, monkeypatch):
    path = tmp_path / "stats.sqlite3"
    stats = Stats(path)
    real = Stats._write
    calls = []

    def failing_once(conn, *args):
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real(conn, *args)

    monkeypatch.setattr(Stats, "_write", staticmethod(failing_once))
    assert stats.record_run(finished(sample, 2, [1])) is True
    assert len(calls) == 2 and stats.notice.id == "debrief.stats.broken"
    assert (tmp_path / "stats.sqlite3.broken-1").exists() and stats.count("sample") == 1
