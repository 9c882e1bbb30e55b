"""Which screens follow which: the window's side of the week's flow. The play session decides
what happens; this only turns it into screens. Screens never import this (nor the app): they ask
their context, which calls here."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .screens.title import TitleScreen

if TYPE_CHECKING:
    from ..session.play import Step
    from .context import ScreenContext
    from .screens.base import Screen

# The screens after the title are imported when first shown: the title's first frame waits for
# nothing it does not draw.


def title(ctx: "ScreenContext") -> list["Screen"]:
    return [TitleScreen(ctx)]


def week_start(ctx: "ScreenContext") -> list["Screen"]:
    from .screens.intro import IntroScreen
    intro = intro_ahead(ctx) or IntroScreen(ctx)
    intro.make_coming = lambda: before_week(ctx)  # made while the intro is read
    return [intro]


def intro_ahead(ctx: "ScreenContext") -> Optional["Screen"]:
    """The intro the title laid out and drew while it was read, if it shows this week: the one
    thing of the week it reads is the score it starts at."""
    title = ctx.stack[0] if ctx.stack else None
    ahead = title.intro_ahead if isinstance(title, TitleScreen) else None
    if ahead is None or ahead[0] is None or ctx.run is None or ahead[1] != ctx.run.score:
        return None
    title.intro_ahead = None
    return ahead[0]


def where_the_week_stands(ctx: "ScreenContext") -> list["Screen"]:
    """The current scene, or the ending once the week is over (after a resume or an undo)."""
    from .screens.ending import EndingScreen
    from .screens.scene import SceneScreen
    run = ctx.run
    if run is not None and run.ended:
        return [EndingScreen(ctx)]
    return [SceneScreen(ctx)]


def after_choice(ctx: "ScreenContext", step: "Step", result: Optional[str]) -> list["Screen"]:
    """The day summaries the choice closed, then the next scene or the ending; the choice's
    result is said on the first of them."""
    from .screens.day_end import DayEndScreen
    from .screens.ending import EndingScreen
    from .screens.scene import SceneScreen
    screens: list["Screen"] = [DayEndScreen(ctx, day) for day in step.days]
    screens.append(EndingScreen(ctx) if step.ended else SceneScreen(ctx))
    if result:
        screens[0].result = result
    return screens


class QuizDeck:
    """The check before the week: its pages, then the week's first scene."""

    def __init__(self, run):
        self.run = run
        self.pages: list = []


def before_week(ctx: "ScreenContext") -> list["Screen"]:
    """The screens after the intro: the check's questions (the kiosk asks its two), then the first
    scene."""
    from .screens.quiz import QuizScreen
    from .screens.scene import SceneScreen
    quiz = ctx.session.check
    if not quiz:
        return [SceneScreen(ctx)]
    deck = QuizDeck(ctx.run)
    deck.pages = [QuizScreen(ctx, deck, "before", i) for i in range(len(quiz))] + [SceneScreen(ctx)]
    return deck.pages


def pause(ctx: "ScreenContext") -> "Screen":
    """The pause: the one drawn ahead while the screen on top was read, if what it shows is
    still what that screen shows."""
    from .screens.pause import PauseScreen
    top = ctx.stack[-1] if ctx.stack else None
    ready = top.pause_ahead if top is not None else None
    if top is not None and ready is not None:
        top.pause_ahead = None  # a pause opened again starts afresh
        if ready[1] == PauseScreen.seen_under(ctx):
            return ready[0]
    return PauseScreen(ctx)


def settings(ctx: "ScreenContext") -> "Screen":
    """The settings: the ones laid out while the screen on top was read, if they still show the
    settings as they are."""
    from .screens.settings import SettingsScreen
    top = ctx.stack[-1] if ctx.stack else None
    ready = top.settings_ahead if top is not None else None
    if top is not None and ready is not None:
        top.settings_ahead = None  # opened again, they start afresh
        if ready[1] == ctx.settings:
            return ready[0]
    return SettingsScreen(ctx)
