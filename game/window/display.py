"""The window itself: whether one can be shown here, opening it at a size, fullscreen, resizing."""
from __future__ import annotations

import contextlib
import os
import sys
import warnings
from typing import Any, Iterator, Optional

import pygame

MIN_W, MIN_H = 800, 480
DEFAULT_SIZE = (1280, 720)
KIOSK_SIZE = (1920, 1080)
HEADLESS_DRIVERS = ("offscreen", "dummy")


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


def window_icon(side: int = 64) -> pygame.Surface:
    """The game's icon for the window and the taskbar: the title's badge, a mint orb with a tick.
    Set before the window opens, it also spares pygame loading its own icon from its package."""
    icon = pygame.Surface((side, side), pygame.SRCALPHA)
    c = side / 2
    pygame.draw.aacircle(icon, (98, 196, 132), (c, c), c - 1)
    pygame.draw.aacircle(icon, (150, 226, 174), (c, c - side * 0.06), c * 0.8)  # the gloss above
    pygame.draw.aacircle(icon, (255, 255, 255), (c, c), c * 0.46)
    r = side * 0.2
    pygame.draw.lines(icon, (58, 150, 92), False, [(c - r * 0.7, c), (c - r * 0.2, c + r * 0.55),
                                                   (c + r * 0.75, c - r * 0.6)], max(2, side // 14))
    return icon


def open_window(*, kiosk: bool, size: Optional[tuple[int, int]], windowed: bool, fullscreen: bool,
                remembered: Optional[tuple[int, int]] = None) -> tuple[pygame.Surface, int]:
    """The window and the flags it was opened with: the kiosk fills the screen (scaled from
    1920x1080); a player's window opens at the size asked for, else the size it had last time,
    else the default."""
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_caption("Scored")
    pygame.display.set_icon(window_icon())
    if kiosk:
        flags = pygame.SCALED | (0 if windowed else pygame.FULLSCREEN)
        with warnings.catch_warnings():  # "no fast renderer" under the dummy driver
            warnings.simplefilter("ignore")
            return pygame.display.set_mode(size or KIOSK_SIZE, flags), flags
    if fullscreen and not windowed and not size:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN), pygame.FULLSCREEN
    desktop = desktop_size()
    chosen = size or fitted(remembered, desktop) or share_of(desktop)
    return pygame.display.set_mode(chosen, pygame.RESIZABLE), pygame.RESIZABLE


def desktop_size() -> Optional[tuple[int, int]]:
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return tuple(sizes[0]) if sizes and sizes[0][0] > 0 else None  # type: ignore[return-value]


SHARE = 0.8  # of the desktop's width and height a new window takes


def share_of(desktop: Optional[tuple[int, int]]) -> tuple[int, int]:
    """A 16:9 window filling most of the screen (on a 4K screen not a ninth of it), never below
    the smallest size nor above the screen."""
    if desktop is None:
        return DEFAULT_SIZE
    dw, dh = desktop
    w = int(min(dw * SHARE, dh * SHARE * 16 / 9))
    w = max(MIN_W, min(w, dw))
    h = max(MIN_H, min(int(w * 9 / 16), dh))
    return w, h


def fitted(size: Optional[tuple[int, int]], desktop: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """A remembered size, made to fit this screen (it may be another one now)."""
    if not size:
        return None
    w, h = max(MIN_W, size[0]), max(MIN_H, size[1])
    if desktop is not None:
        w, h = min(w, desktop[0]), min(h, desktop[1])
    return w, h


def resized(surface: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    """The window after the player resized it (never below the smallest size)."""
    w, h = max(MIN_W, int(size[0])), max(MIN_H, int(size[1]))
    if (w, h) != surface.get_size() or (w, h) != tuple(size):
        return pygame.display.set_mode((w, h), pygame.RESIZABLE)
    return pygame.display.get_surface()


def switch_fullscreen(on: bool, windowed_size: tuple[int, int]) -> pygame.Surface:
    try:
        if on:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(windowed_size, pygame.RESIZABLE)
    except pygame.error as exc:
        print(f"scored: cannot switch fullscreen: {exc}", file=sys.stderr)
        return pygame.display.get_surface()
