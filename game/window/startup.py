"""Start-up: the title on screen first, then what the week needs behind it (the scenario in a
thread, the mixer, the kiosk, autoplay). What the title does not draw is imported after its first
frame. Bound to the App as its method."""
from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Callable

from . import navigate

if TYPE_CHECKING:
    from .context import AppContext as App


def boot(app: "App", words_read: Callable[[], None]) -> None:
    """Open the window and show the title at once; load the rest behind it. `words_read` waits
    for the game's own strings, read while the window opens."""
    app.open_window()  # type: ignore[attr-defined]
    words_read()
    app.show(navigate.title(app))
    app.frame([], 0.0)  # type: ignore[attr-defined]
    if os.environ.get("SCORED_BENCH_FIRST_FRAME"):  # benchmarks/: the title is on screen
        print(f"FIRST_FRAME {time.time():.6f} {time.process_time():.6f}", flush=True)
        raise SystemExit(0)
    app.watchdog.ready("the title shows")
    app.start_loading()  # type: ignore[attr-defined]
    if app.operator is None or app.operator.sound:
        app.sound.start()
    if app.kiosk:
        from .kiosk import KioskController
        app.kiosk_ctl = KioskController(app)
        app.kiosk_ctl.start()
    if app.autoplay_name:
        from .autoplay import Autoplayer
        shots = getattr(app.args, "screenshots", None)
        fast = bool(shots) or bool(getattr(app.args, "fast", False))
        seed = app.seed_arg if app.seed_arg is not None else 0
        app.autoplayer = Autoplayer(app, app.autoplay_name, seed, shots, fast=fast)


def prepare_week() -> None:
    """In the loader's thread, once the scenario is loaded: import what starting the week needs
    (the play session, the score's display, the intro), so that Play does not wait for them."""
    from ..session import play, saves  # noqa: F401
    from .screens import intro  # noqa: F401
    from .ui import hud  # noqa: F401
