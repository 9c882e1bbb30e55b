"""The pygame front-end: the main loop, the screen stack and the error guard, over a play session.

The title is drawn first; the scenario (and the engine) load behind it in a thread. The loop
draws only when something changed (dirty flag or a running animation), so an idle screen costs
almost no CPU. Every frame is guarded: an error is logged to stderr and the game returns to the
title (never a traceback on screen).

The week itself is the play session's (game/session/play.py): the app passes on what the player
chose and shows the screens that follow (navigate.py). Screens see the app only as the narrow
context of context.py.
"""
from __future__ import annotations

import contextlib
import os
import sys
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
warnings.filterwarnings("ignore", message="no fast renderer available")

from ..session import strings  # noqa: E402

# Read the UI strings while pygame loads: the title needs them for its first frame.
_strings = threading.Thread(target=strings.catalogue, name="scored-strings", daemon=True)
_strings.start()

import pygame  # noqa: E402

from ..paths import data_dir  # noqa: E402
from ..session.settings import Settings, load_settings, save_settings  # noqa: E402
from . import display, look, loop, navigate, startup, week  # noqa: E402
from .loading import ScenarioLoader  # noqa: E402
from .ui.layers import Layers  # noqa: E402
from .ui.sound import Sound  # noqa: E402
from .voice import Voice  # noqa: E402
from .watchdog import Watchdog  # noqa: E402

if TYPE_CHECKING:  # the rest is imported where first used, after the title's first frame
    from ..engine.model import Person, Scenario
    from ..engine.run import Run
    from ..session.play import PlaySession
    from ..session.stats import Stats
    from ..session.words import Words
    from .autoplay import Autoplayer
    from .screens.base import Screen
    from .ui.hud import Hud
    from .ui.theme import Layout


class App:
    def __init__(self, args: Any, scenario_path: Path, *, persist: bool = True):
        self.args = args
        self.kiosk = bool(getattr(args, "kiosk", False))
        self.autoplay_name: Optional[str] = getattr(args, "autoplay", None)
        self.persist = persist and not self.kiosk and not self.autoplay_name
        self.settings: Settings = load_settings() if persist and not self.kiosk else Settings()
        if getattr(args, "lang", None):
            self.settings.lang = args.lang
        if getattr(args, "transparent", False):
            self.settings.transparent = True
        if getattr(args, "region", None):
            self.settings.region = args.region
        self.operator: Any = None          # the kiosk operator's config (kiosk.configure)
        self.kiosk_defaults: Optional[Settings] = None  # the settings each kiosk visit starts with
        self.short_debrief = True          # the kiosk's debrief: its short form
        if self.kiosk:  # the kiosk's modules (TOML, visits, PIN pad) only in the kiosk
            from .kiosk import configure
            configure(self)
        self.watchdog = Watchdog()
        self.seed_arg: Optional[int] = getattr(args, "seed", None)
        self.scenario_path = Path(scenario_path)
        self._session: Optional[PlaySession] = None
        self._preview: Optional[Run] = None
        self.loader = ScenarioLoader()  # the scenario, loaded behind the title
        self.stack: list[Screen] = []
        self.queue: list[Screen] = []
        self.now = 0.0
        self.dirty = True
        self.running = True
        self.keyboard_mode = True  # the focus shows until a pointer is used (then again at a key)
        self.layout_epoch = 0
        self.errors: list[str] = []   # the last caught errors (bounded)
        self.error_count = 0           # every error caught since the start
        self.visit_errors = 0          # errors caught in this week (a visit, in the kiosk)
        self.exit_code = 0
        self.message: Optional[str] = None
        self.last_input = 0.0
        self._hud: Optional[Hud] = None
        self._stats: Optional[Stats] = None
        self._sound = Sound()
        self.voice = Voice()
        self.voice.enabled = self.settings.speech
        self.autoplayer: Optional[Autoplayer] = None
        self.kiosk_ctl: Any = None  # kiosk.KioskController, in the kiosk only (imported there)
        self.frames = 0
        self.warm_pending = True
        self.warm_steps: Any = None   # the warm-up under way (warmup.py), a step per idle frame
        self.prefetched: Any = None
        self.layers = Layers()
        self.surface: pygame.Surface
        self.layout: Layout
        self.window_flags = 0

    # ----- what screens read -------------------------------------------------------------------
    @property
    def scenario(self) -> Optional[Scenario]:
        return self.loader.scenario

    @property
    def load_error(self) -> Optional[str]:
        return self.loader.error

    @property
    def session(self) -> PlaySession:
        """The play session of the loaded scenario (made when it has loaded)."""
        if self._session is None:
            if not self.wait_loaded():
                raise RuntimeError(f"the scenario did not load: {self.load_error}")
            assert self.scenario is not None
            from ..session.play import PlaySession
            from ..session.saves import SaveSlot
            slot = SaveSlot(data_dir(), self.scenario.id) if self.persist else None
            self._session = PlaySession(self.scenario, kiosk=self.kiosk, stats=lambda: self.stats, slot=slot,
                                        seed=self.seed_arg)
        return self._session

    @property
    def run(self) -> Optional[Run]:
        if self._preview is not None:
            return self._preview
        return self._session.run if self._session is not None else None

    @contextlib.contextmanager
    def previewing(self, run: Run) -> Iterator[Run]:
        """Show `run` instead of the week for a moment (screens drawn off screen, never played)."""
        keep, keep_dirty = self._preview, self.dirty
        self._preview = run
        try:
            yield run
        finally:
            self._preview, self.dirty = keep, keep_dirty

    @property
    def words(self) -> Words:
        assert self.scenario is not None
        from ..session.words import Words
        return Words(self.scenario, self.settings.lang, source=self)

    @property
    def hud(self) -> Hud:
        """The score's display (made on first use: the title does not need it)."""
        if self._hud is None:
            from .ui.hud import Hud
            self._hud = Hud(self)
        return self._hud

    @property
    def hud_made(self) -> Optional[Hud]:
        return self._hud

    @property
    def sound(self) -> Sound:
        return self._sound

    @property
    def stats_on(self) -> bool:
        """Anonymous play statistics are kept: the player's setting (in the kiosk always), unless
        --no-stats was given."""
        if getattr(self.args, "no_stats", False):
            return False
        return self.kiosk or bool(self.settings.stats)

    @property
    def stats(self) -> Stats:
        """The play statistics, opened on first use; a disabled one when off."""
        if self._stats is None or self._stats.enabled != self.stats_on:
            if self._stats is not None:
                self._stats.close()
            from ..session.stats import Stats  # SQLite: when first asked for
            self._stats = Stats() if self.stats_on else Stats.disabled()
            if self._session is not None:
                self._session.stats = lambda: self.stats
        return self._stats

    @property
    def lang(self) -> str:
        return self.settings.lang

    def ui(self, string_id: str, **values: Any) -> str:
        return strings.ui(string_id, self.lang, **values)

    def s(self, string_id: str) -> str:
        """A scenario string, placeholders filled from the week."""
        return self.words.s(string_id)

    def framing(self, key: str, **values: Any) -> str:
        return self.words.framing(key, **values)

    def person(self, pid: Optional[str]) -> Optional[Person]:
        return self.scenario.person(pid) if self.scenario is not None else None

    def name_of(self, pid: str) -> str:
        return self.words.name_of(pid)

    def languages_offered(self) -> dict[str, str]:
        """The languages a player may pick, code to own name (the kiosk: those its operator offers)."""
        every = strings.offered(self.scenario.languages) if self.scenario is not None else strings.languages()
        return {c: every[c] for c in self.operator.languages if c in every} if self.operator else every

    def weekday(self, day: int) -> str:
        return self.ui(f"day.{day}")

    def has_save(self) -> bool:
        return self.persist and self.scenario is not None and self.session.has_save()

    def session_debrief_available(self) -> bool:
        """A finished week's debrief this player can go back to (never in the kiosk)."""
        s = self._session
        return (not self.kiosk and s is not None and s.debrief is not None and s.run is not None
                and s.run.ended and bool(s.debrief.pages))

    def show_debrief_again(self) -> None:
        if self.session_debrief_available():
            assert self._session is not None and self._session.debrief is not None
            self.show(list(self._session.debrief.pages))

    def open_address(self, url: str) -> bool:
        """Open a cited source in the browser: at home only (never in the kiosk)."""
        if self.kiosk or self.scenario is None:
            return False
        from ..session.links import allowed_addresses, open_address
        return open_address(url, self.kiosk, allowed_addresses(self.scenario))

    def forget_panels(self) -> None:
        if self._hud is not None:
            self._hud.forget_panels()

    def say(self, text: str) -> None:
        """Read aloud, when the player asked for it (the newest text first)."""
        self.voice.say(text, self.lang)

    def autoplaying(self) -> bool:
        return self.autoplayer is not None

    # ----- the window and its look: game/window/look.py's functions, as methods ------------------
    open_window = look.open_window
    relayout = look.relayout
    layout_size = look.layout_size
    resize = look.resize
    set_fullscreen = look.set_fullscreen
    apply_look = look.apply_look
    apply_settings = look.apply_settings

    # ----- loading -------------------------------------------------------------------------------
    def start_loading(self) -> None:
        self.loader.start(self.scenario_path, then=startup.prepare_week)

    def loaded(self, scenario: Scenario) -> None:
        """Play `scenario` (already loaded: tests, and hosts that load it themselves, such as the
        command line checking --region); the title's loading then only prepares the week."""
        self.loader.scenario = scenario
        self._session = None

    def wait_loaded(self) -> bool:
        return self.loader.wait() is not None

    @property
    def loading(self) -> bool:
        """The scenario, and what starting the week needs, are still being loaded."""
        return self.loader.busy

    # ----- the stack -----------------------------------------------------------------------------
    @property
    def top(self) -> Optional[Screen]:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen) -> None:
        if self.top is not None:
            self.top.on_leave()
        self.stack.append(screen)
        screen.on_enter()
        self.dirty = True

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop().on_leave()
            if self.top is not None:
                self.top.on_enter()
        self.dirty = True

    def show(self, screens: list[Screen]) -> None:
        """Show the first of `screens`; `advance()` moves on to the next."""
        for old in reversed(self.stack):
            old.on_leave()
        self.stack = [screens[0]]
        self.queue = list(screens[1:])
        screens[0].on_enter()
        self.dirty = True

    def advance(self) -> None:
        if self.queue:
            self.show(self.queue)
        else:
            self.to_title()

    def to_title(self, message: Optional[str] = None) -> None:
        if self.kiosk and self._session is not None:
            self._session.forget_week()  # a new visitor starts from nothing
        if self.kiosk_ctl is not None:
            self.kiosk_ctl.visit_over()  # every setting back to the operator's defaults
        if message:
            self.message = message
        self.show(navigate.title(self))

    def show_intro(self) -> None:
        self.show(navigate.week_start(self))

    def begin_week(self, screens: Optional[list[Screen]] = None) -> None:
        """After the intro: the check's questions (not in the kiosk), then the first scene."""
        self.show(screens or navigate.before_week(self))

    def open_pause(self) -> None:
        if getattr(self.top, "name", "") != "pause":
            self.push(navigate.pause(self))

    def open_settings(self) -> None:
        self.push(navigate.settings(self))

    def quit(self) -> None:
        self.running = False

    # ----- the week: the session decides, game/window/week.py shows (functions, as methods) -------
    new_week = week.new_week
    resume = week.resume
    choose = week.choose        # a choice, then the day summaries, the next scene or the ending
    undo = week.undo
    say_save_problem = week.say_save_problem

    # ----- autoplay ------------------------------------------------------------------------------
    def start_autoplay(self, policy: str, seed: int, *, loop: bool) -> None:
        from .autoplay import Autoplayer
        self.autoplayer = Autoplayer(self, policy, seed, None, fast=False, loop=loop)

    def stop_autoplay(self) -> None:
        self.autoplayer = None

    # ----- the loop: game/window/loop.py's functions, as methods ----------------------------------
    dispatch = loop.dispatch  # one event to the top screen
    frame = loop.frame        # events, updates and a redraw when needed; True when it drew
    draw = loop.draw
    fail = loop.fail          # an error caught: log it, back to the title
    idle_work = loop.idle_work  # work for the time the player reads; True if there was some
    loop = loop.run           # until the player quits; the exit code

    # ----- start-up: game/window/startup.py ------------------------------------------------------
    def boot(self) -> None:
        """The title at once; the rest behind it."""
        startup.boot(self, _strings.join)

    def close(self) -> None:
        self.watchdog.stopping()
        if self.kiosk_ctl is not None:
            self.kiosk_ctl.close()
        if self._stats is not None:
            self._stats.close()
        if self.persist:
            save_settings(self.settings)  # the window's size, remembered for next time


def main(args: Any, scenario_path: Path, scenario: Optional[Scenario] = None) -> int:
    problem = display.ce_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if getattr(args, "screenshots", None) and getattr(args, "autoplay", None):
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # screenshots need no screen
    problem = display.display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    app = App(args, scenario_path)
    if scenario is not None:
        app.loaded(scenario)
    try:
        app.boot()
        code = app.loop()
    except KeyboardInterrupt:
        code = 130
    finally:
        app.close()
        pygame.quit()
    if app.load_error and app.scenario is None:
        return 1
    return code
