"""Work done while the player reads, so that the next screen's first frame costs little: the
intro and the first scene drawn off screen while the title waits (then the intro drawn ahead, to
be shown as it is), and the scenes that may come next drawn while a scene is read. Each is an
optimisation only: an error skips it."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Callable, Iterator

import pygame

from ..engine.run import start
from ..session.play import Step
from . import navigate
from .screens.intro import IntroScreen
from .screens.pause import PauseScreen
from .screens.play import PlayScreen
from .screens.scene import SceneScreen
from .screens.settings import SettingsScreen
from .screens.title import TitleScreen
from .ui.portrait import portrait

if TYPE_CHECKING:
    from .context import AppContext

PORTRAIT_SIZES = (92, 64, 48, 40, 44, 84)  # speakers, feed, day's end, ending


def spare_layer(app: "AppContext") -> pygame.Surface:
    """The still layer one above the top screen (the pause's, the settings'), to draw off screen
    without allocating a full-window surface each time; marked to be redrawn when next shown."""
    return app.layers.spare(len(app.stack), app.surface.get_size(), app.surface)


def warm_up(app: "AppContext") -> bool:
    """While the title sits idle, draw the intro, the first scene, one scene of each kind, the
    pause and the settings off screen once (shapes, portraits and fonts get cached), one at a
    time: a player who presses Play meanwhile waits for one screen at most. True if it ran."""
    if not app.warm_pending or app.scenario is None or not isinstance(app.top, TitleScreen):
        return False
    if app.warm_steps is None:
        app.warm_steps = _steps(app)
    try:
        next(app.warm_steps)
    except StopIteration:
        app.warm_pending, app.warm_steps = False, None
    except Exception as exc:  # warming is an optimisation only
        print(f"scored: warm-up skipped ({exc})", file=sys.stderr)
        app.warm_pending, app.warm_steps = False, None
    return True


def _steps(app: "AppContext") -> Iterator[None]:
    """The warm-up, one screen (or one person's portraits) per step."""
    sc = app.scenario
    assert sc is not None
    run = start(sc, 0, kiosk=app.kiosk)
    makers: list[Callable[[], Any]] = [lambda: IntroScreen(app), lambda: SceneScreen(app),
                                       lambda: PauseScreen(app), lambda: SettingsScreen(app)]
    kinds = {run.scene.kind}
    for scene in sc.scenes.values():  # one scene of each kind (feed, gate...)
        if scene.kind not in kinds:
            kinds.add(scene.kind)
            makers.append(lambda scene=scene: SceneScreen(app, scene=scene, choices=list(scene.choices)))
    for make in makers:
        with app.previewing(run):  # only for this step: between steps the title is the title
            off = spare_layer(app)
            scr = make()
            scr.ensure_layout()
            scr.draw_static(off)
            scr.draw_dynamic(off)
        yield
    L = app.layout
    people = [(p, True) for p in sc.friends.values()] + [(p, False) for p in sc.characters.values()]
    for person, friend in people:
        for size in PORTRAIT_SIZES:
            portrait(person.portrait, L.px(size))
        if friend:
            for status in ("muted", "unfriended"):
                for size in (48, 44, 84):
                    portrait(person.portrait, L.px(size), status)
        yield


def prefetch(app: "AppContext") -> bool:
    """Draw what each choice of this scene leads to off screen once, exactly as it will be shown
    (the choice taken on a copy of the week: its result, the days it closes, the next scene or the
    ending) with the notices each will show, the settings, and the pause drawn ahead; the caches
    keep their text, portraits and cards.
    Runs once per scene; True if it ran."""
    run = app.run
    if run is None or run.ended or app.scenario is None or not isinstance(app.top, SceneScreen):
        return False
    key = (id(run), run.step)
    if app.prefetched == key:
        return False
    app.prefetched = key
    keep_dirty = app.dirty
    scene = app.top
    try:
        for choice in run.choices()[:4]:
            week = run.fork()
            outcome = week.choose(choice.id)
            step = Step(outcome, list(outcome.days), week.ended)
            with app.previewing(week):
                for screen in navigate.after_choice(app, step, outcome.result)[:2]:
                    scene.draw_off_screen(screen)
                    if isinstance(screen, PlayScreen):
                        screen.prepare_notices(outcome)
        # the menu may be opened from here: laid out now, and kept; drawn after the screens above so
        # that theirs do not push its window-sized card out of the cache of large surfaces
        settings = SettingsScreen(app)
        scene.draw_off_screen(settings)
        scene.settings_ahead = (settings, app.settings.copy())
        pause_ahead(app)  # last: it keeps what it draws
    except Exception as exc:  # prefetching is an optimisation only
        print(f"scored: prefetch skipped ({exc})", file=sys.stderr)
    finally:
        app.dirty = keep_dirty
    return True


def intro_ahead(app: "AppContext") -> bool:
    """While the title is read, once its warm-up is done: the intro a new week opens with, laid
    out on a week not yet played and its still layer drawn ahead (navigate.intro_ahead shows it
    if the new week starts at the same score). True if it drew."""
    title = app.top
    if app.warm_pending or app.scenario is None or not isinstance(title, TitleScreen) or \
            title.intro_ahead is not None or len(app.stack) > 1:
        return False
    try:
        with app.previewing(start(app.scenario, 0, kiosk=app.kiosk)) as week:
            intro = IntroScreen(app)
            title.draw_ahead(intro)
        title.intro_ahead = (intro, week.score)
    except Exception as exc:  # drawing ahead is an optimisation only
        print(f"scored: the intro not drawn ahead ({exc})", file=sys.stderr)
        title.intro_ahead = (None, None)
    return True


def pause_ahead(app: "AppContext") -> None:
    """The pause over the scene as it is now, drawn where the pause will stand: opened while the
    scene still shows the same, its first frame is a blit (navigate.pause checks)."""
    top = app.top
    if top is None:
        return
    pause = PauseScreen(app, below=top)
    top.draw_ahead(pause)
    top.pause_ahead = (pause, PauseScreen.seen_under(app))
