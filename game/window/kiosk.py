"""The museum kiosk between visitors: the attract loop on the idle title, the idle countdown back to
the title, a clean start for every visitor, the operator's way out, and the visit counts.

- The operator's config (game/session/operator.py) sets the timers, the languages offered and the
  settings every visit starts with. When a visit ends (the countdown, the debrief's last page, the
  pause menu's Start over, an error) and when the attract loop starts, every setting a visitor may
  change returns to those defaults.
- One touch on the attract loop starts a visit: in the language whose button was touched, else in
  the default language.
- A visitor cannot leave: the window's close button, Alt+F4 and the quit keys do nothing. The
  operator presses Ctrl+Alt+Shift+Q and types the config's exit PIN on the PIN pad; without a PIN
  the chord does nothing, and only stopping the service ends the game (SIGTERM: a clean exit).
- Visits are counted by day and language only (game/session/visits.py).

No saves and no settings are written in kiosk mode (App.persist is False), and no personal data
is kept: a new visitor starts from the title with a fresh run.
"""
from __future__ import annotations

import gc
import os
import random
import signal
import sys
import threading
from typing import TYPE_CHECKING, Any, Optional

import pygame

from ..session import operator
from ..session.operator import OperatorConfig
from ..session.settings import FIELDS
from ..session.visits import VisitCounter, Visits
from . import allocator, display, kiosk_views
from .screens.pin_pad import PinPadScreen
from .ui import draw

if TYPE_CHECKING:
    from .context import AppContext

ATTRACT_AFTER = 25.0   # seconds idle on the title before the game plays itself (the config's default)
IDLE_WARN = 60.0       # seconds idle in a week before the countdown shows
COUNTDOWN = 15.0       # seconds of countdown before the reset
PIN_IDLE = 30.0        # seconds untouched before the PIN pad closes by itself
STRIKES = 3            # wrong PINs in a row before the chord is ignored for a while
LOCKOUT = 300.0        # seconds the chord is ignored after that
CHORD = pygame.KMOD_CTRL, pygame.KMOD_ALT, pygame.KMOD_SHIFT
SIZES = {"landscape": display.KIOSK_SIZE, "portrait": display.KIOSK_SIZE[::-1]}


def window_size(orientation: str) -> tuple[int, int]:
    """The kiosk's window (scaled to the screen): 1920x1080 or 1080x1920; `auto` by the screen's shape."""
    if orientation in SIZES:
        return SIZES[orientation]
    desktop = display.desktop_size() if pygame.display.get_init() else None
    portrait = desktop is not None and desktop[1] > desktop[0]
    return SIZES["portrait" if portrait else "landscape"]


def configure(app: "AppContext") -> None:
    """Read the operator's config (its problems in one sentence on stderr): the settings each visit
    starts with (the command line's --lang, --transparent and --region on top), the window's size;
    large blocks of memory in mappings of their own (game/window/allocator.py)."""
    args = app.args
    config, problem = operator.load(getattr(args, "operator_config", None))
    if problem:
        print(problem, file=sys.stderr)
    defaults = config.settings()
    if getattr(args, "lang", None):
        defaults.lang = args.lang
    if getattr(args, "transparent", False):
        defaults.transparent = True
    if getattr(args, "region", None):
        defaults.region = args.region
    app.operator = config
    app.kiosk_defaults = defaults
    app.settings = defaults.copy()
    app.short_debrief = config.debrief == "short"
    if not getattr(args, "size", None):
        args.size = window_size(config.orientation)
    os.environ.setdefault("SDL_WINDOWS_NO_CLOSE_ON_ALT_F4", "1")
    allocator.keep_large_blocks_mapped()  # months of screens made and freed must not grow the heap


def is_exit_chord(ev: Any) -> bool:
    return ev.type == pygame.KEYDOWN and ev.key == pygame.K_q and all(ev.mod & m for m in CHORD)


def is_quit_key(ev: Any) -> bool:
    """Alt+F4 and Ctrl+Q / Ctrl+W / Cmd+Q: ways out elsewhere, nothing in the kiosk."""
    if ev.type != pygame.KEYDOWN:
        return False
    if ev.key == pygame.K_F4 and ev.mod & pygame.KMOD_ALT:
        return True
    return ev.key in (pygame.K_q, pygame.K_w) and bool(ev.mod & (pygame.KMOD_CTRL | pygame.KMOD_META))


class KioskController:
    def __init__(self, app: "AppContext"):
        self.app = app
        self.config: OperatorConfig = getattr(app, "operator", None) or OperatorConfig()
        self.attract_after = float(self.config.attract_after_seconds)
        self.idle_warn = float(self.config.idle_seconds)
        self.countdown = float(self.config.countdown_seconds)
        self.attract = False
        self.shown_left: Optional[int] = None
        self.collect_due = False  # a full collection waits for the title (see tick)
        self.strikes = 0
        self.locked_until = float("-inf")
        self.visit = VisitCounter(None)
        self.visit_run: Any = None
        self._store_opened = False
        self._old_sigterm: Any = None

    # ----- start and stop --------------------------------------------------------------------
    def start(self) -> None:
        """Stopping the service (SIGTERM) ends the game cleanly: with the close button ignored,
        SDL's own handler (a quit event) would no longer do it."""
        if threading.current_thread() is threading.main_thread():
            self._old_sigterm = signal.signal(signal.SIGTERM, lambda *_: self.app.quit())

    def close(self) -> None:
        """The game stops: a visit under way is over; the counts are closed."""
        self.visit.end()
        if self.visit.store is not None:
            self.visit.store.close()
            self.visit.store = None
        if self._old_sigterm is not None:
            signal.signal(signal.SIGTERM, self._old_sigterm)
            self._old_sigterm = None

    # ----- input ------------------------------------------------------------------------------
    def input(self, ev: Any) -> bool:
        """A visitor touched the screen or pressed a key. True: swallow the event."""
        app = self.app
        if is_exit_chord(ev):
            self.exit_chord()
            return True
        if is_quit_key(ev):
            return True
        if ev.type == pygame.MOUSEBUTTONDOWN and getattr(ev, "touch", False):
            return self.attract  # SDL's copy of a touch: the finger event counts
        if self.attract:
            self.begin_visit(self.language_tapped(ev))
            return True
        app.dirty = True
        return app.run is not None and self.idle() >= self.idle_warn  # dismisses the countdown

    def language_tapped(self, ev: Any) -> Optional[str]:
        size = self.app.surface.get_size()
        if ev.type == pygame.FINGERDOWN:
            pos = (int(ev.x * size[0]), int(ev.y * size[1]))
        elif ev.type == pygame.MOUSEBUTTONDOWN:
            pos = ev.pos
        else:
            return None
        return kiosk_views.language_at(self.app, size, pos)

    # ----- visits -----------------------------------------------------------------------------
    def begin_visit(self, lang: Optional[str] = None) -> None:
        """One touch on the attract loop: the demo stops and a week begins, in `lang` or the default."""
        app = self.app
        self.attract = False
        app.stop_autoplay()
        self.reset_settings(lang)
        app.last_input = app.now
        app.new_week()

    def visit_over(self) -> None:
        """Back on the title: the visit ends and the next visitor starts clean."""
        self.visit.end()
        self.visit_run = None
        self.shown_left = None
        self.reset_settings()
        self.collect_due = True  # the visit's screens, once the title replaces them (see tick)

    def reset_settings(self, lang: Optional[str] = None) -> None:
        """Every setting back to the operator's defaults (in `lang` when given)."""
        app = self.app
        defaults = getattr(app, "kiosk_defaults", None)
        if defaults is None:
            return
        fresh = defaults.copy(lang=lang or defaults.lang)
        if fresh == app.settings:
            return
        for name in FIELDS:
            setattr(app.settings, name, getattr(fresh, name))
        app.apply_settings()

    def follow_visit(self) -> None:
        """Count what the visit reached: started, the week's ending, the debrief's last page."""
        app = self.app
        run = app.run
        if run is None or app.autoplaying():
            return
        if run is not self.visit_run:
            self.visit_run = run
            self._open_store()
            self.visit.begin(app.lang)
        if run.ended:
            self.visit.finish()
            pages = getattr(app.session.debrief, "pages", None)
            if pages and app.top is pages[-1]:
                self.visit.debrief_read()
        store = self.visit.store
        if store is not None and store.notice:
            print(store.notice, file=sys.stderr)
            store.notice = None

    def _open_store(self) -> None:
        if self._store_opened:
            return
        self._store_opened = True
        if not getattr(self.app.args, "no_stats", False):
            self.visit.store = Visits()

    # ----- the operator's way out ---------------------------------------------------------------
    def exit_chord(self) -> None:
        app = self.app
        if not self.config.can_exit:
            print("scored: the exit chord does nothing: no exit_pin in the kiosk settings", file=sys.stderr)
            return
        if app.now < self.locked_until:
            print("scored: the exit chord is ignored for a while after wrong PINs", file=sys.stderr)
            return
        if isinstance(app.top, PinPadScreen):
            return
        if self.attract:
            self.attract = False
            app.stop_autoplay()
            app.to_title()
        app.push(PinPadScreen(app, self.check_pin))

    def check_pin(self, entered: str) -> None:
        app = self.app
        if self.config.pin_matches(entered):
            print("scored: the operator left the kiosk (exit PIN)", file=sys.stderr)
            app.quit()
            return
        self.strikes += 1
        print("scored: a wrong exit PIN was typed", file=sys.stderr)
        if self.strikes >= STRIKES:
            self.strikes = 0
            self.locked_until = app.now + LOCKOUT
        if isinstance(app.top, PinPadScreen):
            app.pop()  # back to where it was

    # ----- timers -----------------------------------------------------------------------------
    def idle(self) -> float:
        return self.app.now - self.app.last_input

    def seconds_left(self) -> Optional[int]:
        """The countdown's number while it shows, else None."""
        idle = self.idle()
        if self.attract or self.app.run is None or idle < self.idle_warn:
            return None
        return max(0, int(self.idle_warn + self.countdown - idle + 0.999))

    def start_attract(self) -> None:
        app = self.app
        if app.scenario is None:
            return
        self.reset_settings()
        self.attract = True
        app.start_autoplay("random", random.randrange(1_000_000), loop=True)

    def tick(self) -> bool:
        """Timers; True when the countdown's number changed (it is drawn again)."""
        app = self.app
        self.follow_visit()
        if self.collect_due and getattr(app.top, "name", "") == "title":
            # a screen and its buttons' actions refer to each other, so the visit's screens (their
            # pages, charts and QR codes: megabytes) wait for a full collection: made now, between
            # visitors, rather than whenever the collector gets to it
            self.collect_due = False
            gc.collect()
            draw.release_large()  # and the cached window-sized surfaces: the kiosk's memory stays level
            app.layers.release_above(len(app.stack) - 1)  # and the layers of the menus the visitor opened
        if self.attract:
            if not app.autoplaying():  # the demo week ended: back on the title, go again
                self.attract = False
                app.last_input = app.now - self.attract_after + 5.0
            return False
        top = app.top
        if isinstance(top, PinPadScreen) and self.idle() >= min(PIN_IDLE, self.idle_warn):
            app.pop()
            return True
        if getattr(top, "name", "") == "title" and len(app.stack) == 1:
            if self.idle() >= self.attract_after:
                self.start_attract()
            return False
        if self.idle() >= self.idle_warn + self.countdown:
            app.to_title()
            app.last_input = app.now
            return True
        left = self.seconds_left()
        changed = left != self.shown_left
        self.shown_left = left
        return changed

    def draw(self, surf: pygame.Surface) -> None:
        if self.attract:
            kiosk_views.draw_band(self.app, surf)
            return
        left = self.seconds_left()
        if left is not None:
            kiosk_views.draw_countdown(self.app, surf, left, self.countdown)
