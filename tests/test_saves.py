"""Saves: a slot per scenario holding the run's log and the check's answers, written atomically;
bad or hostile saves set aside with one sentence, never a crash or a hang."""
from __future__ import annotations

import json
import os
import stat

import pytest

from game.engine import SaveError, start
from game.engine.runlog import RunLog, replay
from game.engine.saves import read_json, write_json_atomic
from game.session.play import PlaySession
from game.session.saves import SaveSlot

IDS = ["share_gov", "buy_game", "mute_mei"]


def test_round_trip_keeps_the_log_and_the_check(sample, tmp_path):
    slot = SaveSlot(tmp_path, "sample")
    run = start(sample, seed=4).choose_all(IDS)
    slot.write(run, {"one_score": "real"})
    data = json.loads(slot.path.read_text())
    assert slot.path == tmp_path / "saves" / "sample.json"
    assert data == {"version": 2, "check_before": {"one_score": "real"},
                    "run": {"version": 1, "scenario": "sample", "content_hash": sample.content_hash,
                            "seed": 4, "kiosk": False, "choices": IDS}}
    saved = slot.read(sample)
    assert saved.run.log == IDS and saved.run.score == run.score and saved.run.scene.id == run.scene.id
    assert saved.check_before == {"one_score": "real"}


def test_a_resumed_week_keeps_the_check_answered_before_it(sample, tmp_path):
    first = PlaySession(sample, slot=SaveSlot(tmp_path, "sample"))
    first.new_week(seed=2)
    first.answer_before("one_score", "real")
    first.choose("share_gov")
    again = PlaySession(sample, slot=SaveSlot(tmp_path, "sample"))
    run, problem = again.resume()
    assert problem is None and run is not None and run.log == ["share_gov"]
    assert again.check_before == {"one_score": "real"}
    while not again.run.ended:
        again.choose(again.run.choices()[0].id)
    assert again.start_debrief(record=False).quiz_before == {"one_score": "real"}
    assert not again.slot.path.exists()  # a finished week leaves no save


def test_each_scenario_has_its_own_slot(sample, mini, tmp_path):
    for sc in (sample, mini):
        s = PlaySession(sc, slot=SaveSlot(tmp_path, sc.id))
        s.new_week(seed=1)
        s.choose(s.run.choices()[0].id)
    assert sorted(p.name for p in (tmp_path / "saves").iterdir()) == ["mini.json", "sample.json"]
    assert PlaySession(mini, slot=SaveSlot(tmp_path, "mini")).resume()[0].scenario is mini


def test_a_first_version_save_still_resumes(sample, tmp_path):
    legacy = tmp_path / "save.json"
    run = start(sample, seed=4).choose_all(IDS)
    legacy.write_text(json.dumps(RunLog.of(run).to_dict()))
    slot = SaveSlot(tmp_path, "sample")
    assert slot.exists()
    saved, problem = slot.resume(sample)
    assert problem is None and saved.run.log == IDS and saved.check_before is None
    assert not SaveSlot(tmp_path, "week").exists()  # another scenario's save is not this one's


BAD = [
    ("{not json", "damaged"),
    ('["a list"]', "not a JSON object"),
    ('{"version": 99, "scenario": "sample", "content_hash": "x", "seed": 1, "choices": []}', "version 99"),
    ('{"version": 1, "scenario": "other", "content_hash": "x", "seed": 1, "choices": []}', "scenario 'other'"),
    ('{"version": 1, "scenario": "sample", "content_hash": "old", "seed": 1, "choices": []}', "another version"),
    ('{"version": 1, "scenario": "sample", "content_hash": "HASH", "seed": 1, "choices": ["fly"]}', "does not replay"),
    ('{"version": 1, "scenario": "sample", "content_hash": "HASH", "seed": "x", "choices": []}', "seed"),
    ('{"version": 1, "scenario": "sample", "content_hash": "HASH", "seed": ' + "9" * 5000 + ', "choices": []}',
     "damaged"),
    ('{"version": 1, "scenario": "sample", "content_hash": "HASH", "seed": ' + "9" * 40 + ', "choices": []}', "seed"),
    ("[" * 100_000 + "]" * 100_000, "damaged"),
    ('{"version": 2, "run": {"version": 1, "scenario": "sample", "content_hash": "HASH", "seed": 1, '
     '"choices": []}, "check_before": ["x"]}', "check answers"),
]


@pytest.mark.parametrize("content,reason", BAD, ids=range(len(BAD)))
def test_bad_save_is_reported_and_set_aside(sample, tmp_path, content, reason):
    slot = SaveSlot(tmp_path, "sample")
    slot.path.parent.mkdir(parents=True)
    slot.path.write_text(content.replace("HASH", sample.content_hash))
    saved, message = slot.resume(sample)
    assert saved is None
    assert reason in message and message.startswith("Your save could not be used (")
    assert message.count(". ") == 0 and message.endswith(".")  # one sentence, never a traceback
    assert not slot.path.exists()
    moved = [p for p in slot.path.parent.iterdir() if p.name.startswith("sample.json.broken-")]
    assert len(moved) == 1 and moved[0].read_text() == content.replace("HASH", sample.content_hash)


def test_a_save_with_a_byte_order_mark_loads(sample, tmp_path):
    slot = SaveSlot(tmp_path, "sample")
    run = start(sample, seed=4).choose_all(IDS)
    slot.write(run, None)
    slot.path.write_bytes(b"\xef\xbb\xbf" + slot.path.read_bytes())
    assert slot.read(sample).run.log == IDS


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_place_of_the_save_is_set_aside_without_hanging(sample, tmp_path):
    slot = SaveSlot(tmp_path, "sample")
    slot.path.parent.mkdir(parents=True)
    os.mkfifo(slot.path)
    saved, message = slot.resume(sample)  # opening a FIFO for reading would wait for a writer
    assert saved is None and "not a regular file" in message
    assert not os.path.lexists(slot.path)


def test_a_link_to_an_endless_device_is_refused(sample, tmp_path):
    slot = SaveSlot(tmp_path, "sample")
    slot.path.parent.mkdir(parents=True)
    os.symlink("/dev/zero", slot.path)
    saved, message = slot.resume(sample)
    assert saved is None and "not a regular file" in message
    with pytest.raises(SaveError, match="not a regular file"):
        read_json("/dev/zero")


def test_a_huge_save_is_refused_unread(tmp_path):
    path = tmp_path / "save.json"
    path.write_text(" " * 2_000_000 + "{}")
    with pytest.raises(SaveError, match="KB"):
        read_json(str(path))


def test_saving_that_fails_is_said_once_and_play_goes_on(sample, tmp_path, monkeypatch):
    session = PlaySession(sample, slot=SaveSlot(tmp_path, "sample"))

    def full(path, data):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("game.session.saves.write_json_atomic", full)
    session.new_week(seed=1)
    assert session.save_problem == "No space left on device"
    assert session.save_notice_due() is True
    session.choose(session.run.choices()[0].id)
    assert session.save_notice_due() is False  # said once, not at every choice
    assert session.run.log  # the week went on
    monkeypatch.undo()
    session.choose(session.run.choices()[0].id)
    assert session.save_problem is None and session.slot.path.exists()


def test_no_save_is_no_message(sample, tmp_path):
    assert SaveSlot(tmp_path, "sample").resume(sample) == (None, None)


def test_replay_refuses_foreign_log(sample, mini):
    log = RunLog.of(start(mini, seed=1))
    with pytest.raises(SaveError, match="scenario 'mini'"):
        replay(sample, log)


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path):
    path = tmp_path / "settings.json"
    write_json_atomic(str(path), {"a": 1})
    with pytest.raises(TypeError):
        write_json_atomic(str(path), {"a": object()})  # not serialisable: fails half-way
    assert json.loads(path.read_text()) == {"a": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left
    assert stat.S_ISDIR(os.stat(tmp_path).st_mode)
