"""The documentation tells the truth: the scenario format's complete example validates and plays."""
from __future__ import annotations

import re
from pathlib import Path

from game.engine import check_scenario, start

ROOT = Path(__file__).resolve().parent.parent


def test_the_complete_example_of_the_format_validates_and_plays(tmp_path):
    doc = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    part = doc[doc.index("## A small complete example"):doc.index("## String ids")]
    blocks = re.findall(r"```yaml\n(.*?)```", part, flags=re.S)
    scenario, strings = blocks[0], blocks[1]
    (tmp_path / "scenario.yaml").write_text(scenario, encoding="utf-8")
    (tmp_path / "en.yaml").write_text(strings, encoding="utf-8")
    (tmp_path / "nl.yaml").write_text(strings, encoding="utf-8")  # the same ids, as the page says
    sc, problems = check_scenario(tmp_path)
    assert problems == []
    run = start(sc, 1)
    while not run.ended:
        run.choose(run.choices()[-1].id)
    assert run.ending is not None


def test_the_architecture_page_names_every_layer():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for folder in ("game/engine/", "game/session/", "game/window/", "game/textmode/"):
        assert folder in text
        assert (ROOT / folder).is_dir()
