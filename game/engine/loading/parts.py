"""The scenario's smaller parts: tiers, gates, rules, people, association, ratings, sanctions and
sources."""
from __future__ import annotations

import re
from typing import Any, Optional

from ..kinds import Accessory, Picture, PortraitStyle, Shape, SourceStatus, Status
from ..model import Association, Gate, Person, Portrait, Ratings, Sanction, Source, Tier
from ..rules import Rule
from .builder import Builder
from .effects import delta, rule_ref
from .marks import Path
from .names import condition
from .naming import ID, show, suggest

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def mapping_list(b: Builder, value: Any, path: Path, what: str) -> list[tuple[int, dict[str, Any]]]:
    """The items of a list of mappings that each have an id (the others are reported)."""
    if value is None:
        return []
    if not isinstance(value, list):
        b.err(path, f"{what} must be a list")
        return []
    out = []
    seen: set[str] = set()
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            b.err(path + (i,), f"{what}: each item must be a mapping, not {show(item)}")
        elif not isinstance(item.get("id"), str) or not ID.match(item["id"]):
            b.err(path + (i, "id") if "id" in item else path + (i,),
                  f"{what}: item {i + 1} needs an id of letters, digits and _, not {show(item.get('id'))}")
        elif item["id"] in seen:
            b.err(path + (i, "id"), f"duplicate {what[:-1] if what.endswith('s') else what} id '{item['id']}'")
        else:
            seen.add(item["id"])
            out.append((i, item))
    return out


def tiers(b: Builder, value: Any, lo: int) -> tuple[Tier, ...]:
    out: list[Tier] = []
    last: Optional[int] = None
    for i, t in mapping_list(b, value, ("tiers",), "tiers"):
        p = ("tiers", i)
        what = f"tier '{t['id']}'"
        b.known_keys(t, ("id", "from", "color", "shape", "label"), p, what)
        start = t.get("from")
        if not isinstance(start, int) or isinstance(start, bool) or (last is not None and start <= last):
            b.err(p + ("from",), f"{what}: from must be a whole number above the tier before")
            continue
        last = start
        color = t.get("color", "#888888")
        if not isinstance(color, str) or not COLOUR.fullmatch(color):
            b.err(p + ("color",), f"{what}: color must be like \"#6cc48a\" (quoted), not {show(color)}")
            color = "#888888"
        shape = t.get("shape", "circle")
        if shape not in Shape.names():
            b.err(p + ("shape",), f"{what}: shape {show(shape)} is not one of {', '.join(Shape.names())}"
                                  f"{suggest(shape, Shape.names())}")
            shape = "circle"
        out.append(Tier(id=t["id"], start=start, color=color, shape=Shape(shape),
                        label=b.string(t.get("label", f"tier.{t['id']}"), p, what)))
    if not out:
        b.err(("tiers",) if value is not None else (), "the scenario needs at least one tier")
        out.append(Tier(id="all", start=lo, color="#888888", shape=Shape.CIRCLE, label="tier.all"))
    elif out[0].start > lo:
        b.err(("tiers", 0, "from"), f"the first tier must start at the lowest score, {lo}")
    return tuple(out)


def gates(b: Builder, value: Any, lo: int, hi: int) -> list[Gate]:
    out: list[Gate] = []
    for i, g in mapping_list(b, value, ("gates",), "gates"):
        p = ("gates", i)
        what = f"gate '{g['id']}'"
        b.known_keys(g, ("id", "at", "label"), p, what)
        at = b.whole(g.get("at"), p + ("at",), f"{what}: at", lo, hi)
        if at is None:
            continue
        if out and at <= out[-1].at:
            b.err(p + ("at",), f"gates out of order: '{g['id']}' ({at}) comes after "
                               f"'{out[-1].id}' ({out[-1].at}); list gates from the lowest threshold")
        out.append(Gate(id=g["id"], at=at, label=b.string(g.get("label", f"gate.{g['id']}"), p, what)))
    return out


def rules(b: Builder, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        b.err(("rules",), "rules must map a rule id to {delta: N, vague: REASON}")
        return
    for rid, r in value.items():
        p = ("rules", rid)
        what = f"rule '{rid}'"
        if not isinstance(rid, str) or not ID.match(rid):
            b.err(p + ("<key>",), f"{show(rid)} is not a valid rule id")
            continue
        if not isinstance(r, dict):
            b.err(p, f"{what} must be a mapping like {{delta: -15, vague: consumption}}")
            continue
        b.known_keys(r, ("delta", "vague", "exact", "criterion"), p, what)
        # no delta: 0 (a rule that association or ratings name gets its points from them)
        low, high = delta(b, r["delta"], p + ("delta",), what) if "delta" in r else (0, 0)
        vague = r.get("vague")
        if not isinstance(vague, str) or not ID.match(vague):
            b.err(p + ("vague",) if "vague" in r else p, f"{what} needs vague: REASON (the player sees reason.REASON)")
            vague = "unknown"
        b.rules[rid] = Rule(id=rid, low=low, high=high, vague=b.string(f"reason.{vague}", p + ("vague",), what),
                            exact=b.string(r.get("exact", f"rule.{rid}"), p, what),
                            criterion=str(r.get("criterion", "")))


def portrait(b: Builder, value: Any, path: Path, what: str) -> Portrait:
    if value is None:
        return Portrait()
    if not b.expect(value, dict, path, f"{what}: portrait"):
        return Portrait()
    b.known_keys(value, ("skin", "hair", "style", "shirt", "accessory"), path, f"{what}: portrait")
    colours: dict[str, str] = {}
    for key in ("skin", "hair", "shirt"):
        if key in value:
            if isinstance(value[key], str) and COLOUR.fullmatch(value[key]):
                colours[key] = value[key]
            else:
                b.err(path + (key,), f"{what}: {key} must be a colour like \"#c98d6b\" (quoted)")
    style, accessory = PortraitStyle.SHORT, Accessory.NONE
    if "style" in value:
        if value["style"] in PortraitStyle.names():
            style = PortraitStyle(value["style"])
        else:
            b.err(path + ("style",), f"{what}: style {show(value['style'])} is not one of "
                                     f"{', '.join(PortraitStyle.names())}{suggest(value['style'], PortraitStyle.names())}")
    if "accessory" in value:
        if value["accessory"] in Accessory.names():
            accessory = Accessory(value["accessory"])
        else:
            b.err(path + ("accessory",), f"{what}: accessory {show(value['accessory'])} is not one of "
                                         f"{', '.join(Accessory.names())}{suggest(value['accessory'], Accessory.names())}")
    return Portrait(style=style, accessory=accessory, **colours)


def people(b: Builder, friends: Any, characters: Any, lo: int, hi: int) -> None:
    for key, value in (("friends", friends), ("characters", characters)):
        if value is None:
            continue
        if not isinstance(value, dict):
            b.err((key,), f"{key} must map an id to its details")
            continue
        for pid, f in value.items():
            p = (key, pid)
            what = f"{key[:-1]} '{pid}'"
            if not isinstance(pid, str) or not ID.match(pid) or pid == "player":
                b.err(p + ("<key>",), f"{show(pid)} is not a valid id" + (" (player is the player)" if pid == "player" else ""))
                continue
            if pid in b.friends or pid in b.characters:
                b.err(p + ("<key>",), f"duplicate person id '{pid}'")
                continue
            if f is not None and not isinstance(f, dict):
                b.err(p, f"{what} must be a mapping of its details, not {show(f)}")
            f = f if isinstance(f, dict) else {}
            allowed = ("name", "portrait", "score", "role", "daily") if key == "friends" else ("name", "portrait")
            b.known_keys(f, allowed, p, what)
            name = b.string(f.get("name", f"name.{pid}"), p, what)
            look = portrait(b, f.get("portrait"), p + ("portrait",), what)
            if key == "friends":
                score = b.whole(f.get("score"), p + ("score",) if "score" in f else p, f"{what}: score", lo, hi)
                daily = delta(b, f["daily"], p + ("daily",), what) if "daily" in f else None
                b.friends[pid] = Person(id=pid, name=name, portrait=look, score=lo if score is None else score,
                                        role=str(f.get("role", "")), daily=daily)
            else:
                b.characters[pid] = Person(id=pid, name=name, portrait=look)


def association(b: Builder, value: Any) -> Optional[Association]:
    if value is None:
        return None
    p = ("association",)
    if not isinstance(value, dict):
        b.err(p, "association needs {rule: RULE, weight: {friend: 0.1, muted: 0.05}, max: 15}")
        return None
    b.known_keys(value, ("rule", "weight", "max"), p, "association")
    rule = rule_ref(b, value.get("rule"), p + ("rule",), "association")
    weights: dict[str, float] = {}
    raw = value.get("weight") or {}
    if not isinstance(raw, dict):
        b.err(p + ("weight",), f"association: weight maps {', '.join(Status.names())} to numbers")
        raw = {}
    for status, w in raw.items():
        if status not in Status.names():
            b.err(p + ("weight", status, "<key>"), f"association: unknown status {show(status)}"
                                                  f"{suggest(status, Status.names())}")
            continue
        n = b.number(w, p + ("weight", status), f"association: weight of {status}", 0, 1)
        if n is not None:
            weights[status] = n
    cap = b.whole(value.get("max", 20), p + ("max",), "association: max", 0, 10**6)
    return Association(rule=rule.id, weights=weights, cap=20 if cap is None else cap) if rule else None


def ratings(b: Builder, value: Any) -> Optional[Ratings]:
    if value is None:
        return None
    p = ("ratings",)
    if not isinstance(value, dict):
        b.err(p, "ratings needs {rule: RULE, per_star: 4, neutral: 3}")
        return None
    b.known_keys(value, ("rule", "per_star", "neutral"), p, "ratings")
    rule = rule_ref(b, value.get("rule"), p + ("rule",), "ratings")
    per = b.number(value.get("per_star", 4), p + ("per_star",), "ratings: per_star", -1000, 1000)
    neutral = b.number(value.get("neutral", 3), p + ("neutral",), "ratings: neutral", 1, 5)
    if rule is None or per is None or neutral is None:
        return None
    return Ratings(rule=rule.id, per_star=per, neutral=neutral)


def sanctions(b: Builder, value: Any) -> tuple[Sanction, ...]:
    out = []
    for i, s in mapping_list(b, value, ("sanctions",), "sanctions"):
        p = ("sanctions", i)
        what = f"sanction '{s['id']}'"
        b.known_keys(s, ("id", "below", "if", "label", "picture", "text"), p, what)
        below = s.get("below")
        if below is not None:
            below = b.whole(below, p + ("below",), f"{what}: below")
        cond = condition(b, s.get("if"), p + ("if",), what)
        if below is None and "below" not in s and "if" not in s:
            b.err(p, f"{what} needs below: N or if: CONDITION")
        picture = s.get("picture", "notice")
        if picture not in Picture.names():
            b.err(p + ("picture",), f"{what}: picture {show(picture)} is not one of {', '.join(Picture.names())}"
                                    f"{suggest(picture, Picture.names())}")
            picture = "notice"
        text = b.string(s["text"], p + ("text",), what) if "text" in s else None
        out.append(Sanction(id=s["id"], below=below, condition=cond, picture=Picture(picture), text=text,
                            label=b.string(s.get("label", f"sanction.{s['id']}"), p, what)))
    return tuple(out)


def sources(b: Builder, value: Any) -> dict[str, Source]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        b.err(("sources",), "sources must map an id to {outlet, date, title, url, status}")
        return {}
    out = {}
    fields = ("outlet", "date", "title", "url", "status")
    for sid, s in value.items():
        p = ("sources", sid)
        what = f"source '{sid}'"
        if not isinstance(sid, str) or not ID.match(sid):
            b.err(p + ("<key>",), f"{show(sid)} is not a valid source id")
            continue
        if not isinstance(s, dict):
            b.err(p, f"{what} must be a mapping")
            continue
        b.known_keys(s, fields + ("label",), p, what)
        if not isinstance(s.get("label", False), bool):
            b.err(p + ("label",), f"{what}: label must be true or false (true: the title is a description)")
        missing = [k for k in fields if not isinstance(s.get(k), str)]
        if missing:
            b.err(p, f"{what} needs {', '.join(missing)} (as text)")
            continue
        if s["status"] not in SourceStatus.names():
            b.err(p + ("status",), f"{what}: status must be one of {', '.join(SourceStatus.names())}")
            continue
        if not s["url"].startswith(("https://", "http://")):
            b.err(p + ("url",), f"{what}: url must start with https:// or http://")
        out[sid] = Source(id=sid, outlet=s["outlet"], date=s["date"], title=s["title"], url=s["url"],
                          status=SourceStatus(s["status"]), label=s.get("label") is True)
    return out
