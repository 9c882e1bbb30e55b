"""A scenario's loading: read scenario.yaml and its string tables, build the scenario part by
part and check the whole (the steps are described in loading/__init__.py)."""
from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Optional

from ..catalogue import Catalogue
from ..errors import Problem, ScenarioError
from ..kinds import PortraitStyle
from ..model import Portrait, Scenario, Scene
from ..records import replace
from . import checks, material, parts, scenes
from .builder import Builder
from .marks import YamlProblem, load_marked
from .naming import ID, show, suggest
from .tables import Table, read_table

if TYPE_CHECKING:
    from hashlib import sha256
else:  # Python's own SHA-256, without hashlib loading OpenSSL (~3 ms) while the week is made ready
    try:
        from _sha256 import sha256  # Python 3.10 and 3.11
    except ImportError:  # pragma: no cover - Python 3.12 on, or another Python
        try:
            from _sha2 import sha256
        except ImportError:
            from hashlib import sha256

PLAYER_PORTRAIT = Portrait(skin="#e8b894", hair="#3b2a22", style=PortraitStyle.SHORT, shirt="#c9b8ff")
TOP_KEYS = ("format", "id", "languages", "start", "score", "player", "goal", "intro", "tiers", "gates",
            "sanctions", "rules", "values", "association", "ratings", "friends", "characters", "scenes",
            "endings", "epilogues", "debrief", "sources", "strings")


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Load and check a scenario; raise ScenarioError listing every problem."""
    scenario, problems = check_scenario(path)
    if problems or scenario is None:
        raise ScenarioError(problems)
    return scenario


def check_scenario(path: str | os.PathLike[str]) -> tuple[Optional[Scenario], list[Problem]]:
    """Load a scenario (a scenario.yaml or its folder); return it (None when it cannot be built)
    with every problem found."""
    path = os.fspath(path)
    if os.path.isdir(path):
        path = os.path.join(path, "scenario.yaml")
    b = Builder(path)
    try:
        if not os.path.isfile(path):
            raise OSError(f"no such file: {path}")
        if os.path.getsize(path) > 2_000_000:
            return None, [Problem(b.file, 1, 1, "cannot read the scenario: it is larger than 2000 KB")]
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(b.file, 0, 0, f"cannot read the scenario: {exc}")]
    duplicates: list[YamlProblem] = []
    try:
        data, b.marks = load_marked(text, duplicates)
    except YamlProblem as exc:
        return None, [Problem(b.file, exc.line, exc.column, exc.message)]
    b.problems += [Problem(b.file, d.line, d.column, d.message) for d in duplicates]
    if not isinstance(data, dict):
        return None, [Problem(b.file, 1, 1, "a scenario must be a mapping with keys such as id, start, scenes")]
    scenario = build(b, data)
    return scenario, b.problems


def content_hash(data: Any) -> str:
    blob = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return sha256(blob.encode("utf-8")).hexdigest()[:16]


def _tables(b: Builder, data: dict[str, Any], langs: list[str]) -> dict[str, Table]:
    paths = data.get("strings") or {}
    if not isinstance(paths, dict):
        b.err(("strings",), "strings must map a language to a file, like {en: en.yaml}")
        paths = {}
    folder = os.path.dirname(b.path)
    out: dict[str, Table] = {}
    for lang in langs:
        name = paths.get(lang, f"{lang}.yaml")
        if not isinstance(name, str) or os.path.isabs(name) or ".." in name.replace("\\", "/").split("/"):
            b.err(("strings", lang), f"the {lang} strings must be a file beside scenario.yaml, not {show(name)}")
            name = f"{lang}.yaml"
        out[lang] = read_table(os.path.join(folder, name), os.path.join(os.path.dirname(b.file), name),
                               b.problems)
    return out


def build(b: Builder, data: dict[str, Any]) -> Optional[Scenario]:
    b.known_keys(data, TOP_KEYS, (), "scenario")
    if data.get("format") != 1:
        b.err(("format",), f"format must be 1, not {show(data.get('format'))}")
    sid = data.get("id")
    if not isinstance(sid, str) or not ID.match(sid):
        b.err(("id",), f"the scenario needs an id of letters, digits and _, not {show(sid)}")
        sid = "scenario"
    langs = data.get("languages", ["en"])
    if not isinstance(langs, list) or not langs or not all(isinstance(x, str) and ID.match(x) for x in langs):
        b.err(("languages",), "languages must be a list such as [en, nl]")
        langs = ["en"]
    tables = _tables(b, data, langs)

    lo, hi = 350, 950
    score = data.get("score") or {}
    if isinstance(score, dict):
        lo, hi = score.get("min", lo), score.get("max", hi)
        if not (isinstance(lo, int) and isinstance(hi, int) and not isinstance(lo, bool)
                and not isinstance(hi, bool) and lo < hi and abs(lo) < 10**9 and abs(hi) < 10**9):
            b.err(("score",), "score needs whole numbers with min below max")
            lo, hi = 350, 950
    else:
        b.err(("score",), "score needs {min: N, max: N}")
    b.score_range = (lo, hi)
    start = data.get("start") or {}
    if not isinstance(start, dict):
        b.err(("start",), "start needs {score: N, scene: SCENE}")
        start = {}
    start_score = b.whole(start.get("score", lo), ("start", "score"), "start score", lo, hi)
    scenes.collect_ids(b, data)

    tiers = parts.tiers(b, data.get("tiers"), lo)
    b.gates = parts.gates(b, data.get("gates"), lo, hi)
    parts.rules(b, data.get("rules"))
    values = data.get("values") or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        b.err(("values",), "values must be a list of names such as [honesty, free_speech]")
        values = []
    parts.people(b, data.get("friends"), data.get("characters"), lo, hi)
    association = parts.association(b, data.get("association"))
    b.ratings = parts.ratings(b, data.get("ratings"))
    sanctions = parts.sanctions(b, data.get("sanctions"))

    player = data.get("player") or {}
    if not isinstance(player, dict):
        b.err(("player",), "player needs {name: STRING, portrait: {...}}")
        player = {}
    b.known_keys(player, ("name", "portrait"), ("player",), "player")
    player_name = b.string(player.get("name", "name.player"), ("player", "name"), "player")
    player_portrait = parts.portrait(b, player.get("portrait"), ("player", "portrait"), "player") \
        if "portrait" in player else PLAYER_PORTRAIT
    goal = data.get("goal") or {}
    goal_gate = goal.get("gate") if isinstance(goal, dict) else None
    if goal_gate is not None and goal_gate not in b.gate_ids:
        b.err(("goal", "gate"), f"goal: unknown gate {show(goal_gate)}{suggest(goal_gate, b.gate_ids)}")
        goal_gate = None
    goal_text = b.string(goal["text"], ("goal", "text"), "goal") if isinstance(goal, dict) and "text" in goal else None
    intro_raw = data.get("intro") or []
    intro = tuple(b.string(s, ("intro", i), "intro") for i, s in enumerate(intro_raw if isinstance(intro_raw, list) else []))

    built_scenes = scenes.scenes(b, data.get("scenes"), values)
    start_scene = start.get("scene")
    if start_scene not in built_scenes:
        b.err(("start", "scene"), f"start: unknown scene {show(start_scene)}{suggest(start_scene, built_scenes)}")
        start_scene = next(iter(built_scenes), "")
    endings = scenes.endings(b, data.get("endings"))
    epilogues = scenes.epilogues(b, data.get("epilogues"))
    sources = parts.sources(b, data.get("sources"))
    covered = set(b.rules) | set(b.gate_ids) | set(b.sanction_ids)
    debrief = material.material(b, data.get("debrief"), sources, covered)

    last_day = max((s.day for s in built_scenes.values()), default=1)
    checks.graph(b, built_scenes, str(start_scene))
    checks.delayed_effects(b, built_scenes, last_day)
    checks.endings(b, endings, data.get("endings"))
    checks.strings(b, tables, langs)
    for flag, path in b.flags_read.items():
        if flag not in b.flags_set:
            b.err(path, f"flag '{flag}' is read but never set{suggest(flag, b.flags_set)}")
    if not built_scenes:
        return None
    catalogue = Catalogue({lang: tables[lang].texts for lang in langs}, langs[0],
                          {lang: tables[lang].meta for lang in langs})
    # an optional result that nobody wrote is no result
    written = {sid for t in tables.values() for sid in t.texts}
    final_scenes = {k: _without_unwritten_results(s, written) for k, s in built_scenes.items()}
    structure = {k: v for k, v in data.items() if k != "strings"}
    return Scenario(
        id=sid, path=b.path, languages=tuple(langs), min_score=lo, max_score=hi,
        start_score=start_score if start_score is not None else lo, start_scene=str(start_scene),
        player_name=player_name, player_portrait=player_portrait, goal_gate=goal_gate, goal_text=goal_text, intro=intro, tiers=tiers,
        gates=tuple(b.gates), sanctions=sanctions, rules=dict(b.rules), values=tuple(values),
        association=association, ratings=b.ratings, friends=dict(b.friends), characters=dict(b.characters),
        scenes=final_scenes, endings=endings, epilogues=epilogues, sources=sources, debrief=debrief,
        strings=catalogue, content_hash=content_hash(structure),
        first_day=min(s.day for s in built_scenes.values()), last_day=last_day)


def _without_unwritten_results(scene: Scene, written: set[str]) -> Scene:
    if all(c.result is None or c.result in written for c in scene.choices):
        return scene
    return replace(scene, choices=tuple(c if c.result is None or c.result in written else replace(c, result=None)
                                        for c in scene.choices))


__all__ = ["load_scenario", "check_scenario", "content_hash", "TOP_KEYS"]
