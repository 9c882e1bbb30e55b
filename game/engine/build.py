"""The loader's body: turn checked YAML data into a Scenario, part by part."""
from __future__ import annotations

import os
from typing import Any, Optional

from .loader import (CHOICE_KEYS, ID, SCENE_KEYS, SOURCE_STATUSES, TOP_KEYS, _Builder, _show,
                     content_hash, suggest)
from .model import (END, SCENE_KINDS, STATUSES, TIMES, Association, Branch, Choice, Ending, Gate,
                    Person, Post, Ratings, Rule, Scenario, Scene, Sanction, Source, Tier)
from .strings import Strings
from .string_tables import load_tables
from .checks import check_graph, check_strings


def build(b: _Builder, data: dict) -> Optional[Scenario]:
    b.known_keys(data, TOP_KEYS, (), "scenario")
    if data.get("format") != 1:
        b.err(("format",), f"format must be 1, not {_show(data.get('format'))}")
    sid = data.get("id")
    if not isinstance(sid, str) or not ID.match(sid):
        b.err(("id",), f"the scenario needs an id of letters, digits and _, not {_show(sid)}")
        sid = "scenario"
    langs = data.get("languages", ["en"])
    if not isinstance(langs, list) or not langs or not all(isinstance(x, str) for x in langs):
        b.err(("languages",), "languages must be a list such as [en, nl]")
        langs = ["en"]
    strings_paths = data.get("strings") or {}
    if not isinstance(strings_paths, dict):
        b.err(("strings",), "strings must map a language to a file, like {en: en.yaml}")
        strings_paths = {}
    folder = os.path.dirname(b.path)
    tables = load_tables(b, folder, langs, strings_paths)

    lo, hi = 350, 950
    score = data.get("score") or {}
    if isinstance(score, dict):
        lo, hi = score.get("min", lo), score.get("max", hi)
        if not (isinstance(lo, int) and isinstance(hi, int) and lo < hi):
            b.err(("score",), "score needs whole numbers with min below max")
            lo, hi = 350, 950
    start = data.get("start") or {}
    if not isinstance(start, dict):
        b.err(("start",), "start needs {score: N, scene: SCENE}")
        start = {}
    start_score = start.get("score", lo)
    if not isinstance(start_score, int) or not lo <= start_score <= hi:
        b.err(("start", "score"), f"start score must be a whole number from {lo} to {hi}")
        start_score = lo

    tiers = build_tiers(b, data.get("tiers"), lo)
    b.gates = build_gates(b, data.get("gates"), lo, hi)
    build_rules(b, data.get("rules"))
    values = data.get("values") or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        b.err(("values",), "values must be a list of names such as [honesty, free_speech]")
        values = []
    build_people(b, data.get("friends"), data.get("characters"), lo, hi)
    association = build_association(b, data.get("association"))
    b.ratings = build_ratings(b, data.get("ratings"))
    sanctions = build_sanctions(b, data.get("sanctions"))

    player = data.get("player") or {}
    player_name = b.string(player.get("name", "name.player") if isinstance(player, dict) else None,
                           ("player", "name"), "player")
    goal = data.get("goal") or {}
    goal_gate = goal.get("gate") if isinstance(goal, dict) else None
    if goal_gate is not None and goal_gate not in [g.id for g in b.gates]:
        b.err(("goal", "gate"), f"goal: unknown gate '{goal_gate}'{suggest(goal_gate, [g.id for g in b.gates])}")
        goal_gate = None
    goal_text = b.string(goal["text"], ("goal", "text"), "goal") if isinstance(goal, dict) and "text" in goal else None
    intro = [b.string(s, ("intro", i), "intro") for i, s in enumerate(data.get("intro") or [])]

    scenes = build_scenes(b, data.get("scenes"), values)
    start_scene = start.get("scene")
    if start_scene not in scenes:
        b.err(("start", "scene"), f"start: unknown scene '{start_scene}'{suggest(start_scene, scenes)}")
        start_scene = next(iter(scenes), "")
    endings = build_endings(b, data.get("endings"))
    sources = build_sources(b, data.get("sources"))
    debrief = build_debrief(b, data.get("debrief"), sources)

    check_graph(b, scenes, start_scene, endings)
    check_strings(b, tables, langs)
    for scene in scenes.values():  # an optional result that nobody wrote is no result
        for choice in scene.choices:
            if choice.result and not any(choice.result in t for t in tables.values()):
                choice.result = None
    for flag, path in b.flags_read.items():
        if flag not in b.flags_set:
            b.err(path, f"flag '{flag}' is read but never set{suggest(flag, b.flags_set)}")
    if not scenes:
        return None
    structure = {k: v for k, v in data.items() if k != "strings"}
    return Scenario(
        id=sid, path=b.path, languages=tuple(langs), min_score=lo, max_score=hi,
        start_score=start_score, start_scene=start_scene, player_name=player_name,
        goal_gate=goal_gate, goal_text=goal_text, intro=intro, tiers=tiers, gates=b.gates,
        sanctions=sanctions, rules=b.rules, values=tuple(values), association=association,
        ratings=b.ratings, friends=b.friends, characters=b.characters, scenes=scenes,
        endings=endings, sources=sources, debrief=debrief, strings=Strings(tables, langs[0]),
        content_hash=content_hash(structure), last_day=max(s.day for s in scenes.values()))


def _mapping_list(b: _Builder, value: Any, path: tuple, what: str) -> list[tuple[int, dict]]:
    if value is None:
        return []
    if not isinstance(value, list):
        b.err(path, f"{what} must be a list")
        return []
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            b.err(path + (i,), f"{what}: each item must be a mapping, not {_show(item)}")
        elif not isinstance(item.get("id"), str) or not ID.match(item["id"]):
            b.err(path + (i,), f"{what}: item {i + 1} needs an id of letters, digits and _")
        else:
            out.append((i, item))
    return out


def _no_duplicates(b: _Builder, items: list[tuple[int, dict]], path: tuple, what: str) -> None:
    seen: set[str] = set()
    for i, item in items:
        if item["id"] in seen:
            b.err(path + (i, "id"), f"duplicate {what} id '{item['id']}'")
        seen.add(item["id"])


def build_tiers(b: _Builder, value: Any, lo: int) -> list[Tier]:
    items = _mapping_list(b, value, ("tiers",), "tiers")
    _no_duplicates(b, items, ("tiers",), "tier")
    tiers = []
    last = None
    for i, t in items:
        p = ("tiers", i)
        b.known_keys(t, {"id", "from", "color", "shape", "label"}, p, f"tier '{t['id']}'")
        start = t.get("from")
        if not isinstance(start, int) or (last is not None and start <= last):
            b.err(p + ("from",), f"tier '{t['id']}': from must be a whole number above the tier before")
            continue
        last = start
        tiers.append(Tier(t["id"], start, str(t.get("color", "#888888")), str(t.get("shape", "circle")),
                          b.string(t.get("label", f"tier.{t['id']}"), p, f"tier '{t['id']}'")))
    if not tiers:
        b.err(("tiers",) if value is not None else (), "the scenario needs at least one tier")
        tiers = [Tier("all", lo, "#888888", "circle", "tier.all")]
    return tiers


def build_gates(b: _Builder, value: Any, lo: int, hi: int) -> list[Gate]:
    items = _mapping_list(b, value, ("gates",), "gates")
    _no_duplicates(b, items, ("gates",), "gate")
    gates: list[Gate] = []
    for i, g in items:
        p = ("gates", i)
        b.known_keys(g, {"id", "at", "label"}, p, f"gate '{g['id']}'")
        at = g.get("at")
        if not isinstance(at, int) or isinstance(at, bool) or not lo <= at <= hi:
            b.err(p + ("at",), f"gate '{g['id']}': at must be a whole number from {lo} to {hi}")
            continue
        if gates and at <= gates[-1].at:
            b.err(p + ("at",), f"gates out of order: '{g['id']}' ({at}) comes after "
                               f"'{gates[-1].id}' ({gates[-1].at}); list gates from the lowest threshold")
        gates.append(Gate(g["id"], at, b.string(g.get("label", f"gate.{g['id']}"), p, f"gate '{g['id']}'")))
    return gates


def build_rules(b: _Builder, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        b.err(("rules",), "rules must map a rule id to {delta: N, vague: REASON}")
        return
    for rid, r in value.items():
        p = ("rules", rid)
        what = f"rule '{rid}'"
        if not isinstance(rid, str) or not ID.match(rid):
            b.err(p + ("<key>",), f"'{rid}' is not a valid rule id")
            continue
        if not isinstance(r, dict):
            b.err(p, f"{what} must be a mapping like {{delta: -15, vague: consumption}}")
            continue
        b.known_keys(r, {"delta", "vague", "exact", "criterion"}, p, what)
        if "delta" not in r:
            b.err(p, f"{what} needs a delta")
            continue
        low, high = b.delta(r["delta"], p + ("delta",), what)
        vague = r.get("vague")
        if not isinstance(vague, str):
            b.err(p, f"{what} needs vague: REASON (the player sees reason.REASON)")
            vague = "unknown"
        b.rules[rid] = Rule(rid, low, high,
                            b.string(f"reason.{vague}", p + ("vague",), what),
                            b.string(r.get("exact", f"rule.{rid}"), p, what),
                            str(r.get("criterion", "")))


def build_people(b: _Builder, friends: Any, characters: Any, lo: int, hi: int) -> None:
    for key, value in (("friends", friends), ("characters", characters)):
        if value is None:
            continue
        if not isinstance(value, dict):
            b.err((key,), f"{key} must map an id to its details")
            continue
        for pid, f in value.items():
            p = (key, pid)
            what = f"{key[:-1]} '{pid}'"
            if not isinstance(pid, str) or not ID.match(pid):
                b.err(p + ("<key>",), f"'{pid}' is not a valid id")
                continue
            if pid in b.friends or pid in b.characters:
                b.err(p + ("<key>",), f"duplicate person id '{pid}'")
                continue
            f = f if isinstance(f, dict) else {}
            allowed = {"name", "portrait", "score", "role", "daily"} if key == "friends" else {"name", "portrait"}
            b.known_keys(f, allowed, p, what)
            person = Person(pid, b.string(f.get("name", f"name.{pid}"), p, what),
                            b.portrait(f.get("portrait"), p + ("portrait",), what))
            if key == "friends":
                score = f.get("score")
                if not isinstance(score, int) or not lo <= score <= hi:
                    b.err(p + ("score",) if "score" in f else p, f"{what} needs a score from {lo} to {hi}")
                    score = lo
                person.score = score
                person.role = str(f.get("role", ""))
                if "daily" in f:
                    person.daily = b.delta(f["daily"], p + ("daily",), what)
                b.friends[pid] = person
            else:
                b.characters[pid] = person


def build_association(b: _Builder, value: Any) -> Optional[Association]:
    if value is None:
        return None
    p = ("association",)
    if not isinstance(value, dict):
        b.err(p, "association needs {rule: RULE, weight: {friend: 0.1, muted: 0.05}, max: 15}")
        return None
    b.known_keys(value, {"rule", "weight", "max"}, p, "association")
    rule = b.rule_ref(value.get("rule"), p + ("rule",), "association")
    weights = value.get("weight") or {}
    if not isinstance(weights, dict) or not all(k in STATUSES and isinstance(v, (int, float)) for k, v in weights.items()):
        b.err(p + ("weight",), f"association: weight maps {', '.join(STATUSES)} to numbers")
        weights = {}
    cap = value.get("max", 20)
    if not isinstance(cap, int) or cap < 0:
        b.err(p + ("max",), "association: max must be a whole number of points")
        cap = 20
    return Association(rule.id, {k: float(v) for k, v in weights.items()}, cap) if rule else None


def build_ratings(b: _Builder, value: Any) -> Optional[Ratings]:
    if value is None:
        return None
    p = ("ratings",)
    if not isinstance(value, dict):
        b.err(p, "ratings needs {rule: RULE, per_star: 4, neutral: 3}")
        return None
    b.known_keys(value, {"rule", "per_star", "neutral"}, p, "ratings")
    rule = b.rule_ref(value.get("rule"), p + ("rule",), "ratings")
    per, neutral = value.get("per_star", 4), value.get("neutral", 3)
    if not isinstance(per, (int, float)) or not isinstance(neutral, (int, float)):
        b.err(p, "ratings: per_star and neutral must be numbers")
        return None
    return Ratings(rule.id, float(per), float(neutral)) if rule else None


def build_sanctions(b: _Builder, value: Any) -> list[Sanction]:
    items = _mapping_list(b, value, ("sanctions",), "sanctions")
    _no_duplicates(b, items, ("sanctions",), "sanction")
    b.sanction_ids = [s["id"] for _, s in items]
    out = []
    for i, s in items:
        p = ("sanctions", i)
        what = f"sanction '{s['id']}'"
        b.known_keys(s, {"id", "below", "if", "label"}, p, what)
        below = s.get("below")
        if below is not None and not isinstance(below, int):
            b.err(p + ("below",), f"{what}: below must be a whole number")
            below = None
        cond = b.condition(s.get("if"), p + ("if",), what)
        if below is None and cond is None and "if" not in s:
            b.err(p, f"{what} needs below: N or if: CONDITION")
        out.append(Sanction(s["id"], below, cond, b.string(s.get("label", f"sanction.{s['id']}"), p, what)))
    return out


def build_scenes(b: _Builder, value: Any, values: list) -> dict[str, Scene]:
    items = _mapping_list(b, value, ("scenes",), "scenes")
    if value is None:
        b.err((), "the scenario has no scenes")
    _no_duplicates(b, items, ("scenes",), "scene")
    b.scene_ids = {s["id"] for _, s in items}
    b.scene_index = {}
    for i, s in items:
        b.scene_index.setdefault(s["id"], i)
    seen_choice: set[str] = set()
    for i, s in items:
        for j, c in enumerate(s.get("choices") or [] if isinstance(s.get("choices") or [], list) else []):
            if isinstance(c, dict) and isinstance(c.get("id"), str):
                if c["id"] in seen_choice:
                    b.err(("scenes", i, "choices", j, "id"), f"duplicate choice id '{c['id']}'")
                seen_choice.add(c["id"])
    b.choice_ids = seen_choice
    scenes: dict[str, Scene] = {}
    for i, s in items:
        scene = build_scene(b, i, s, values)
        if scene.id not in scenes:
            scenes[scene.id] = scene
    return scenes


def build_next(b: _Builder, value: Any, path: tuple, what: str) -> Optional[list[Branch]]:
    if value is None:
        return None
    if isinstance(value, str):
        value = [{"scene": value}]
        path_of = lambda i: path  # noqa: E731 - one branch written as plain text
    elif isinstance(value, list):
        path_of = lambda i: path + (i, "scene")  # noqa: E731
    else:
        b.err(path, f"{what}: next must be a scene id, END or a list of {{if:, scene:}}")
        return None
    out = []
    for i, br in enumerate(value):
        if not isinstance(br, dict) or "scene" not in br:
            b.err(path + (i,), f"{what}: each branch of next needs scene: SCENE")
            continue
        b.known_keys(br, {"if", "scene"}, path + (i,), what)
        target = br["scene"]
        if target != END and target not in b.scene_ids:
            b.err(path_of(i), f"{what}: next goes to unknown scene '{target}'"
                              f"{suggest(target, list(b.scene_ids) + [END])}")
            continue
        out.append(Branch(b.condition(br.get("if"), path + (i, "if"), what), target))
    if out and out[-1].condition is not None:
        b.err(path, f"{what}: the last branch of next must have no condition, so there is always a way on")
    return out


def build_scene(b: _Builder, i: int, s: dict, values: list) -> Scene:
    sid = s["id"]
    p = ("scenes", i)
    what = f"scene '{sid}'"
    b.known_keys(s, SCENE_KEYS, p, what)
    day = s.get("day")
    if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= 7:
        b.err(p + ("day",) if "day" in s else p, f"{what}: day must be 1 (Monday) to 7 (Sunday)")
        day = 1
    time = s.get("time", "day")
    if time not in TIMES:
        b.err(p + ("time",), f"{what}: time '{time}' is not one of {', '.join(TIMES)}{suggest(time, TIMES)}")
    kind = s.get("kind", "talk")
    if kind not in SCENE_KINDS:
        b.err(p + ("kind",), f"{what}: kind '{kind}' is not one of {', '.join(SCENE_KINDS)}{suggest(kind, SCENE_KINDS)}")
        kind = "talk"
    place = s.get("place")
    if place is not None:
        b.string(f"place.{place}", p + ("place",), what)
    speaker = s.get("speaker")
    if speaker is not None and speaker not in b.friends and speaker not in b.characters:
        b.err(p + ("speaker",), f"{what}: unknown speaker '{speaker}'"
                                f"{suggest(speaker, list(b.friends) + list(b.characters))}")
        speaker = None
    gate = s.get("gate")
    if gate is not None and gate not in [g.id for g in b.gates]:
        b.err(p + ("gate",), f"{what}: unknown gate '{gate}'{suggest(gate, [g.id for g in b.gates])}")
        gate = None
    sanction = s.get("sanction")
    if sanction is not None and sanction not in b.sanction_ids:
        b.err(p + ("sanction",), f"{what}: unknown sanction '{sanction}'{suggest(sanction, b.sanction_ids)}")
        sanction = None
    posts = []
    for j, post in enumerate(s.get("posts") or []):
        pp = p + ("posts", j)
        if not isinstance(post, dict):
            b.err(pp, f"{what}: a post needs {{author: ID, text: STRING}}")
            continue
        b.known_keys(post, {"author", "text", "score", "likes"}, pp, what)
        author = post.get("author")
        if author not in b.friends and author not in b.characters and author != "player":
            b.err(pp + ("author",), f"{what}: unknown post author '{author}'"
                                    f"{suggest(author, list(b.friends) + list(b.characters))}")
        posts.append(Post(str(author), b.string(post.get("text"), pp + ("text",), what),
                          post.get("score"), int(post.get("likes", 0) or 0)))
    kiosk = s.get("kiosk")
    if kiosk not in (None, "skip", "keep"):
        b.err(p + ("kiosk",), f"{what}: kiosk must be skip or keep")
    nxt = build_next(b, s.get("next"), p + ("next",), what)
    if kiosk == "skip" and not nxt:
        b.err(p + ("kiosk",), f"{what}: a scene the kiosk skips needs a scene-level next")
    choices = build_choices(b, sid, s.get("choices"), p + ("choices",), what, values)
    if not choices:
        choices = [Choice("continue", sid, b.string("choice.continue", p, what), None, None, [], (), (), None, 0.0, True)]
    scene = Scene(sid, day, time, place, speaker, kind, b.string(s.get("text", f"scene.{sid}"), p, what),
                  posts, b.effects(s.get("on_enter"), p + ("on_enter",), what), choices, nxt, gate,
                  sanction, kiosk == "skip")
    scene.by_id = {c.id: c for c in choices}
    return scene


def build_choices(b: _Builder, sid: str, value: Any, path: tuple, what: str, values: list) -> list[Choice]:
    if value is None:
        return []
    if not isinstance(value, list):
        b.err(path, f"{what}: choices must be a list")
        return []
    out = []
    for j, c in enumerate(value):
        cp = path + (j,)
        if not isinstance(c, dict) or not isinstance(c.get("id"), str) or not ID.match(c["id"]):
            b.err(cp, f"{what}: choice {j + 1} needs an id of letters, digits and _")
            continue
        cid = c["id"]
        cwhat = f"choice '{cid}'"
        b.known_keys(c, CHOICE_KEYS, cp, cwhat)
        effects = b.effects(c.get("do"), cp + ("do",), cwhat)
        spends, serves = build_tags(b, c.get("tags"), cp + ("tags",), cwhat, values)
        result = c.get("result")
        if result is not None:
            result = b.string(result, cp + ("result",), cwhat)
        else:
            result = b.string(f"result.{cid}", cp, cwhat, optional=True)
        out.append(Choice(cid, sid, b.string(c.get("text", f"choice.{cid}"), cp, cwhat), result,
                          b.condition(c.get("if"), cp + ("if",), cwhat), effects, spends, serves,
                          build_next(b, c.get("next"), cp + ("next",), cwhat),
                          sum(e.hint() for e in effects)))
    return out


def build_tags(b: _Builder, value: Any, path: tuple, what: str, values: list) -> tuple[tuple, tuple]:
    if value is None:
        return (), ()
    if not isinstance(value, dict):
        b.err(path, f"{what}: tags needs {{spends: [...], serves: [...]}}")
        return (), ()
    b.known_keys(value, {"spends", "serves"}, path, what)
    out = []
    for key in ("spends", "serves"):
        items = value.get(key) or []
        if not isinstance(items, list):
            b.err(path + (key,), f"{what}: {key} must be a list")
            items = []
        good = []
        for k, tag in enumerate(items):
            if tag == "score" or tag in values or (
                    isinstance(tag, str) and tag.startswith("friend:") and tag[7:] in b.friends):
                good.append(tag)
            else:
                options = ["score"] + list(values) + [f"friend:{f}" for f in b.friends]
                b.err(path + (key, k), f"{what}: unknown tag '{tag}'{suggest(tag, options)}; "
                                       f"use score, a value from values, or friend:ID")
        out.append(tuple(good))
    return out[0], out[1]


def build_endings(b: _Builder, value: Any) -> list[Ending]:
    items = _mapping_list(b, value, ("endings",), "endings")
    _no_duplicates(b, items, ("endings",), "ending")
    out = []
    for i, e in items:
        p = ("endings", i)
        what = f"ending '{e['id']}'"
        b.known_keys(e, {"id", "if", "title", "text"}, p, what)
        cond = b.condition(e.get("if"), p + ("if",), what)
        out.append(Ending(e["id"], cond, b.string(e.get("title", f"ending.{e['id']}.title"), p, what),
                          b.string(e.get("text", f"ending.{e['id']}"), p, what)))
        for fid in b.friends:
            b.string(f"epilogue.{e['id']}.{fid}", p, f"{what}: epilogue of '{fid}'")
    if not out:
        b.err(("endings",) if value is not None else (), "the scenario needs at least one ending")
        out.append(Ending("end", None, "ending.end.title", "ending.end"))
    elif "if" in items[-1][1]:
        b.err(("endings", items[-1][0]), "the last ending must have no condition: it is the fallback")
    return out


def build_sources(b: _Builder, value: Any) -> dict[str, Source]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        b.err(("sources",), "sources must map an id to {outlet, date, title, url, status}")
        return {}
    out = {}
    for sid, s in value.items():
        p = ("sources", sid)
        what = f"source '{sid}'"
        if not isinstance(s, dict):
            b.err(p, f"{what} must be a mapping")
            continue
        b.known_keys(s, {"outlet", "date", "title", "url", "status"}, p, what)
        missing = [k for k in ("outlet", "date", "title", "url", "status") if not isinstance(s.get(k), str)]
        if missing:
            b.err(p, f"{what} needs {', '.join(missing)} (as text)")
            continue
        if s["status"] not in SOURCE_STATUSES:
            b.err(p + ("status",), f"{what}: status must be one of {', '.join(SOURCE_STATUSES)}")
        if not s["url"].startswith(("https://", "http://")):
            b.err(p + ("url",), f"{what}: url must start with https:// or http://")
        out[sid] = Source(sid, s["outlet"], s["date"], s["title"], s["url"], s["status"])
    return out


def build_debrief(b: _Builder, value: Any, sources: dict[str, Source]) -> dict[str, Any]:
    if value is None:
        return {}
    p = ("debrief",)
    if not isinstance(value, dict):
        b.err(p, "debrief must be a mapping of myths, home, questions, quiz, feelings")
        return {}
    b.known_keys(value, {"myths", "home", "questions", "quiz", "feelings"}, p, "debrief")
    out: dict[str, Any] = {"myths": [], "home": [], "questions": [], "quiz": [], "feelings": []}
    for key, fields in (("myths", ("claim", "fact")), ("home", ("title", "text"))):
        for i, card in _mapping_list(b, value.get(key), p + (key,), f"debrief {key}"):
            cp = p + (key, i)
            src = card.get("source")
            what = f"debrief card '{card['id']}'"
            b.known_keys(card, {"id", "source"}, cp, what)
            if src not in sources:
                b.err(cp + ("source",) if "source" in card else cp,
                      f"{what}: unknown source '{src}'{suggest(src, sources)}")
                continue
            if sources[src].status == "unchecked":
                b.err(cp + ("source",), f"{what}: source '{src}' is unchecked; cite only checked or copy sources")
            prefix = "myth" if key == "myths" else "home"
            for f in fields:
                b.string(f"{prefix}.{card['id']}.{f}", cp, what)
            out[key].append({"id": card["id"], "source": src})
    for i, q in enumerate(value.get("questions") or []):
        out["questions"].append(b.string(q, p + ("questions", i), "debrief question"))
    for i, q in _mapping_list(b, value.get("quiz"), p + ("quiz",), "debrief quiz"):
        qp = p + ("quiz", i)
        what = f"quiz question '{q['id']}'"
        b.known_keys(q, {"id", "answers", "correct"}, qp, what)
        answers = q.get("answers")
        if not isinstance(answers, list) or len(answers) < 2 or not all(isinstance(a, str) for a in answers):
            b.err(qp + ("answers",), f"{what}: answers must be a list of at least two ids (quote yes/no)")
            continue
        if q.get("correct") not in answers:
            b.err(qp + ("correct",), f"{what}: correct must be one of the answers{suggest(q.get('correct'), answers)}")
        b.string(f"quiz.{q['id']}", qp, what)
        for a in answers:
            b.string(f"quiz.{q['id']}.{a}", qp + ("answers",), what)
        out["quiz"].append({"id": q["id"], "answers": answers, "correct": q.get("correct")})
    for i, f in enumerate(value.get("feelings") or []):
        if isinstance(f, str):
            b.string(f"feeling.{f}", p + ("feelings", i), "debrief feeling")
            out["feelings"].append(f)
        else:
            b.err(p + ("feelings", i), f"debrief feeling must be an id, not {_show(f)}")
    return out
