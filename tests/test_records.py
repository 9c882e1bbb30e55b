"""The scenario's value classes (`game/engine/records.py`): frozen, keyword-only, compared and
hashed by their fields, with derived fields made again by `replace`, as the dataclasses they
replace were."""
from __future__ import annotations

import pytest

from conftest import SAMPLE
from game.engine import load_scenario
from game.engine.kinds import Shape
from game.engine.model import Portrait, Scene, Tier
from game.engine.records import FrozenError, field, record, replace


def tier(**changes):
    values = dict(id="low", start=350, color="#f00", shape=Shape.CIRCLE, label="tier.low")
    values.update(changes)
    return Tier(**values)


def test_a_record_is_a_frozen_value_with_slots():
    a, b = tier(), tier()
    assert a == b and hash(a) == hash(b) and a is not b
    assert a != tier(start=351) and a != ("low", 350)
    assert {a: 1}[b] == 1
    with pytest.raises(FrozenError):
        a.start = 400
    with pytest.raises(AttributeError):
        del a.label
    assert not hasattr(a, "__dict__") and Tier.__slots__ == ("id", "start", "color", "shape", "label")
    assert repr(a) == "Tier(id='low', start=350, color='#f00', shape=<Shape.CIRCLE: 'circle'>, label='tier.low')"


def test_arguments_are_by_keyword_and_checked():
    with pytest.raises(TypeError, match="missing required keyword arguments: 'color', 'shape', 'label'"):
        Tier(id="low", start=350)
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        tier(colour="#f00")
    with pytest.raises(TypeError):
        Tier("low", 350, "#f00", Shape.CIRCLE, "tier.low")  # type: ignore[misc]
    assert Portrait() == Portrait(skin="#d9a27c") and Portrait(hair="#000").hair == "#000"  # defaults


def test_derived_fields_are_made_again_and_left_out_of_comparison():
    week = load_scenario(SAMPLE)
    scene = next(s for s in week.scenes.values() if len(s.choices) > 1)
    fewer = replace(scene, choices=scene.choices[:1])
    assert isinstance(fewer, Scene) and list(fewer.by_id) == [scene.choices[0].id]
    assert list(scene.by_id) == [c.id for c in scene.choices]  # the original is untouched
    assert replace(scene) == scene and replace(scene) is not scene
    assert "by_id" not in repr(fewer)


def test_a_record_cannot_extend_a_record():
    @record
    class Base:
        a: int
        b: int = field(default=2, compare=False)

    assert Base(a=1) == Base(a=1, b=3)  # b is not compared
    with pytest.raises(TypeError, match="cannot extend another record"):
        @record
        class Child(Base):
            c: int
