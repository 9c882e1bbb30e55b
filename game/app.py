"""The pygame front-end: the main loop, the screen stack, and the flow of a week.

The title is drawn first; the scenario (and the engine) load behind it in a thread. The loop
draws only when something changed (dirty flag or a running animation), so an idle screen costs
almost no CPU. Every frame is guarded: an error is logged to stderr and the game returns to
the title (never a traceback on screen).
"""
from __future__ import annotations

import contextlib
import os
import random
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Iterator, Optional

import warnings

T_START = time.perf_counter()
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
warnings.filterwarnings("ignore", message="no fast renderer available")

from .ui import i18n  # noqa: E402

# Read the UI strings (PyYAML) while pygame loads: the title needs them for its first frame.
_strings = threading.Thread(target=i18n.tables, name="scored-strings", daemon=True)
_strings.start()

import pygame  # noqa: E402

from .settings import Settings, load_settings, save_settings  # noqa: E402
from .ui.sound import Sound  # noqa: E402
from .ui.theme import Layout  # noqa: E402

MIN_W, MIN_H = 800, 480
LOADED = pygame.event.custom_type()
INPUT_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN, pygame.KEYDOWN, pygame.MOUSEWHEEL)


def ce_problem(module: Any = pygame) -> Optional[str]:
    """A sentence when the pygame in use is not pygame-ce (upstream pygame replaced it)."""
    if getattr(module, "IS_CE", False):
        return None
    return ("Scored needs pygame-ce, but another pygame is installed over it. Fix it with: "
            "python3 -m pip uninstall -y pygame pygame-ce && python3 -m pip install pygame-ce")


def parse_size(size: Any) -> Optional[tuple[int, int]]:
    """A window size from `--size` (already checked by the command line), or None."""
    if not size:
        return None
    if isinstance(size, str):
        try:
            w, h = size.lower().split("x")
            size = (int(w), int(h))
        except ValueError:
            return None
    return max(MIN_W, int(size[0])), max(MIN_H, int(size[1]))


HEADLESS_DRIVERS = ("offscreen", "dummy")


@contextlib.contextmanager
def _stderr_silenced(on: bool) -> Iterator[None]:
    """Send what C libraries write to file descriptor 2 nowhere, while `on`."""
    if not on:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def display_problem() -> Optional[str]:
    """A sentence when no window can be shown here: no video device, or SDL fell back to a driver
    that shows nothing (asked for by name in SDL_VIDEODRIVER, such a driver is fine: tests)."""
    asked = [d.strip().lower() for d in os.environ.get("SDL_VIDEODRIVER", "").split(",") if d.strip()]
    advice = "play in the terminal instead: scored --text"
    # With no display named, SDL probes every driver and the Wayland library complains on stderr
    # about a missing XDG_RUNTIME_DIR; the player gets our one sentence instead.
    quiet = sys.platform.startswith("linux") and not asked and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    try:
        with _stderr_silenced(quiet):
            pygame.display.init()
    except pygame.error as exc:
        return f"Scored cannot open a window here ({exc}); {advice}"
    driver = (pygame.display.get_driver() or "").lower()
    if driver in HEADLESS_DRIVERS and driver not in asked:
        pygame.display.quit()
        return f"There is no screen here to show the game's window on; {advice}"
    return None


class App:
    def __init__(self, args: Any, scenario_path: Path, *, persist: bool = True):
        self.args = args
        self.kiosk = bool(getattr(args, "kiosk", False))
        self.autoplay_name = getattr(args, "autoplay", None)
        self.persist = persist and not self.kiosk and not self.autoplay_name
        self.settings: Settings = load_settings() if self.persist else Settings()
        if not self.persist and not self.kiosk and persist:
            self.settings = load_settings()  # autoplay reads the settings but never writes them
        if getattr(args, "lang", None):
            self.settings.lang = args.lang
        if getattr(args, "transparent", False):
            self.settings.transparent = True
        self.seed_arg = getattr(args, "seed", None)
        self.scenario_path = Path(scenario_path)
        self.scenario = None
        self.load_error: Optional[str] = None
        self._loader: Optional[threading.Thread] = None
        self.run = None
        self.stack: list = []
        self.queue: list = []
        self.now = 0.0
        self.dirty = True
        self.running = True
        self.keyboard_mode = False
        self.layout_epoch = 0
        self.errors: list[str] = []
        self.message: Optional[str] = None
        self.last_result: Optional[str] = None
        self.last_input = 0.0
        self._hud = None
        self._stats = None
        self.quiz_before: Optional[dict[str, str]] = None  # the check before the week, in memory only
        self.debrief_session = None
        self.sound = Sound()
        self.autoplayer = None
        self.kiosk_ctl = None
        self.frames = 0
        self.warm_pending = True
        self.layers: dict[int, pygame.Surface] = {}
        self.layer_keys: dict[int, Any] = {}
        from .paths import data_dir
        self.save_path = data_dir() / "save.json"
        self.surface: pygame.Surface
        self.layout: Layout
        self.window_flags = 0

    @property
    def hud(self):
        """The score's display (made on first use: the title does not need it)."""
        if self._hud is None:
            from .ui.hud import Hud
            self._hud = Hud(self)
        return self._hud

    @property
    def stats_on(self) -> bool:
        """Anonymous play statistics are kept: the player's setting (in the kiosk always), unless
        --no-stats was given."""
        if getattr(self.args, "no_stats", False):
            return False
        return self.kiosk or bool(self.settings.stats)

    @property
    def stats(self):
        """The play statistics (game.stats.Stats), opened on first use; a disabled one when off."""
        from .stats import Stats
        if self._stats is None or self._stats.enabled != self.stats_on:
            if self._stats is not None:
                self._stats.close()
            self._stats = Stats() if self.stats_on else Stats.disabled()
        return self._stats

    def open_address(self, url: str) -> bool:
        """Open a cited source in the browser: at home only (never in the kiosk)."""
        from .links import allowed_addresses, open_address
        if self.kiosk or self.scenario is None:
            return False
        return open_address(url, self.kiosk, allowed_addresses(self.scenario))

    # ----- window ------------------------------------------------------------------------
    def open_window(self) -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Scored")
        size = parse_size(getattr(self.args, "size", None))
        windowed = getattr(self.args, "windowed", False)
        if self.kiosk:
            size = size or (1920, 1080)
            self.window_flags = pygame.SCALED | (0 if windowed else pygame.FULLSCREEN)
            with warnings.catch_warnings():  # "no fast renderer" under the dummy driver
                warnings.simplefilter("ignore")
                self.surface = pygame.display.set_mode(size, self.window_flags)
        elif self.settings.fullscreen and not windowed and not size:
            self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.surface = pygame.display.set_mode(size or (1280, 720), pygame.RESIZABLE)
        self.relayout()

    def relayout(self) -> None:
        w, h = self.surface.get_size()
        scale = 1.2 if self.settings.text_size == "large" else 1.0
        self.layout = Layout(w, h, scale, touch=self.kiosk)
        self.dirty = True
        self.warm_pending = True

    def static_layer(self, depth: int, size: tuple[int, int], like: pygame.Surface) -> pygame.Surface:
        """The still layer of the screen at `depth` in the stack (kept and reused)."""
        layer = self.layers.get(depth)
        if layer is None or layer.get_size() != size:
            layer = self.layers[depth] = pygame.Surface(size, 0, like)
            self.layer_keys.pop(depth, None)
        return layer

    def idle_work(self) -> bool:
        """Work for the time the player spends reading: fill caches for what comes next."""
        return self.warm_up() or self.prefetch() or self.prepare_next()

    def prepare_next(self) -> bool:
        """A screen's own work for the reading time (the debrief lays out its next page);
        True if there was some."""
        prepare = getattr(self.top, "prepare_next", None)
        try:
            return bool(prepare and prepare())
        except Exception as exc:  # preparing is an optimisation only
            print(f"scored: preparing skipped ({exc})", file=sys.stderr)
            return False

    def prefetch(self) -> bool:
        """Draw the scenes that may come next off screen once (banner, portraits, text), so the
        first frame of the next scene costs little. Runs once per scene; True if it ran."""
        from .engine import start
        from .engine.model import END
        from .screens.scene import SceneScreen
        run = self.run
        if run is None or run.ended or self.scenario is None or not isinstance(self.top, SceneScreen):
            return False
        key = (id(run), run.step)
        if getattr(self, "_prefetched", None) == key:
            return False
        self._prefetched = key
        targets: list[str] = []
        for choice in run.choices():
            for branch in choice.next or run.scene.next or []:
                if branch.target != END and branch.target not in targets:
                    targets.append(branch.target)
        keep_run, keep_dirty = self.run, self.dirty
        try:
            off = pygame.Surface(self.surface.get_size(), 0, self.surface)
            for target in targets[:4]:
                ghost = start(self.scenario, run.seed, kiosk=run.kiosk)
                ghost.scene = self.scenario.scenes[target]  # a throwaway run, only drawn
                self.run = ghost
                screen = SceneScreen(self)
                screen.ensure_layout()
                screen.draw_static(off)
        except Exception as exc:  # prefetching is an optimisation only
            print(f"scored: prefetch skipped ({exc})", file=sys.stderr)
        finally:
            self.run, self.dirty = keep_run, keep_dirty
        return True

    def warm_up(self) -> bool:
        """While the title sits idle, draw the intro and the first scene off screen once, so
        their shapes, portraits and fonts are cached before the player gets there. True if it ran."""
        from .screens.title import TitleScreen
        if not self.warm_pending or self.scenario is None or not isinstance(self.top, TitleScreen):
            return False
        self.warm_pending = False
        from .engine import start
        from .screens.intro import IntroScreen
        from .screens.scene import SceneScreen
        keep_run, keep_dirty = self.run, self.dirty
        try:
            self.run = start(self.scenario, 0, kiosk=self.kiosk)
            off = pygame.Surface(self.surface.get_size(), 0, self.surface)
            from .screens.pause import PauseScreen
            from .screens.settings import SettingsScreen
            screens = [IntroScreen(self), SceneScreen(self), PauseScreen(self), SettingsScreen(self)]
            kinds = {self.run.scene.kind}
            for scene in self.scenario.scenes.values():  # one scene of each kind (feed, gate...)
                if scene.kind not in kinds:
                    kinds.add(scene.kind)
                    self.run.scene = scene  # a throwaway run, only drawn
                    screens.append(SceneScreen(self, choices=list(scene.choices)))
            for scr in screens:
                scr.ensure_layout()
                scr.draw_static(off)
                scr.draw_dynamic(off)
            from .ui.portrait import portrait
            L = self.layout
            people = list(self.scenario.friends.values()) + list(self.scenario.characters.values())
            for person in people:  # speakers, feed, day's end, ending
                for size in (92, 64, 48, 40, 44, 84):
                    portrait(person.portrait, L.px(size))
            for person in self.scenario.friends.values():
                for status in ("muted", "unfriended"):
                    for size in (48, 44, 84):
                        portrait(person.portrait, L.px(size), status)
        except Exception as exc:  # warming is an optimisation only
            print(f"scored: warm-up skipped ({exc})", file=sys.stderr)
        finally:
            self.run, self.dirty = keep_run, keep_dirty
        return True

    def resize(self, size: tuple[int, int]) -> None:
        if self.kiosk or self.surface.get_flags() & pygame.FULLSCREEN:
            return
        w, h = max(MIN_W, int(size[0])), max(MIN_H, int(size[1]))
        if (w, h) != self.surface.get_size() or (w, h) != tuple(size):
            self.surface = pygame.display.set_mode((w, h), pygame.RESIZABLE)
        else:
            self.surface = pygame.display.get_surface()
        self.relayout()

    def set_fullscreen(self, on: bool) -> None:
        if self.kiosk:
            return
        try:
            if on:
                self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                size = parse_size(getattr(self.args, "size", None)) or (1280, 720)
                self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        except pygame.error as exc:
            print(f"scored: cannot switch fullscreen: {exc}", file=sys.stderr)
        self.relayout()

    # ----- text --------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.settings.lang

    @property
    def content_lang(self) -> str:
        """The scenario's strings in the chosen language, or its first language."""
        sc = self.scenario
        if sc is not None and self.settings.lang not in sc.languages:
            return sc.languages[0]
        return self.settings.lang

    def ui(self, string_id: str, **values: Any) -> str:
        return i18n.ui(string_id, self.lang, **values)

    def s(self, string_id: str) -> str:
        """A scenario string, placeholders filled from the run."""
        if self.run is not None:
            return self.run.text(string_id, self.content_lang)
        return self.scenario.strings.get(string_id, self.content_lang)

    def person(self, pid: Optional[str]):
        sc = self.scenario
        if not pid:
            return None
        return sc.friends.get(pid) or sc.characters.get(pid)

    def name_of(self, pid: str) -> str:
        p = self.person(pid)
        return self.s(p.name) if p else self.s(self.scenario.player_name)

    def weekday(self, day: int) -> str:
        return self.ui(f"day.{day}")

    # ----- loading -----------------------------------------------------------------------
    def start_loading(self) -> None:
        def work():
            try:
                from .engine import load_scenario
                self.scenario = load_scenario(str(self.scenario_path))
            except Exception as exc:  # a ScenarioError names file and line
                problems = getattr(exc, "problems", None)
                self.load_error = str(problems[0]) if problems else f"{exc.__class__.__name__}: {exc}"
                print(f"scored: cannot load {self.scenario_path}: {exc}", file=sys.stderr)
                if problems:
                    for p in problems[1:]:
                        print(f"  {p}", file=sys.stderr)
            try:
                pygame.event.post(pygame.event.Event(LOADED))
            except pygame.error:
                pass
        self._loader = threading.Thread(target=work, name="scored-loader", daemon=True)
        self._loader.start()

    def wait_loaded(self) -> bool:
        if self._loader is not None:
            self._loader.join()
        return self.scenario is not None

    # ----- the stack ---------------------------------------------------------------------
    @property
    def top(self):
        return self.stack[-1] if self.stack else None

    def push(self, screen) -> None:
        self.stack.append(screen)
        self.dirty = True

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()
        self.dirty = True

    def show(self, screens: list) -> None:
        """Show the first of `screens`; `advance()` moves on to the next."""
        self.stack = [screens[0]]
        self.queue = list(screens[1:])
        self.dirty = True

    def advance(self) -> None:
        if self.queue:
            self.show(self.queue)
        else:
            self.to_title()

    def to_title(self, message: Optional[str] = None) -> None:
        from .screens.title import TitleScreen
        if self.kiosk:
            self.run = None
            self.debrief_session = None
            self.quiz_before = None
        if message:
            self.message = message
        self.show([TitleScreen(self)])

    # ----- the week ----------------------------------------------------------------------
    def new_seed(self) -> int:
        if self.seed_arg is not None:
            return int(self.seed_arg)
        return random.randrange(1_000_000)

    def new_week(self, seed: Optional[int] = None) -> None:
        from .engine import start
        from .screens.intro import IntroScreen
        if not self.wait_loaded():
            self.message = self.load_error
            self.dirty = True
            return
        self.run = start(self.scenario, self.new_seed() if seed is None else seed, kiosk=self.kiosk)
        self.hud.reset(self.run)
        self.quiz_before = None
        self.debrief_session = None
        self.last_result = None
        self.message = None
        self.write_save()
        self.show([IntroScreen(self)])

    def has_save(self) -> bool:
        return self.persist and self.save_path.exists()

    def resume(self) -> None:
        from .engine.saves import resume
        if not self.wait_loaded():
            self.message = self.load_error
            return
        run, msg = resume(str(self.save_path), self.scenario)
        if run is None:
            # the engine's sentence (English) goes to the log; the player reads it in their language
            if msg:
                print(f"scored: {msg}", file=sys.stderr)
            self.to_title(self.ui("msg.broken_save") if msg else None)
            return
        self.run = run
        self.hud.reset(run)
        self.quiz_before = None
        self.debrief_session = None
        self.last_result = None
        self.message = None
        if run.ended:
            from .screens.ending import EndingScreen
            self.show([EndingScreen(self)])
        else:
            from .screens.scene import SceneScreen
            self.show([SceneScreen(self)])

    def write_save(self) -> None:
        if not self.persist or self.run is None:
            return
        from .engine.saves import write_save
        try:
            if self.run.ended:
                if self.save_path.exists():
                    self.save_path.unlink()
            else:
                write_save(str(self.save_path), self.run)
        except OSError as exc:
            print(f"scored: could not save: {exc}", file=sys.stderr)

    def choose(self, choice_id: str) -> None:
        """Take a choice, then show the day's summaries, the next scene or the ending."""
        from .screens.day_end import DayEndScreen
        from .screens.ending import EndingScreen
        from .screens.scene import SceneScreen
        run = self.run
        if run is None or run.ended:
            return
        outcome = run.choose(choice_id)
        self.hud.on_outcome(outcome, run)
        self.write_save()
        result = outcome.result
        screens: list = [DayEndScreen(self, day) for day in outcome.days]
        if run.ended:
            screens.append(EndingScreen(self))
        else:
            screens.append(SceneScreen(self))
        if result:
            screens[0].result = result
        self.show(screens)

    def undo(self) -> None:
        from .engine.runlog import undo
        from .screens.scene import SceneScreen
        if self.run is None or not self.run.log:
            return
        self.run = undo(self.scenario, self.run)
        self.hud.reset(self.run)
        self.write_save()
        self.show([SceneScreen(self)])

    def gate_check_here(self):
        """The gate check made when the current scene was entered (None if it has no gate)."""
        run = self.run
        if run is None or run.scene.gate is None:
            return None
        for check in reversed(run.gate_checks):
            if check.scene == run.scene.id and check.step == run.step:
                return check
        return None

    def open_pause(self) -> None:
        from .screens.pause import PauseScreen
        if not isinstance(self.top, PauseScreen):
            self.push(PauseScreen(self))

    def open_settings(self) -> None:
        from .screens.settings import SettingsScreen
        self.push(SettingsScreen(self))

    def apply_settings(self, fullscreen_changed: bool = False) -> None:
        self.sound.set_volume(self.settings.volume)
        if fullscreen_changed:
            self.set_fullscreen(self.settings.fullscreen)
        self.relayout()
        if self.persist:
            save_settings(self.settings)

    # ----- the loop ----------------------------------------------------------------------
    def dispatch(self, ev: pygame.event.Event) -> None:
        t = ev.type
        if t == pygame.QUIT:
            self.running = False
            return
        if t == LOADED:
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

    def layout_size(self) -> tuple[int, int]:
        return (self.layout.w, self.layout.h)

    def frame(self, events: list, dt: float, draw: bool = True) -> bool:
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
        if len(self.errors) > 50:
            self.running = False  # something is badly wrong: stop rather than loop
            return
        try:
            self.autoplayer = None
            self.to_title(self.ui("msg.error"))
            self.draw()
        except Exception as again:  # pragma: no cover - the title itself is broken
            print(f"scored: the title failed too: {again}", file=sys.stderr)
            self.running = False

    def animating(self) -> bool:
        return self.autoplayer is not None

    def loop(self) -> int:
        clock = pygame.time.Clock()
        fast = self.autoplayer is not None and self.autoplayer.fast
        last = time.perf_counter()
        idle_frames = 0
        while self.running:
            if fast:
                events = pygame.event.get()
                self.frame(events, 1 / 30)
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
        return 0

    # ----- start-up ----------------------------------------------------------------------
    def boot(self) -> None:
        """Open the window and show the title at once; load the rest behind it."""
        from .screens.title import TitleScreen
        self.open_window()
        _strings.join()
        self.show([TitleScreen(self)])
        self.frame([], 0.0)
        if os.environ.get("SCORED_BENCH_FIRST_FRAME"):
            print(f"FIRST_FRAME {time.time():.6f}", flush=True)
            raise SystemExit(0)
        self.start_loading()
        self.sound.start()
        self.sound.set_volume(self.settings.volume)
        if self.kiosk:
            from .screens.kiosk import KioskController
            self.kiosk_ctl = KioskController(self)
        if self.autoplay_name:
            from .autoplay import Autoplayer
            shots = getattr(self.args, "screenshots", None)
            fast = bool(shots) or bool(getattr(self.args, "fast", False))
            seed = self.seed_arg if self.seed_arg is not None else 0
            self.autoplayer = Autoplayer(self, self.autoplay_name, seed, shots, fast=fast)


def main(args: Any, scenario_path: Path) -> int:
    problem = ce_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if getattr(args, "screenshots", None) and getattr(args, "autoplay", None):
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # screenshots need no screen
    problem = display_problem()
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
        if app._stats is not None:
            app._stats.close()
        pygame.quit()
    if app.load_error and app.scenario is None:
        return 1
    return code
