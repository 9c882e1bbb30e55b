"""The hook for the debrief: the screens shown after the ending, in order.

The full debrief (how did that feel, how the system steered you, how others chose, real or not,
closer to home, questions) is a separate piece of work. It plugs in here: return more screens
after WeekChartScreen. Each screen calls `app.advance()` to move on; after the last one the game
returns to the title. Every screen gets the app (settings, strings, layout) and the ended run.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..app import App
    from .base import Screen


def debrief_screens(app: "App", run) -> "list[Screen]":
    """The screens after the ending, first to last (for now: the week as a chart and ledger)."""
    from .week_chart import WeekChartScreen
    return [WeekChartScreen(app, run)]
