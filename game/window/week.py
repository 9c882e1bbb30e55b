"""What the window does as the week moves on: the play session decides (a new week, a resumed
one, a choice, an undo), and these show the screens that follow and keep the score's display in
step. Bound to the App as its methods."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional

from . import navigate

if TYPE_CHECKING:
    from .context import AppContext


def new_week(app: "AppContext", seed: Optional[int] = None) -> None:
    if not app.wait_loaded():
        app.message = app.load_error
        app.dirty = True
        return
    run = app.session.new_week(seed)
    app.visit_errors = 0
    app.hud.reset(run)
    app.message = None
    app.show(navigate.week_start(app))
    say_save_problem(app)


def resume(app: "AppContext") -> None:
    if not app.wait_loaded():
        app.message = app.load_error
        return
    run, problem = app.session.resume()
    if run is None:
        # the engine's sentence (English) goes to the log; the player reads it in their language
        if problem:
            print(f"scored: {problem}", file=sys.stderr)
        app.to_title(app.ui("msg.broken_save") if problem else None)
        return
    app.hud.reset(run)
    app.message = None
    app.show(navigate.where_the_week_stands(app))


def choose(app: "AppContext", choice_id: str) -> None:
    """Take a choice, then show the day's summaries, the next scene or the ending."""
    run = app.run
    if run is None or run.ended:
        return
    step = app.session.choose(choice_id)
    app.hud.on_outcome(step.outcome, app.session.run)
    app.show(navigate.after_choice(app, step, step.outcome.result))
    say_save_problem(app)


def undo(app: "AppContext") -> None:
    if app.session.undo():
        run = app.session.run
        assert run is not None
        app.hud.reset(run)
        app.show(navigate.where_the_week_stands(app))


def say_save_problem(app: "AppContext") -> None:
    """Tell the player once that the week cannot be saved (the game goes on)."""
    if app.session.save_notice_due():
        print(f"scored: could not save: {app.session.save_problem}", file=sys.stderr)
        app.hud.notice(app.ui("msg.save_failed"))
