"""What a student's pages show, in the session's words: the score and its tier, the friends, a
scene (its posts, gate, sanction and choices), a day's summary, the ending, the debrief and the
check before and after. Plain data for the templates; the sentences are the debrief's own
(game/session/sentences.py), shared with the window and the text mode.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..engine.catalogue import Count
from ..engine.debrief import Debrief, week_chart
from ..engine.kinds import Picture
from ..engine.run import Run
from ..engine.state import DaySummary, LedgerEntry
from ..session.qr import cited
from ..session.sentences import (
    card_texts,
    counterfactual_lines,
    friend_lines,
    source_line,
    steer_lines,
    verdict_texts,
    week_lines,
)
from ..session.truth import home_cards, verdicts
from ..session.words import Words
from . import svg


@dataclass
class Badge:
    """A score as it is always shown: the number, the tier's name and its shape."""
    score: int
    tier: str
    shape: str  # inline SVG


def badge(w: Words, score: int, size: int = 22) -> Badge:
    tier = w.sc.tier_for(score)
    return Badge(score, w.s(tier.label), svg.shape(str(tier.shape), size, tier.color))


def signed(n: int) -> str:
    return f"{n:+d}"


def friends(w: Words, run: Run) -> list[dict[str, Any]]:
    return [dict(name=w.name_of(fid), badge=badge(w, fs.score, 16), status=w.ui(f"status.{fs.status}"),
                 muted=str(fs.status) != "friend") for fid, fs in run.friends.items()]


def change_line(w: Words, e: LedgerEntry) -> str:
    reason = w.s(e.vague)
    if e.friend:
        reason = f"{reason} ({w.name_of(e.friend)})"
    return w.ui("text.change", before=e.score - e.delta, after=e.score, delta=signed(e.delta), reason=reason)


def closed_by_last(run: Run) -> int:
    """How many day summaries the last choice closed."""
    if len(run.history) < 2:
        return 0
    before = run.scenario.scenes[run.history[-2][2]].day
    return sum(1 for d in run.day_summaries if d.day >= before)


def last_choice(w: Words, run: Run, on_new_day: bool) -> dict[str, Any]:
    """What the last choice did, said once, on the page right after it: its result, the stars
    friends gave, its changes (those of the new day only, when the day summaries came between)."""
    if not run.log:
        return {}
    choice = run.scenario.choice(run.log[-1])
    step = run.step
    entries = [e for e in run.ledger if e.step == step and (not on_new_day or e.day == run.day)]
    ratings = [w.ui("text.rating", name=w.name_of(by), stars=stars) for by, stars, at in run.ratings if at == step]
    return dict(result=w.s(choice.result) if choice.result and not on_new_day else "",
                ratings=ratings if not on_new_day else [], changes=[change_line(w, e) for e in entries])


def scene(w: Words, run: Run) -> dict[str, Any]:
    sc, here = run.scenario, run.scene
    view: dict[str, Any] = dict(
        when=w.ui("scene.when", weekday=w.weekday(here.day), time=w.ui(f"time.{here.time}"), day=here.day),
        place=w.s(f"place.{here.place}") if here.place else "", text=w.s(here.text), step=run.step,
        speaker=w.name_of(here.speaker) if here.speaker and sc.person(here.speaker) else "",
        choices=[(c.id, w.choice_text(c)) for c in run.choices()],
        last=last_choice(w, run, closed_by_last(run) > 0))
    if sc.goal_gate:
        g = sc.gate(sc.goal_gate)
        view["goal"] = w.ui("scene.goal", gate=w.s(g.label), at=g.at)
    posts = []
    for p in here.posts:  # a friend's post shows their score now; another's the score it was written with
        score = run.friends[p.author].score if p.author in run.friends else p.score
        posts.append(dict(name=w.name_of(p.author), text=w.s(p.text), likes=w.ui("feed.likes", n=Count(p.likes)),
                          badge=badge(w, score, 14) if score is not None else None))
    view["posts"] = posts
    check = run.gate_check_here()
    if check is not None:
        gate = sc.gate(check.gate)
        view["gate"] = dict(label=w.s(gate.label), passed=check.passed,
                            needed=w.ui("gate.needed", at=gate.at, score=check.score),
                            verdict=w.ui("gate.granted_by", n=check.score - gate.at) if check.passed
                            else w.ui("gate.missed_by", n=check.gap))
    spec = sc.sanction(here.sanction) if here.sanction else None
    if spec is not None:
        active = run.sanction_active(spec.id)
        own = w.s(spec.text) if spec.text else None
        if not active:
            text = w.ui("sanction.full_speed" if spec.picture == Picture.LOADING else
                        "sanction.unlocked" if spec.picture == Picture.LOCKED else "sanction.spared")
        elif spec.picture == Picture.LISTED:
            text = own or w.ui("sanction.listed", name=w.s(sc.player_name))
        elif spec.picture == Picture.LOCKED:
            text = own or w.ui("sanction.locked")
        else:
            text = own or w.ui("sanction.active")
        view["sanction"] = dict(label=w.s(spec.label), active=active, text=text)
    return view


def intro(w: Words, run: Run) -> dict[str, Any]:
    sc = run.scenario
    lines = [w.s(i) for i in sc.intro] or [w.framing("fiction")]
    goal = [w.s(sc.goal_text)] if sc.goal_text else []
    if sc.goal_gate:
        gate = sc.gate(sc.goal_gate)
        goal.append(w.ui("intro.goal_gate", gate=w.s(gate.label), at=gate.at, gap=max(0, gate.at - run.score)))
    tier = sc.tier_for(run.score)
    return dict(you_are=w.ui("intro.you_are", name=w.s(sc.player_name)),
                your_score=w.ui("intro.your_score", score=run.score, tier=w.s(tier.label)), lines=lines, goal=goal)


def day(w: Words, run: Run, summary: DaySummary, index: int) -> dict[str, Any]:
    sc = run.scenario
    first_closed = len(run.day_summaries) - closed_by_last(run)
    # the choice that closed the day: its result and stars here; its changes are in the day's list
    last = dict(last_choice(w, run, False), changes=[]) if index == first_closed else {}
    gates = [(f"{w.s(g.label)} ({g.at})", summary.gates.get(g.id, False),
              w.ui("day_end.open") if summary.gates.get(g.id) else
              w.ui("day_end.shut", gap=max(0, g.at - summary.end_score))) for g in sc.gates]
    sanctions = []
    for sid in summary.sanctions:
        spec = sc.sanction(sid)
        sanctions.append(w.ui("day_end.sanction", sanction=w.s(spec.label) if spec else sid))
    return dict(index=index, title=w.ui("day_end.title", weekday=w.weekday(summary.day)),
                line=w.ui("classroom.day.score", start=summary.start_score, end=summary.end_score,
                          delta=signed(summary.change), tier=w.s(sc.tier_for(summary.end_score).label)),
                badge=badge(w, summary.end_score, 28), last=last,
                changes=[change_line(w, e) for e in summary.entries],
                friends=[(w.name_of(fid), badge(w, score, 16), w.ui(f"status.{status}"))
                         for fid, (score, status) in summary.friends.items()],
                gates=gates, sanctions=sanctions,
                next=w.ui("day_end.next") if not run.ended or index + 1 < len(run.day_summaries)
                else w.ui("common.continue"))


def ending(w: Words, run: Run) -> dict[str, Any]:
    assert run.ending is not None
    return dict(title=w.s(run.ending.title), text=w.s(run.ending.text), badge=badge(w, run.score, 32),
                epilogues=[(w.name_of(fid), w.s(run.epilogue(fid))) for fid in run.scenario.friends])


@dataclass
class Card:
    claim: str
    fact: str
    source: str
    url: str
    qr: str = ""
    origin: str = ""  # where a myth came from: cited as its origin, never as evidence
    verdict: str = ""  # a verdict's word (real, partly real, invented)
    met: str = ""  # said when the student's week staged the rule


@dataclass
class DebriefView:
    chart: str
    days: list[str]
    final: str
    ledger: list[str]
    steering: list[str] = field(default_factory=list)
    friends: list[list[str]] = field(default_factory=list)
    whatif: list[list[str]] = field(default_factory=list)
    verdicts: list[Card] = field(default_factory=list)
    myths: list[Card] = field(default_factory=list)
    home: list[Card] = field(default_factory=list)


def warm_codes(scenario: Any, langs: Any) -> None:
    """Make every source's QR code ahead (a server does this in a thread while the class joins)."""
    from ..session.strings import ui
    for lang in langs:
        label = ui("debrief.source.scan", lang)
        for src in scenario.sources.values():
            if cited(src.url, str(src.status)):
                svg.qr(src.url, label, 3)


def _qr(w: Words, run: Run, source_id: str) -> str:
    src = run.scenario.sources[source_id]
    return svg.qr(src.url, w.ui("debrief.source.scan"), 3) if cited(src.url, str(src.status)) else ""


def _cards(w: Words, run: Run, kind: str, region: str = "") -> list[Card]:
    sc = run.scenario
    out = []
    for card in home_cards(sc, region) if kind == "home" else sc.debrief.myths:
        claim, fact = card_texts(w, kind, card)
        origin = w.ui("debrief.verdict.origin", source=source_line(w, run, card.origin)) \
            if kind == "myths" and card.origin else ""
        out.append(Card(claim, fact, source_line(w, run, card.source), sc.sources[card.source].url,
                        _qr(w, run, card.source), origin))
    return out


def _verdicts(w: Words, run: Run) -> list[Card]:
    """Rule by rule, those the student's week met first."""
    out = []
    for v in verdicts(run):
        t = verdict_texts(w, run, v)
        origin = " ".join(t[k] for k in ("origin", "seed") if k in t)
        out.append(Card(t["claim"], t["found"], t["source"], run.scenario.sources[v.group.source].url,
                        "", origin, t["verdict"], t["met"]))  # the address only: nineteen QR codes would bury the page
    return out


def debrief(w: Words, run: Run, analysis: Optional[Debrief], region: str = "") -> DebriefView:
    """The debrief; without an analysis (a week the teacher ended early) only the week so far and
    the cards. `region`: whose cases the home cards are (see session.truth)."""
    sc = run.scenario
    lines = week_lines(w, run)[1:]
    cut = lines.index("") if "" in lines else len(lines)
    days, ledger = lines[:cut], lines[cut + 2:]
    final = days.pop() if days else ""
    names = [(d, w.ui(f"day_short.{d}")) for d in range(sc.first_day, sc.last_day + 1)]
    chart = svg.week_chart(week_chart(run), w.ui("debrief.chart.title"), names, {g.id: w.s(g.label) for g in sc.gates})
    view = DebriefView(chart, days, final, ledger, verdicts=_verdicts(w, run), myths=_cards(w, run, "myths"),
                       home=_cards(w, run, "home", region))
    if analysis is not None:
        view.steering = steer_lines(w, analysis)
        view.friends = [friend_lines(w, run, f) for f in analysis.friends]
        view.whatif = [counterfactual_lines(w, run, cf, analysis.goal_gate) for cf in analysis.counterfactuals]
    return view


def check_items(w: Words, run: Run, items: Any) -> list[dict[str, Any]]:
    """The check's questions with their answers, for a form."""
    return [dict(id=q.id, text=w.s(f"quiz.{q.id}"), answers=[(a, w.s(f"quiz.{q.id}.{a}")) for a in q.answers],
                 opinion="" if q.correct else w.ui("classroom.results.opinion")) for q in items]


def results(w: Words, run: Run, items: Any, before: Optional[dict[str, str]], after: dict[str, str]) -> dict[str, Any]:
    """The check before and after, as the window's results page says it."""
    scored = [q for q in items if q.correct is not None]

    def right(answers: dict[str, str]) -> int:
        return sum(1 for q in scored if answers.get(q.id) == q.correct)

    def say(qid: str, aid: Optional[str]) -> str:
        return w.s(f"quiz.{qid}.{aid}") if aid else w.ui("debrief.quiz.none")
    rows = []
    for q in items:
        rows.append(dict(text=w.s(f"quiz.{q.id}"),
                         right=w.ui("debrief.quiz.right", answer=say(q.id, q.correct)) if q.correct else "",
                         before=w.ui("debrief.quiz.before", answer=say(q.id, (before or {}).get(q.id)))
                         if before else "",
                         before_ok=bool(before) and (before or {}).get(q.id) == q.correct,
                         after=w.ui("debrief.quiz.after", answer=say(q.id, after.get(q.id))),
                         after_ok=after.get(q.id) == q.correct,
                         opinion="" if q.correct else w.ui("classroom.results.opinion"),
                         why=w.s(f"quiz.{q.id}.why") if run.scenario.strings.has(f"quiz.{q.id}.why") else ""))
    return dict(score_before=w.ui("debrief.quiz.score_before", n=right(before), total=len(scored)) if before
                else w.ui("debrief.quiz.no_before"),
                score_after=w.ui("debrief.quiz.score_after", n=right(after), total=len(scored)),
                rows=rows, questions=[w.s(q) for q in run.scenario.debrief.questions])
