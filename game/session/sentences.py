"""The debrief as plain lines, in the debrief's order: how it felt, your week, how the system
steered you, how others chose, real or not, closer to home, questions. Every address stands on a
line of its own (the text mode shows no QR codes).

The section functions take a Speaker (a game.session.words.Words, or anything with its four
methods) and return lines, so the window's screens, the text mode and the classroom's pages say
the same sentences.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Protocol

from ..engine.debrief import Counterfactual, Debrief, analyze
from ..engine.model import Card
from ..engine.run import Run
from .truth import Verdict, home_cards, verdicts
from .words import Words  # noqa: F401  (the usual Speaker)


class Speaker(Protocol):
    def s(self, string_id: str) -> str: ...
    def ui(self, string_id: str, **values: Any) -> str: ...
    def weekday(self, day: int) -> str: ...
    def name_of(self, pid: str) -> str: ...
    def framing(self, key: str, **values: Any) -> str: ...


def signed(n: int) -> str:
    return f"{n:+d}"


def _choice(w: Speaker, run: Run, cid: str) -> str:
    """A choice's button text, quoted inside a sentence (so without its own full stop)."""
    choice = run.scenario.choice(cid)
    own = not choice.synthetic or run.scenario.strings.has(choice.text)
    text = (w.s(choice.text) if own else w.ui("common.continue")).strip()
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _ending_title(w: Speaker, run: Run, ending_id: str) -> str:
    for ending in run.scenario.endings:
        if ending.id == ending_id:
            return w.s(ending.title)
    return ending_id


def _gate_label(w: Speaker, run: Run, gate_id: str) -> str:
    return w.s(run.scenario.gate(gate_id).label)


# ----- the sections -------------------------------------------------------------------------
def feelings_lines(w: Speaker, run: Run) -> list[str]:
    feelings = run.scenario.debrief.feelings
    if not feelings:
        return []
    words = ", ".join(w.s(f"feeling.{f}") for f in feelings)
    return [w.ui("debrief.feel.title"), w.ui("debrief.feel.text", feelings=words)]


def week_lines(w: Speaker, run: Run) -> list[str]:
    sc = run.scenario
    lines = [w.ui("debrief.week.title")]
    checks = list(run.gate_checks)
    for day in run.day_summaries:
        lines.append(w.ui("debrief.week.day", weekday=w.weekday(day.day), start=day.start_score,
                          end=day.end_score, delta=signed(day.change)))
        for check in [c for c in checks if c.day == day.day]:
            key = "debrief.week.gate_pass" if check.passed else "debrief.week.gate_fail"
            lines.append(w.ui(key, weekday=w.weekday(check.day), gate=_gate_label(w, run, check.gate),
                              score=check.score, gap=check.gap))
    lines.append(w.ui("debrief.week.final", score=run.score, tier=w.s(sc.tier_for(run.score).label)))
    lines.append("")
    lines.append(w.ui("debrief.week.ledger"))
    for e in run.ledger:
        values = dict(weekday=w.weekday(e.day), delta=signed(e.delta), rule=w.s(e.exact))
        if e.friend and e.source in ("association", "rating"):
            lines.append(w.ui("debrief.ledger.friend", name=w.name_of(e.friend), **values))
        elif e.source == "later":
            lines.append(w.ui("debrief.ledger.later", **values))
        else:
            lines.append(w.ui("debrief.ledger.line", **values))
    return lines


def ledger_rule(w: Speaker, e: Any) -> str:
    """A ledger entry's exact rule as the screens show it: with the friend it came from
    ("(Noor)") for association and rating entries, or marked as a delayed effect."""
    rule = w.s(e.exact)
    if e.friend and e.source in ("association", "rating"):
        return w.ui("debrief.ledger.rule_friend", rule=rule, name=w.name_of(e.friend))
    if e.source == "later":
        return w.ui("debrief.ledger.rule_later", rule=rule)
    return rule


def counterfactual_lines(w: Speaker, run: Run, cf: Counterfactual, goal: Optional[str]) -> list[str]:
    values = dict(alt=_choice(w, run, cf.alternative), orig=_choice(w, run, cf.original),
                  weekday=w.weekday(cf.day), score=cf.score, delta=signed(cf.score_change))
    lines = [w.ui("debrief.cf.line" if cf.score_change else "debrief.cf.same", **values)]
    if cf.ending_changed and run.ending is not None:
        lines.append(w.ui("debrief.cf.ending", ending=_ending_title(w, run, cf.ending),
                          yours=_ending_title(w, run, run.ending.id)))
    shown = list(cf.gate_changes)
    if goal and goal not in shown and goal in cf.gates:
        shown.append(goal)
    for gid in shown:
        g = cf.gates[gid]
        changed = gid in cf.gate_changes
        key = ("debrief.cf.gate_won" if g.passed else "debrief.cf.gate_lost") if changed else \
              ("debrief.cf.gate_still_won" if g.passed else "debrief.cf.gate_still_lost")
        lines.append(w.ui(key, gate=_gate_label(w, run, gid), margin=g.margin, gap=g.gap))
    if cf.unseen_scenes and cf.by_similarity:
        lines.append(w.ui("debrief.cf.similar_unseen"))
    elif cf.by_similarity:
        lines.append(w.ui("debrief.cf.similar_closed"))
    return lines


def steer_lines(w: Speaker, d: Debrief) -> list[str]:
    """How often the player took the score-raising option (and when something was at stake)."""
    st = d.steering
    lines = [w.ui("debrief.steer.share", took=st.took, total=st.total) if st.total
             else w.ui("debrief.steer.none")]
    if st.conflicts:
        lines.append(w.ui("debrief.steer.conflicts", took=st.conflicts_took, total=len(st.conflicts)))
    return lines


def friend_lines(w: Speaker, run: Run, f: Any) -> list[str]:
    """One friend's fate (a FriendFate): the score's path, its biggest cause, the pull on yours."""
    name = w.name_of(f.friend)
    lines = [w.ui("debrief.friend.line", name=name, start=f.start, end=f.end,
                  delta=signed(f.change), status=w.ui(f"text.status_{f.status}"))]
    cause = f.main_cause
    if cause is not None:
        if cause.kind == "choice" and cause.choice:
            lines.append(w.ui("debrief.friend.cause_choice", delta=signed(cause.delta),
                              choice=_choice(w, run, cause.choice)))
        else:
            lines.append(w.ui(f"debrief.friend.cause_{cause.kind}", delta=signed(cause.delta)))
    if f.pull_on_you:
        lines.append(w.ui("debrief.friend.pull", name=name, delta=signed(f.pull_on_you)))
    if f.ratings_on_you:
        lines.append(w.ui("debrief.friend.rated", name=name, delta=signed(f.ratings_on_you)))
    return lines


def steering_lines(w: Speaker, run: Run, d: Debrief) -> list[str]:
    lines = [w.ui("debrief.steer.title")] + steer_lines(w, d)
    if d.friends:
        lines.append("")
        lines.append(w.ui("debrief.friends.title"))
    for f in d.friends:
        lines.extend(friend_lines(w, run, f))
    lines.append("")
    lines.append(w.ui("debrief.cf.title"))
    if not d.counterfactuals:
        lines.append(w.ui("debrief.cf.none"))
    for cf in d.counterfactuals:
        lines.extend(counterfactual_lines(w, run, cf, d.goal_gate))
    if d.counterfactuals:
        lines.append(w.ui("debrief.cf.computed"))
    return lines


@dataclass
class OptionShare:
    choice: str
    count: int
    percent: int
    chosen: bool  # the player's own choice
    line: str  # "40% chose ..."


@dataclass
class MomentShares:
    step: int
    line: str  # "Monday: you chose ..."
    options: list[OptionShare]


@dataclass
class Others:
    """How earlier players chose, as sentences with their numbers (the screens draw bars)."""
    status: str  # off, none, or how many earlier players
    players: int
    moments: list[MomentShares] = field(default_factory=list)
    endings: list[tuple[str, int]] = field(default_factory=list)  # (ending title, players)
    endings_line: str = ""
    private: str = ""


MIN_WEEKS = 5  # earlier weeks on this device before "how others chose" shows any share


def others_view(w: Speaker, run: Run, d: Debrief, stats: Any) -> Others:
    """How earlier players on this machine chose at the key moments (`stats`: a game.stats.Stats
    or anything answering `enabled`, `count`, `shares` and `endings` the same way)."""
    if stats is None or not stats.enabled:
        return Others(w.ui("debrief.others.off"), 0)
    sc = run.scenario
    n = stats.count(sc.id)
    if not n:
        return Others(w.ui("debrief.others.none"), 0)
    if n < MIN_WEEKS:  # with one or two earlier weeks, a share would give away a player's week
        return Others(w.ui("debrief.others.few", n=n, least=MIN_WEEKS), n)
    view = Others(w.ui("debrief.others.players", n=n), n)
    for m in d.key_moments():
        options = [c.id for c in sc.scenes[m.scene].choices]
        shares = stats.shares(sc.id, options)
        if shares.total < MIN_WEEKS:  # a moment few weeks reached: the same, for that moment
            continue
        view.moments.append(MomentShares(
            m.step, w.ui("debrief.others.moment", weekday=w.weekday(m.day), choice=_choice(w, run, m.chosen)),
            [OptionShare(cid, shares.counts.get(cid, 0), pct, cid == m.chosen,
                         w.ui("debrief.others.option", percent=pct, choice=_choice(w, run, cid)))
             for cid, pct in shares.percents().items()]))
    endings = stats.endings(sc.id)
    if endings:
        view.endings = [(_ending_title(w, run, e), k) for e, k in endings.items()]
        items = ", ".join(w.ui("debrief.others.ending_item", title=title, n=k) for title, k in view.endings)
        view.endings_line = w.ui("debrief.others.endings", endings=items)
    view.private = w.ui("debrief.others.private")
    return view


def others_lines(w: Speaker, run: Run, d: Debrief, stats: Any) -> list[str]:
    """How earlier players on this machine chose at the key moments (`stats`: a game.stats.Stats)."""
    view = others_view(w, run, d, stats)
    lines = [w.ui("debrief.others.title"), view.status]
    for moment in view.moments:
        lines.append(moment.line)
        lines.extend(o.line for o in moment.options)
    if view.endings_line:
        lines.append(view.endings_line)
    if view.private:
        lines.append(view.private)
    return lines


def source_line(w: Speaker, run: Run, source_id: str) -> str:
    """Outlet, date and title; a title in quotation marks only when it is the real headline."""
    src = run.scenario.sources[source_id]
    key = "debrief.source_label" if src.label else "debrief.source"
    return w.ui(key, outlet=src.outlet, date=src.date, title=src.title)


def verdict_texts(w: Speaker, run: Run, v: Verdict) -> dict[str, str]:
    """A verdict as the debrief says it: its word (real, partly real, invented), what the game
    said, what reporting found, the source, and for a claim with a known origin where it came from."""
    g = v.group
    out = {"verdict": w.ui(f"debrief.verdict.{g.verdict.value}"),
           "claim": w.framing("claim", text=w.s(f"verdict.{g.id}.claim")),
           "found": w.framing("fact", text=w.s(f"verdict.{g.id}.text")),
           "source": source_line(w, run, g.source),
           "met": w.ui("debrief.verdict.met") if v.met else ""}
    if g.origin:
        out["origin"] = w.ui("debrief.verdict.origin", source=source_line(w, run, g.origin))
    if g.seed:
        out["seed"] = w.ui("debrief.verdict.seed", seed=w.s(f"seed.{g.seed}"))
    return out


def verdict_lines(w: Speaker, run: Run) -> list[str]:
    """Rule by rule: each group's verdict, those the player's week met first."""
    found = verdicts(run)
    if not found:
        return []
    lines = [w.ui("debrief.verdicts.title"), w.ui("debrief.verdicts.intro")]
    for v in found:
        t = verdict_texts(w, run, v)
        head = f"[{t['verdict']}]" + (f" ({t['met']})" if t["met"] else "")
        lines += ["", head, t["claim"], t["found"], t["source"], run.scenario.sources[v.group.source].url]
        lines += [t[k] for k in ("origin", "seed") if k in t]
    return lines


def _source_lines(w: Speaker, run: Run, source_id: str, origin: Optional[str] = None) -> list[str]:
    lines = [source_line(w, run, source_id), run.scenario.sources[source_id].url]
    if origin:  # where the claim came from: cited as its origin, never as evidence
        lines.append(w.ui("debrief.verdict.origin", source=source_line(w, run, origin)))
    return lines


def card_texts(w: Speaker, kind: str, card: Card) -> tuple[str, str]:
    """A myth card's claim and fact, or a home card's title and text, as the debrief says them."""
    if kind == "myths":
        return (w.framing("claim", text=w.s(f"myth.{card.id}.claim")),
                w.framing("fact", text=w.s(f"myth.{card.id}.fact")))
    return w.s(f"home.{card.id}.title"), w.s(f"home.{card.id}.text")


def myth_lines(w: Speaker, run: Run) -> list[str]:
    cards = run.scenario.debrief.myths
    if not cards:
        return []
    lines = [w.ui("debrief.myths.title")]
    for card in cards:
        lines.extend(card_texts(w, "myths", card))
        lines.extend(_source_lines(w, run, card.source, card.origin))
        lines.append("")
    return lines[:-1]


def home_lines(w: Speaker, run: Run, region: str = "") -> list[str]:
    cards = home_cards(run.scenario, region) if region else list(run.scenario.debrief.home)
    if not cards:
        return []
    lines = [w.ui("debrief.home.title")]
    for card in cards:
        lines.extend(card_texts(w, "home", card))
        lines.extend(_source_lines(w, run, card.source))
        lines.append("")
    return lines[:-1]


def question_lines(w: Speaker, run: Run) -> list[str]:
    questions = run.scenario.debrief.questions
    if not questions:
        return []
    return [w.ui("debrief.questions.title")] + [
        w.ui("debrief.question.line", n=i, text=w.s(q)) for i, q in enumerate(questions, 1)]


def debrief_lines(w: Speaker, run: Run, d: Optional[Debrief] = None, stats: Any = None,
                  with_others: bool = True, region: str = "") -> list[str]:
    """The whole debrief, sections separated by an empty line."""
    d = d or analyze(run)
    sections = [feelings_lines(w, run), week_lines(w, run), steering_lines(w, run, d)]
    if with_others:
        sections.append(others_lines(w, run, d, stats))
    sections += [verdict_lines(w, run), myth_lines(w, run), home_lines(w, run, region), question_lines(w, run)]
    lines = [w.ui("debrief.title"), ""]
    for section in sections:
        if section:
            lines.extend(section)
            lines.append("")
    return lines
