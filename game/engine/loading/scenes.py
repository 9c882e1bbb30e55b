"""Scenes with their choices and branches, endings and the friends' epilogues."""
from __future__ import annotations

from typing import Any, Optional

from ..kinds import SceneKind, TimeOfDay
from ..model import END, Branch, Choice, Ending, Epilogue, Post, Scene
from ..rules import expected_change
from .builder import Builder
from .effects import effects
from .marks import Path
from .names import condition
from .naming import show, suggest
from .parts import mapping_list

SCENE_KEYS = ("id", "day", "time", "place", "speaker", "kind", "text", "posts", "on_enter", "choices", "next",
              "gate", "sanction", "kiosk")
CHOICE_KEYS = ("id", "text", "result", "if", "do", "tags", "next")
MAX_DAYS = 7


def collect_ids(b: Builder, data: dict[str, Any]) -> None:
    """Scene, choice, ending and sanction ids first, so conditions anywhere may name them."""
    sanctions = data.get("sanctions")
    b.sanction_ids = [s["id"] for s in (sanctions if isinstance(sanctions, list) else [])
                      if isinstance(s, dict) and isinstance(s.get("id"), str)]
    scenes = data.get("scenes")
    for i, s in enumerate(scenes if isinstance(scenes, list) else []):
        if isinstance(s, dict) and isinstance(s.get("id"), str):
            b.scene_ids.add(s["id"])
            b.scene_index.setdefault(s["id"], i)
            choices = s.get("choices")
            for c in choices if isinstance(choices, list) else []:
                if isinstance(c, dict) and isinstance(c.get("id"), str):
                    b.choice_ids.add(c["id"])
    endings = data.get("endings")
    b.ending_ids = [e["id"] for e in (endings if isinstance(endings, list) else [])
                    if isinstance(e, dict) and isinstance(e.get("id"), str)]


def scenes(b: Builder, value: Any, values: list[str]) -> dict[str, Scene]:
    if value is None:
        b.err((), "the scenario has no scenes")
    items = mapping_list(b, value, ("scenes",), "scenes")
    seen_choice: set[str] = set()
    for i, s in items:
        choices = s.get("choices")
        for j, c in enumerate(choices if isinstance(choices, list) else []):
            if isinstance(c, dict) and isinstance(c.get("id"), str):
                if c["id"] in seen_choice:
                    b.err(("scenes", i, "choices", j, "id"), f"duplicate choice id '{c['id']}'")
                seen_choice.add(c["id"])
    out: dict[str, Scene] = {}
    for i, s in items:
        out[s["id"]] = scene(b, i, s, values)
    return out


def branches(b: Builder, value: Any, path: Path, what: str) -> Optional[tuple[Branch, ...]]:
    if value is None:
        return None
    if isinstance(value, str):
        items: list[Any] = [{"scene": value}]
        at = [path]  # one branch written as plain text
    elif isinstance(value, list):
        items = value
        at = [path + (i, "scene") for i in range(len(value))]
    else:
        b.err(path, f"{what}: next must be a scene id, END or a list of {{if:, scene:}}")
        return None
    out = []
    for i, br in enumerate(items):
        if not isinstance(br, dict) or "scene" not in br:
            b.err(path + (i,), f"{what}: each branch of next needs scene: SCENE")
            continue
        b.known_keys(br, ("if", "scene"), path + (i,), what)
        target = br["scene"]
        if target != END and target not in b.scene_ids:
            b.err(at[i], f"{what}: next goes to unknown scene {show(target)}"
                         f"{suggest(target, list(b.scene_ids) + [END])}")
            continue
        out.append(Branch(condition=condition(b, br.get("if"), path + (i, "if"), what), target=target))
    if out and out[-1].condition is not None:
        b.err(path, f"{what}: the last branch of next must have no condition, so there is always a way on")
    return tuple(out)


def scene(b: Builder, i: int, s: dict[str, Any], values: list[str]) -> Scene:
    sid = s["id"]
    p = ("scenes", i)
    what = f"scene '{sid}'"
    b.known_keys(s, SCENE_KEYS, p, what)
    day = s.get("day")
    if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= MAX_DAYS:
        b.err(p + ("day",) if "day" in s else p, f"{what}: day must be 1 (Monday) to {MAX_DAYS} (Sunday)")
        day = 1
    time = s.get("time", "day")
    if time not in TimeOfDay.names():
        b.err(p + ("time",), f"{what}: time {show(time)} is not one of {', '.join(TimeOfDay.names())}"
                             f"{suggest(time, TimeOfDay.names())}")
        time = "day"
    kind = s.get("kind", "talk")
    if kind not in SceneKind.names():
        b.err(p + ("kind",), f"{what}: kind {show(kind)} is not one of {', '.join(SceneKind.names())}"
                             f"{suggest(kind, SceneKind.names())}")
        kind = "talk"
    place = s.get("place")
    if place is not None:
        if not isinstance(place, str):
            b.err(p + ("place",), f"{what}: place must be a name, not {show(place)}")
            place = None
        else:
            b.string(f"place.{place}", p + ("place",), what)
    speaker = s.get("speaker")
    if speaker is not None and (not isinstance(speaker, str) or (speaker not in b.friends and speaker not in b.characters)):
        b.err(p + ("speaker",), f"{what}: unknown speaker {show(speaker)}"
                                f"{suggest(speaker, list(b.friends) + list(b.characters))}")
        speaker = None
    gate = s.get("gate")
    if gate is not None and gate not in b.gate_ids:
        b.err(p + ("gate",), f"{what}: unknown gate {show(gate)}{suggest(gate, b.gate_ids)}")
        gate = None
    sanction = s.get("sanction")
    if sanction is not None and sanction not in b.sanction_ids:
        b.err(p + ("sanction",), f"{what}: unknown sanction {show(sanction)}{suggest(sanction, b.sanction_ids)}")
        sanction = None
    if kind == "gate" and gate is None and "gate" not in s:
        b.err(p + ("kind",), f"{what}: a gate scene needs gate: GATE (the gate it checks)")
    if gate is not None and kind != "gate":
        b.err(p + ("gate",), f"{what}: a scene that checks gate '{gate}' must be kind: gate")
    if kind == "sanction" and sanction is None and "sanction" not in s:
        b.err(p + ("kind",), f"{what}: a sanction scene needs sanction: SANCTION (the sanction it shows)")
    if sanction is not None and kind != "sanction":
        b.err(p + ("sanction",), f"{what}: a scene that shows sanction '{sanction}' must be kind: sanction")
    raw_posts = s.get("posts") or []
    if not isinstance(raw_posts, list):
        b.err(p + ("posts",), f"{what}: posts must be a list")
        raw_posts = []
    posts = tuple(x for x in (post(b, p + ("posts", j), item, what) for j, item in enumerate(raw_posts)) if x)
    kiosk = s.get("kiosk")
    if kiosk not in (None, "skip", "keep"):
        b.err(p + ("kiosk",), f"{what}: kiosk must be skip or keep")
    nxt = branches(b, s.get("next"), p + ("next",), what)
    if kiosk == "skip" and not nxt:
        b.err(p + ("kiosk",), f"{what}: a scene the kiosk skips needs a scene-level next")
    built = choices(b, sid, s.get("choices"), p + ("choices",), what, values)
    if not built:
        built = (Choice(id="continue", scene=sid, text=b.string("choice.continue", p, what, optional=True), result=None,
                        condition=None, effects=(), synthetic=True),)
    return Scene(id=sid, day=day, time=TimeOfDay(time), place=place, speaker=speaker, kind=SceneKind(kind),
                 text=b.string(s.get("text", f"scene.{sid}"), p, what), posts=posts,
                 on_enter=effects(b, s.get("on_enter"), p + ("on_enter",), what), choices=built, next=nxt,
                 gate=gate, sanction=sanction, kiosk_skip=kiosk == "skip")


def post(b: Builder, pp: Path, item: Any, what: str) -> Optional[Post]:
    """A feed post, or None (reported)."""
    if not isinstance(item, dict):
        b.err(pp, f"{what}: a post needs {{author: ID, text: STRING}}")
        return None
    b.known_keys(item, ("author", "text", "score", "likes"), pp, what)
    author = item.get("author")
    if author not in b.friends and author not in b.characters and author != "player":
        b.err(pp + ("author",), f"{what}: unknown post author {show(author)}"
                                f"{suggest(author, list(b.friends) + list(b.characters))}")
    score = item.get("score")
    if score is not None:
        lo, hi = b.score_range
        score = b.whole(score, pp + ("score",), f"{what}: a post's score", lo, hi)
    likes = b.whole(item.get("likes", 0), pp + ("likes",), f"{what}: likes", 0, 10**9) if "likes" in item else 0
    return Post(author=str(author), text=b.string(item.get("text"), pp + ("text",), what), score=score,
                likes=likes or 0)


def choices(b: Builder, sid: str, value: Any, path: Path, what: str, values: list[str]) -> tuple[Choice, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        b.err(path, f"{what}: choices must be a list")
        return ()
    out = []
    for j, c in enumerate(value):
        cp = path + (j,)
        if not isinstance(c, dict) or not isinstance(c.get("id"), str):
            b.err(cp, f"{what}: choice {j + 1} needs an id of letters, digits and _")
            continue
        cid = b.ident(c["id"], cp + ("id",), f"{what}: choice {j + 1}'s id")
        if cid is None:
            continue
        cwhat = f"choice '{cid}'"
        b.known_keys(c, CHOICE_KEYS, cp, cwhat)
        done = effects(b, c.get("do"), cp + ("do",), cwhat)
        spends, serves = tags(b, c.get("tags"), cp + ("tags",), cwhat, values)
        result = c.get("result")
        result = b.string(result, cp + ("result",), cwhat) if result is not None else \
            b.string(f"result.{cid}", cp, cwhat, optional=True)
        out.append(Choice(id=cid, scene=sid, text=b.string(c.get("text", f"choice.{cid}"), cp, cwhat), result=result,
                          condition=condition(b, c.get("if"), cp + ("if",), cwhat), effects=done, spends=spends,
                          serves=serves, next=branches(b, c.get("next"), cp + ("next",), cwhat),
                          score_hint=sum(expected_change(e) for e in done)))
    return tuple(out)


def tags(b: Builder, value: Any, path: Path, what: str, values: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if value is None:
        return (), ()
    if not isinstance(value, dict):
        b.err(path, f"{what}: tags needs {{spends: [...], serves: [...]}}")
        return (), ()
    b.known_keys(value, ("spends", "serves"), path, what)
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
                b.err(path + (key, k), f"{what}: unknown tag {show(tag)}{suggest(tag, options)}; "
                                       f"use score, a value from values, or friend:ID")
        out.append(tuple(good))
    return out[0], out[1]


def endings(b: Builder, value: Any) -> tuple[Ending, ...]:
    out = []
    items = mapping_list(b, value, ("endings",), "endings")
    for i, e in items:
        p = ("endings", i)
        what = f"ending '{e['id']}'"
        b.known_keys(e, ("id", "if", "title", "text"), p, what)
        out.append(Ending(id=e["id"], condition=condition(b, e.get("if"), p + ("if",), what),
                          title=b.string(e.get("title", f"ending.{e['id']}.title"), p, what),
                          text=b.string(e.get("text", f"ending.{e['id']}"), p, what)))
        for fid in b.friends:
            b.string(f"epilogue.{e['id']}.{fid}", p, f"{what}: epilogue of '{fid}'")
    if not out:
        b.err(("endings",) if value is not None else (), "the scenario needs at least one ending")
        out.append(Ending(id="end", condition=None, title="ending.end.title", text="ending.end"))
    elif "if" in items[-1][1]:
        b.err(("endings", items[-1][0]), "the last ending must have no condition: it is the fallback")
    return tuple(out)


def epilogues(b: Builder, value: Any) -> tuple[Epilogue, ...]:
    """Epilogues for how you treated a friend: [{friend, if, ending (optional), text}]."""
    if value is None:
        return ()
    if not isinstance(value, list):
        b.err(("epilogues",), "epilogues must be a list of {friend: ID, if: CONDITION, text: STRING}")
        return ()
    out = []
    for i, e in enumerate(value):
        p = ("epilogues", i)
        if not isinstance(e, dict):
            b.err(p, f"epilogue {i + 1} must be a mapping like {{friend: noor, if: \"...\", text: STRING}}")
            continue
        b.known_keys(e, ("friend", "if", "ending", "text"), p, f"epilogue {i + 1}")
        fid = e.get("friend")
        if fid not in b.friends:
            b.err(p + ("friend",), f"epilogue {i + 1}: unknown friend {show(fid)}{suggest(fid, b.friends)}")
            continue
        ends = e.get("ending", [])
        ends = [ends] if isinstance(ends, str) else ends
        if not isinstance(ends, list) or any(x not in b.ending_ids for x in ends):
            bad = next((x for x in (ends if isinstance(ends, list) else [ends]) if x not in b.ending_ids), ends)
            b.err(p + ("ending",), f"epilogue {i + 1}: unknown ending {show(bad)}{suggest(bad, b.ending_ids)}")
            continue
        if "text" not in e:
            b.err(p, f"epilogue {i + 1} needs text: STRING")
            continue
        out.append(Epilogue(friend=fid, condition=condition(b, e.get("if"), p + ("if",), f"epilogue {i + 1}"),
                            endings=tuple(ends), text=b.string(e["text"], p + ("text",), f"epilogue {i + 1}")))
    return tuple(out)
