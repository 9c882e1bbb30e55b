"""Saves: versioned JSON of the log, atomic, and bad saves set aside without a crash."""
from __future__ import annotations

import json
import os

import pytest

from game.engine import SaveError, start
from game.engine.runlog import RunLog, replay
from game.engine.saves import read_save, resume, write_json_atomic, write_save

IDS = ["share_gov", "buy_game", "mute_mei"]


def test_round_trip(sample, tmp_path):
    run = start(sample, seed=4).choose_all(IDS)
    path = tmp_path / "save.json"
    write_save(str(path), run)
    data = json.loads(path.read_text())
    assert data == {"version": 1, "scenario": "sample", "content_hash": sample.content_hash,
                    "seed": 4, "kiosk": False, "choices": IDS}
    again = read_save(str(path), sample)
    assert again.log == IDS and again.score == run.score and again.scene.id == run.scene.id


@pytest.mark.parametrize("content,reason", [
    ("{not json", "damaged"),
    ('["a list"]', "not a JSON object"),
    ('{"version": 99, "scenario": "sample", "content_hash": "x", "seed": 1, "choices": []}', "version 99"),
    ('{"version": 1, "scenario": "other", "content_hash": "x", "seed": 1, "choices": []}', "scenario 'other'"),
    ('{"version": 1, "scenario": "sample", "content_hash": "old", "seed": 1, "choices": []}', "another version"),
    ('{"version": 1, "scenario": "sample", "content_hash": "HASH", "seed": 1, "choices": ["fly"]}', "does not replay"),
    ('{"version": 1, "scenario": "sample", "content_hash": "HASH", "seed": "x", "choices": []}', "seed"),
])
def test_bad_save_is_reported_and_set_aside(sample, tmp_path, content, reason):
    path = tmp_path / "save.json"
    path.write_text(content.replace("HASH", sample.content_hash))
    run, message = resume(str(path), sample)
    assert run is None
    assert reason in message and message.startswith("Your save could not be used (")
    assert message.count(". ") == 0 and message.endswith(".")  # one sentence, never a traceback
    assert not path.exists()
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("save.json.broken-")]
    assert len(moved) == 1 and moved[0].read_text() == content.replace("HASH", sample.content_hash)


def test_no_save_is_no_message(sample, tmp_path):
    assert resume(str(tmp_path / "none.json"), sample) == (None, None)


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
    os.chmod(tmp_path, 0o755)
