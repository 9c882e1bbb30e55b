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
import time
import traceback
import warnings
from pathlib import Path
from typing import Any, Iterator, Optional

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
warnings.filterwarnings("ignore", message="no fast renderer available")

from ..session import strings  # noqa: E402

# Read the UI strings (PyYAML) while pygame loads: the title needs them for its first frame.
_strings = threading.Thread(target=strings.catalogue, name="scored-strings", daemon=True)
_strings.start()

import pygame  # noqa: E402

from ..engine.model import Person, Scenario  # noqa: E402
from ..engine.run import Run  # noqa: E402
from ..paths import data_dir  # noqa: E402
from ..session.links import allowed_addresses, open_address  # noqa: E402
from ..session.play import PlaySession  # noqa: E402
from ..session.saves import SaveSlot  # noqa: E402
from ..session.settings import Settings, load_settings, save_settings  # noqa: E402
from ..session.stats import Stats  # noqa: E402
from ..session.words import Words  # noqa: E402
from . import display, navigate, warmup  # noqa: E402
from .autoplay import Autoplayer  # noqa: E402
from .kiosk import KioskController  # noqa: E402
from .screens.base import Screen  # noqa: E402
from .ui.hud import Hud  # noqa: E402
from .ui.layers import Layers  # noqa: E402
from .ui.sound import Sound  # noqa: E402
from .ui.theme import Layout  # noqa: E402

LOADED = pygame.event.custom_type()
INPUT_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN, pygame.KEYDOWN, pygame.MOUSEWHEEL)
MAX_ERRORS = 50  # caught errors before a (non-kiosk) game gives up


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
        self.seed_arg: Optional[int] = getattr(args, "seed", None)
        self.scenario_path = Path(scenario_path)
        self._scenario: Optional[Scenario] = None
        self._session: Optional[PlaySession] = None
        self._preview: Optional[Run] = None
        self._load_error: Optional[str] = None
        self._loader: Optional[threading.Thread] = None
        self.stack: list[Screen] = []
        self.queue: list[Screen] = []
        self.now = 0.0
        self.dirty = True
        self.running = True
        self.keyboard_mode = False
        self.layout_epoch = 0
        self.errors: list[str] = []
        self.exit_code = 0
        self.message: Optional[str] = None
        self.last_input = 0.0
        self._hud: Optional[Hud] = None
        self._stats: Optional[Stats] = None
        self._sound = Sound()
        self.autoplayer: Optional[Autoplayer] = None
        self.kiosk_ctl: Optional[KioskController] = None
        self.frames = 0
        self.warm_pending = True
        self.prefetched: Any = None
        self.layers = Layers()
        self.surface: pygame.Surface
        self.layout: Layout
        self.window_flags = 0

    # ----- what screens read -------------------------------------------------------------------
    @property
    def scenario(self) -> Optional[Scenario]:
        return self._scenario

    @property
    def load_error(self) -> Optional[str]:
        return self._load_error

    @property
    def session(self) -> PlaySession:
        """The play session of the loaded scenario (made when it has loaded)."""
        if self._session is None:
            if not self.wait_loaded():
                raise RuntimeError(f"the scenario did not load: {self._load_error}")
            assert self._scenario is not None
            slot = SaveSlot(data_dir(), self._scenario.id) if self.persist else None
            self._session = PlaySession(self._scenario, kiosk=self.kiosk, stats=lambda: self.stats, slot=slot,
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
        assert self._scenario is not None
        return Words(self._scenario, self.settings.lang, source=self)

    @property
    def hud(self) -> Hud:
        """The score's display (made on first use: the title does not need it)."""
        if self._hud is None:
            self._hud = Hud(self)
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
        return self._scenario.person(pid) if self._scenario is not None else None

    def name_of(self, pid: str) -> str:
        return self.words.name_of(pid)

    def weekday(self, day: int) -> str:
        return self.ui(f"day.{day}")

    def has_save(self) -> bool:
        return self.persist and self._scenario is not None and self.session.has_save()

    def open_address(self, url: str) -> bool:
        """Open a cited source in the browser: at home only (never in the kiosk)."""
        if self.kiosk or self._scenario is None:
            return False
        return open_address(url, self.kiosk, allowed_addresses(self._scenario))

    def autoplaying(self) -> bool:
        return self.autoplayer is not None

    # ----- the window ---------------------------------------------------------------------------
    def open_window(self) -> None:
        self.surface, self.window_flags = display.open_window(
            kiosk=self.kiosk, size=display.parse_size(getattr(self.args, "size", None)),
            windowed=bool(getattr(self.args, "windowed", False)), fullscreen=self.settings.fullscreen)
        self.relayout()

    def relayout(self) -> None:
        w, h = self.surface.get_size()
        scale = 1.2 if self.settings.text_size == "large" else 1.0
        self.layout = Layout(w, h, scale, touch=self.kiosk)
        self.dirty = True
        self.warm_pending = True

    def layout_size(self) -> tuple[int, int]:
        return (self.layout.w, self.layout.h)

    def resize(self, size: tuple[int, int]) -> None:
        if self.kiosk or self.surface.get_flags() & pygame.FULLSCREEN:
            return
        self.surface = display.resized(self.surface, size)
        self.relayout()

    def set_fullscreen(self, on: bool) -> None:
        if self.kiosk:
            return
        size = display.parse_size(getattr(self.args, "size", None)) or display.DEFAULT_SIZE
        self.surface = display.switch_fullscreen(on, size)
        self.relayout()

    # ----- loading -------------------------------------------------------------------------------
    def start_loading(self) -> None:
        def work() -> None:
            from ..engine import ScenarioError, load_scenario
            try:
                self._scenario = load_scenario(str(self.scenario_path))
            except ScenarioError as exc:
                self._load_error = str(exc.problems[0]) if exc.problems else str(exc)
                print(f"scored: cannot load {self.scenario_path}:", file=sys.stderr)
                for p in exc.problems:
                    print(f"  {p}", file=sys.stderr)
            except Exception as exc:  # never a traceback: one line names what went wrong
                self._load_error = f"{exc.__class__.__name__}: {exc}"
                print(f"scored: cannot load {self.scenario_path}: {self._load_error}", file=sys.stderr)
            try:
                pygame.event.post(pygame.event.Event(LOADED))
            except pygame.error:
                pass
        self._loader = threading.Thread(target=work, name="scored-loader", daemon=True)
        self._loader.start()

    def loaded(self, scenario: Scenario) -> None:
        """Play `scenario` (already loaded: tests, and hosts that load it themselves)."""
        self._scenario = scenario
        self._session = None

    def wait_loaded(self) -> bool:
        if self._loader is not None:
            self._loader.join()
        return self._scenario is not None

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
            self._session.run = None  # a new visitor starts from nothing
            self._session.debrief = None
        if message:
            self.message = message
        self.show(navigate.title(self))

    def show_intro(self) -> None:
        self.show(navigate.week_start(self))

    def begin_week(self) -> None:
        """After the intro: the check's questions (not in the kiosk), then the first scene."""
        self.show(navigate.before_week(self))

    def open_pause(self) -> None:
        if getattr(self.top, "name", "") != "pause":
            self.push(navigate.pause(self))

    def open_settings(self) -> None:
        self.push(navigate.settings(self))

    def quit(self) -> None:
        self.running = False

    # ----- the week (the session decides; the app shows) -----------------------------------------
    def new_week(self, seed: Optional[int] = None) -> None:
        if not self.wait_loaded():
            self.message = self._load_error
            self.dirty = True
            return
        run = self.session.new_week(seed)
        self.hud.reset(run)
        self.message = None
        self.show(navigate.week_start(self))
        self.say_save_problem()

    def resume(self) -> None:
        if not self.wait_loaded():
            self.message = self._load_error
            return
        run, problem = self.session.resume()
        if run is None:
            # the engine's sentence (English) goes to the log; the player reads it in their language
            if problem:
                print(f"scored: {problem}", file=sys.stderr)
            self.to_title(self.ui("msg.broken_save") if problem else None)
            return
        self.hud.reset(run)
        self.message = None
        self.show(navigate.where_the_week_stands(self))

    def choose(self, choice_id: str) -> None:
        """Take a choice, then show the day's summaries, the next scene or the ending."""
        run = self.run
        if run is None or run.ended:
            return
        step = self.session.choose(choice_id)
        self.hud.on_outcome(step.outcome, self.session.run)
        self.show(navigate.after_choice(self, step, step.outcome.result))
        self.say_save_problem()

    def undo(self) -> None:
        if self.session.undo():
            run = self.session.run
            assert run is not None
            self.hud.reset(run)
            self.show(navigate.where_the_week_stands(self))

    def say_save_problem(self) -> None:
        """Tell the player once that the week cannot be saved (the game goes on)."""
        if self._session is not None and self._session.save_notice_due():
            print(f"scored: could not save: {self._session.save_problem}", file=sys.stderr)
            self.hud.notice(self.ui("msg.save_failed"))

    def apply_settings(self, fullscreen_changed: bool = False) -> None:
        self._sound.set_volume(self.settings.volume)
        if fullscreen_changed:
            self.set_fullscreen(self.settings.fullscreen)
        self.relayout()
        if self.persist:
            save_settings(self.settings)

    # ----- autoplay ------------------------------------------------------------------------------
    def start_autoplay(self, policy: str, seed: int, *, loop: bool) -> None:
        self.autoplayer = Autoplayer(self, policy, seed, None, fast=False, loop=loop)

    def stop_autoplay(self) -> None:
        self.autoplayer = None

    # ----- the loop ------------------------------------------------------------------------------
    def dispatch(self, ev: pygame.event.Event) -> None:
        t = ev.type
        if t == pygame.QUIT:
            self.running = False
            return
        if t == LOADED:
            self.layout_epoch += 1  # the title may now offer Continue
            self.dirty = True
            return
        if t == pygame.VIDEORESIZE:
            self.resize(ev.size)
            return
        if t in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED,
                 pygame.WINDOWFOCUSGAINED, pygame.WINDOWSIZECHANGED):
            if t == pygame.WINDOWSIZECHANGED and self.surface.get_size() != self.layout_size():
                self.relayout()
            self.dirty = True
            return
        if t in (pygame.WINDOWFOCUSLOST, pygame.WINDOWLEAVE):
            top = self.top
            if top is not None:
                top.pressed = None
                top.hover = None
            self.dirty = True
            return
        if t in INPUT_EVENTS:
            swallow = self.kiosk_ctl is not None and self.kiosk_ctl.input(ev)
            self.last_input = self.now
            if swallow:
                return  # the touch that ends the attract loop or the countdown does nothing else
        top = self.top
        if top is not None:
            top.ensure_layout()  # a screen shown by the previous event has not been laid out yet
            top.handle(ev)

    def frame(self, events: list[pygame.event.Event], dt: float, draw: bool = True) -> bool:
        """One frame: events, updates, and a redraw when needed. True when it drew."""
        try:
            self.now += dt
            for ev in events:
                self.dispatch(ev)
                if not self.stack:
                    break
            if not self.stack:
                self.to_title()
            top = self.top
            moving = False
            for scr in self.stack:
                scr.ensure_layout()
            if top is not None:
                moving = top.update(dt) or moving
                if any(s.shows_hud for s in self.stack):
                    moving = self.hud.update(dt) or moving
            if self.kiosk_ctl is not None:
                moving = self.kiosk_ctl.tick() or moving
            if self.autoplayer is not None:
                self.autoplayer.tick()
                moving = True
            if (self.dirty or moving) and draw:
                self.draw()
                return True
            return False
        except Exception as exc:  # never a traceback on screen
            self.fail(exc)
            return True

    def draw(self) -> None:
        surf = self.surface
        first = 0
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].opaque:
                first = i
                break
        for scr in self.stack[first:]:
            scr.ensure_layout()
            scr.draw(surf)
        if self.kiosk_ctl is not None:
            self.kiosk_ctl.draw(surf)
        pygame.display.flip()
        self.frames += 1
        self.dirty = False

    def fail(self, exc: BaseException) -> None:
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.errors.append(text)
        print(f"scored: an error was caught; back to the title.\n{text}", file=sys.stderr)
        if len(self.errors) > MAX_ERRORS and not self.kiosk:
            self.running = False  # something is badly wrong: stop rather than loop
            return
        if self.autoplayer is not None and not self.autoplayer.loop:
            self.exit_code = 1  # a week the game plays by itself ends at its first error
            self.running = False
            return
        try:
            self.autoplayer = None
            self.to_title(self.ui("msg.error"))
            self.draw()
        except Exception as again:  # pragma: no cover - the title itself is broken
            print(f"scored: the title failed too: {again}", file=sys.stderr)
            self.running = False

    def idle_work(self) -> bool:
        """Work for the time the player spends reading: fill caches for what comes next."""
        return warmup.warm_up(self) or warmup.prefetch(self) or self.prepare_next()

    def prepare_next(self) -> bool:
        """A screen's own work for the reading time (the debrief lays out its next page);
        True if there was some."""
        top = self.top
        try:
            return bool(top is not None and top.prepare_next())
        except Exception as exc:  # preparing is an optimisation only
            print(f"scored: preparing skipped ({exc})", file=sys.stderr)
            return False

    def loop(self) -> int:
        clock = pygame.time.Clock()
        fast = self.autoplayer is not None and self.autoplayer.fast
        last = time.perf_counter()
        idle_frames = 0
        while self.running:
            if fast and self.autoplayer is None:
                break  # the week played by itself is over (or failed)
            if fast:
                self.frame(pygame.event.get(), 1 / 30)
                continue
            events = pygame.event.get()
            now = time.perf_counter()
            dt = min(0.1, now - last)
            last = now
            drew = self.frame(events, dt)
            if drew or events:
                idle_frames = 0
                clock.tick(60)
            else:
                idle_frames += 1
                if idle_frames > 3 and self.idle_work():
                    continue
                # nothing moves: sleep until input (short naps keep touch latency low)
                time.sleep(0.012 if idle_frames < 30 else 0.04)
        return self.exit_code

    # ----- start-up ------------------------------------------------------------------------------
    def boot(self) -> None:
        """Open the window and show the title at once; load the rest behind it."""
        self.open_window()
        _strings.join()
        self.show(navigate.title(self))
        self.frame([], 0.0)
        if os.environ.get("SCORED_BENCH_FIRST_FRAME"):
            print(f"FIRST_FRAME {time.time():.6f}", flush=True)
            raise SystemExit(0)
        self.start_loading()
        self._sound.start()
        self._sound.set_volume(self.settings.volume)
        if self.kiosk:
            self.kiosk_ctl = KioskController(self)
        if self.autoplay_name:
            shots = getattr(self.args, "screenshots", None)
            fast = bool(shots) or bool(getattr(self.args, "fast", False))
            seed = self.seed_arg if self.seed_arg is not None else 0
            self.autoplayer = Autoplayer(self, self.autoplay_name, seed, shots, fast=fast)

    def close(self) -> None:
        if self._stats is not None:
            self._stats.close()


def main(args: Any, scenario_path: Path) -> int:
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
