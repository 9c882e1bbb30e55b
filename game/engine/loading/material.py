"""The debrief's material: myth and home cards, verdicts on what the week staged, questions, the
before/after check and the feelings to tap."""
from __future__ import annotations

from typing import Any, Optional

from ..kinds import SourceStatus, Verdict
from ..model import Card, CheckItem, Material, Source, VerdictGroup
from .builder import Builder
from .marks import Path
from .naming import ID, show, suggest
from .parts import mapping_list

KEYS = ("myths", "home", "verdicts", "questions", "quiz", "feelings")


def cited(b: Builder, src: Any, sources: dict[str, Source], path: Path, what: str) -> Optional[str]:
    """A source id a card may cite: known, and checked or copy."""
    if not isinstance(src, str) or src not in sources:
        b.err(path, f"{what}: unknown source {show(src)}{suggest(src, sources)}")
        return None
    if sources[src].status == SourceStatus.UNCHECKED:
        b.err(path, f"{what}: source '{src}' is unchecked; cite only checked or copy sources")
        return None
    return src


def further(b: Builder, item: dict[str, Any], sources: dict[str, Source], path: Path, what: str) -> tuple[str, ...]:
    """`also`: further sources a card's or a verdict's text relies on."""
    raw = item.get("also", [])
    if not isinstance(raw, list):
        b.err(path + ("also",), f"{what}: also must list source ids")
        return ()
    out = [cited(b, sid, sources, path + ("also", k), what) for k, sid in enumerate(raw)]
    return tuple(sid for sid in out if sid)


def regions(b: Builder, raw: Any, path: Path, what: str) -> tuple[str, ...]:
    """A home card's region: a short name such as nl, or a list of them (none: for every player)."""
    names = [] if raw is None else raw if isinstance(raw, list) else [raw]
    good = [r for r in names if isinstance(r, str) and ID.match(r)]
    if len(good) != len(names):
        b.err(path + ("region",), f"{what}: region must be a short name such as nl (or a list of them), "
                                  f"not {show(raw)}")
    return tuple(good)


def material(b: Builder, value: Any, sources: dict[str, Source], covered: set[str]) -> Material:
    """`covered`: the rule, gate and sanction ids a verdict may name."""
    if value is None:
        return Material()
    p: Path = ("debrief",)
    if not isinstance(value, dict):
        b.err(p, "debrief must be a mapping of " + ", ".join(KEYS))
        return Material()
    b.known_keys(value, KEYS, p, "debrief")
    cards: dict[str, list[Card]] = {"myths": [], "home": []}
    for key, fields in (("myths", ("claim", "fact")), ("home", ("title", "text"))):
        for i, card in mapping_list(b, value.get(key), p + (key,), f"debrief {key}"):
            cp = p + (key, i)
            what = f"debrief card '{card['id']}'"
            b.known_keys(card, ("id", "source", "also", "origin") + (("region",) if key == "home" else ()), cp, what)
            src = cited(b, card.get("source"), sources, cp + ("source",) if "source" in card else cp, what)
            also = further(b, card, sources, cp, what)
            origin = cited(b, card["origin"], sources, cp + ("origin",), what) if "origin" in card else None
            prefix = "myth" if key == "myths" else "home"
            for f in fields:
                b.string(f"{prefix}.{card['id']}.{f}", cp, what)
            if src:
                cards[key].append(Card(id=card["id"], source=src, also=also, origin=origin,
                                       regions=regions(b, card.get("region"), cp, what)))
    for r in sorted({r for c in cards["home"] for r in c.regions}):
        b.string(f"region.{r}", p + ("home",), "a home card's region (its name in the settings)", optional=True)
    verdicts = []
    for i, v in mapping_list(b, value.get("verdicts"), p + ("verdicts",), "debrief verdicts"):
        vp = p + ("verdicts", i)
        what = f"verdict '{v['id']}'"
        b.known_keys(v, ("id", "verdict", "covers", "source", "also", "origin", "seed"), vp, what)
        verdict = v.get("verdict")
        if verdict not in Verdict.names():
            b.err(vp + ("verdict",), f"{what}: verdict must be one of {', '.join(Verdict.names())}"
                                     f"{suggest(verdict, Verdict.names())}")
            continue
        covers = v.get("covers")
        if not isinstance(covers, list) or not covers:
            b.err(vp + ("covers",) if "covers" in v else vp, f"{what}: covers must list rule, gate or sanction ids")
            continue
        for k, cid in enumerate(covers):
            if cid not in covered:
                b.err(vp + ("covers", k), f"{what}: {show(cid)} is no rule, gate or sanction of the scenario"
                                          f"{suggest(cid, covered)}")
        src = cited(b, v.get("source"), sources, vp + ("source",) if "source" in v else vp, what)
        also = further(b, v, sources, vp, what)
        origin = cited(b, v["origin"], sources, vp + ("origin",), what) if "origin" in v else None
        seed = v.get("seed")
        if seed is not None and not (isinstance(seed, str) and ID.match(seed)):
            b.err(vp + ("seed",), f"{what}: seed must be an id (its name is the string seed.ID)")
            seed = None
        if seed is not None:
            b.string(f"seed.{seed}", vp + ("seed",), what)
        for f in ("claim", "text"):
            b.string(f"verdict.{v['id']}.{f}", vp, what)
        if src:
            verdicts.append(VerdictGroup(id=v["id"], verdict=Verdict(verdict), covers=tuple(map(str, covers)),
                                         source=src, also=also, origin=origin, seed=seed))
    questions = []
    raw_q = value.get("questions") or []
    for i, q in enumerate(raw_q if isinstance(raw_q, list) else []):
        questions.append(b.string(q, p + ("questions", i), "debrief question"))
    quiz = []
    for i, q in mapping_list(b, value.get("quiz"), p + ("quiz",), "debrief quiz"):
        qp = p + ("quiz", i)
        what = f"check question '{q['id']}'"
        b.known_keys(q, ("id", "answers", "correct", "kiosk"), qp, what)
        answers = q.get("answers")
        if not isinstance(answers, list) or len(answers) < 2 or not all(isinstance(a, str) and ID.match(a) for a in answers):
            b.err(qp + ("answers",), f"{what}: answers must be a list of at least two ids (quote yes/no)")
            continue
        correct = q.get("correct")
        if correct is not None and correct not in answers:
            b.err(qp + ("correct",), f"{what}: correct must be one of the answers{suggest(correct, answers)}")
            continue
        kiosk = q.get("kiosk", False)
        if not isinstance(kiosk, bool):
            b.err(qp + ("kiosk",), f"{what}: kiosk must be true or false")
            kiosk = False
        b.string(f"quiz.{q['id']}", qp, what)
        b.string(f"quiz.{q['id']}.why", qp, what, optional=True)  # the answer key (an opinion's: the survey)
        for a in answers:
            b.string(f"quiz.{q['id']}.{a}", qp + ("answers",), what)
        quiz.append(CheckItem(id=q["id"], answers=tuple(answers), correct=correct, kiosk=kiosk))
    feelings = []
    raw_f = value.get("feelings") or []
    for i, f in enumerate(raw_f if isinstance(raw_f, list) else []):
        if isinstance(f, str) and ID.match(f):
            b.string(f"feeling.{f}", p + ("feelings", i), "debrief feeling")
            feelings.append(f)
        else:
            b.err(p + ("feelings", i), f"debrief feeling must be an id, not {show(f)}")
    return Material(myths=tuple(cards["myths"]), home=tuple(cards["home"]), verdicts=tuple(verdicts),
                    questions=tuple(questions), quiz=tuple(quiz), feelings=tuple(feelings))
