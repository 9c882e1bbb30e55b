"""The debrief: the screens shown after the ending, in the order of the brief.

At home: how did that feel → your week (chart and ledger) → how the system steered you (with
each friend's fate) → what if? (the counterfactuals) → how others chose → rule by rule: what was
real (every rule, privilege and sanction the week staged, those met first) → real or not (one
myth card per page) → closer to home (one card per page, for the player's region) → the quick
check again, then before and after → questions to discuss (with the summary card's export).

In the kiosk (a 5–8 minute visit, the short week included): how did that feel → your week → how
the system steered you with the one counterfactual that changed most → what was real of what the
visit met → the first three myth cards → the first home card → the two-question check again and
before and after. No statistics page, no export; the idle countdown that every kiosk screen has
applies here too.

The week is recorded in the play statistics once, when the debrief starts (see
game/debrief_session.py); the pages share that session.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from ...session.debrief import DebriefSession
from ...session.truth import home_cards, region_for, verdicts

if TYPE_CHECKING:
    from ..context import ScreenContext
    from .base import Screen

KIOSK_MYTHS = 3
KIOSK_HOME = 1


def prepare_analysis(app: "ScreenContext") -> bool:
    """Analyse the finished week ahead of its debrief, and load the pages' modules; True if it did."""
    from . import debrief_cards, debrief_questions, quiz  # noqa: F401  (segno and the rest, loaded now)
    return app.session.analyse_ahead()


def warm_first_page(ending: "Screen") -> bool:
    """While the ending is read: the debrief's first page drawn once off screen, so that its words,
    cards and buttons are cached when the player moves on. A stand-in holds the page's one piece
    of state: the debrief itself (and the week's record) starts only then. True if it drew."""
    from types import SimpleNamespace

    from .debrief_feeling import FeelingScreen
    app = ending.app
    run = app.run
    if run is None or not run.ended or not run.scenario.debrief.feelings:
        return False
    ending.draw_off_screen(FeelingScreen(app, SimpleNamespace(run=run, feeling=None, pages=[])))
    return True


def start_session(app: "ScreenContext", run: Any) -> DebriefSession:
    """The debrief's session for the week's `run`, made (and the week recorded) once."""
    session = app.session
    if session.run is not run:
        raise ValueError("the debrief is of the session's week")
    known = session.debrief
    s = session.start_debrief(record=not app.autoplaying())  # a week the game played by itself is no player's
    if s is not known:
        if s.notice is not None:
            print(f"scored: {s.notice.text('en')}", file=sys.stderr)
        s.pages = build_pages(app, s)
    return s


def build_pages(app: "ScreenContext", s: DebriefSession) -> list["Screen"]:
    from .debrief_cards import CardScreen
    from .debrief_feeling import FeelingScreen
    from .debrief_others import OthersScreen
    from .debrief_questions import QuestionsScreen
    from .debrief_steering import SteeringScreen
    from .debrief_truth import TruthScreen
    from .debrief_whatif import WhatIfScreen
    from .quiz import QuizResultScreen, QuizScreen
    from .week_chart import WeekChartScreen
    run, sc, kiosk = s.run, s.run.scenario, app.kiosk and app.short_debrief  # full: every page, as at home
    material = sc.debrief
    pages: list = []
    if material.feelings:
        pages.append(FeelingScreen(app, s))
    pages.append(WeekChartScreen(app, run, s))
    pages.append(SteeringScreen(app, s, with_counterfactual=kiosk))
    if not kiosk:
        pages.append(WhatIfScreen(app, s))
        pages.append(OthersScreen(app, s))
    if material.verdicts and (not kiosk or any(v.met for v in verdicts(run))):
        pages.append(TruthScreen(app, s))
    region = region_for(sc, app.settings.region, app.lang)
    for kind, limit in (("myths", KIOSK_MYTHS), ("home", KIOSK_HOME)):
        cards = list(material.myths) if kind == "myths" else home_cards(sc, region)
        if kiosk:
            cards = cards[:limit]
        pages += [CardScreen(app, s, kind, card, i + 1, len(cards)) for i, card in enumerate(cards)]
    quiz = s.quiz  # the kiosk's check is its two short questions
    pages += [QuizScreen(app, s, "after", i) for i in range(len(quiz))]
    if quiz:
        pages.append(QuizResultScreen(app, s))
    if not kiosk:
        pages.append(QuestionsScreen(app, s))
    return pages


def debrief_screens(app: "ScreenContext", run: Any) -> "list[Screen]":
    """The screens after the ending, first to last."""
    return list(start_session(app, run).pages)
