"""The window and its look: opening it at a sensible size (remembered), resizing, fullscreen, and
the settings taking effect (palette, typeface, sound, speech, layout). Bound to the App as its
methods."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..session.settings import save_settings
from . import display
from .ui import draw, text, theme
from .ui.theme import Layout

if TYPE_CHECKING:
    from .context import AppContext as App


def open_window(app: "App") -> None:
    apply_look(app)
    st = app.settings
    remembered = tuple(st.window_size) if st.window_size else None
    app.surface, app.window_flags = display.open_window(
        kiosk=app.kiosk, size=display.parse_size(getattr(app.args, "size", None)),
        windowed=bool(getattr(app.args, "windowed", False)), fullscreen=st.fullscreen,
        remembered=remembered)  # type: ignore[arg-type]
    relayout(app)


def relayout(app: "App") -> None:
    w, h = app.surface.get_size()
    app.layout = Layout(w, h, app.settings.text_scale, touch=app.kiosk)
    app.dirty = True
    app.warm_pending = True
    app.warm_steps = None  # a warm-up under way drew for the old size: start again


def layout_size(app: "App") -> tuple[int, int]:
    return (app.layout.w, app.layout.h)


def resize(app: "App", size: tuple[int, int]) -> None:
    if app.kiosk or app.surface.get_flags() & pygame.FULLSCREEN:
        return
    app.surface = display.resized(app.surface, size)
    app.settings.window_size = list(app.surface.get_size())  # written when the game closes
    relayout(app)


def set_fullscreen(app: "App", on: bool) -> None:
    if app.kiosk:
        return
    st = app.settings
    size = display.parse_size(getattr(app.args, "size", None)) or (
        tuple(st.window_size) if st.window_size else display.DEFAULT_SIZE)
    app.surface = display.switch_fullscreen(on, size)  # type: ignore[arg-type]
    relayout(app)


def apply_look(app: "App") -> None:
    """Palette, typeface, sound and speech as the settings say."""
    st = app.settings
    app.sound.set_volume(st.volume, st.effects_volume, st.interface_volume)
    changed = theme.use("high_contrast" if st.high_contrast else "pastel")
    changed = theme.use_font("dyslexic" if st.dyslexic_font else "inter") or changed
    if changed:  # every cached picture was drawn in the old look
        draw.clear_cache()
        text.clear_caches()
        app.layers.clear()
        app.forget_panels()
    app.voice.enabled = st.speech


def apply_settings(app: "App", fullscreen_changed: bool = False) -> None:
    """The settings take effect at once: sound, look, typeface, speech, window, layout."""
    apply_look(app)
    if fullscreen_changed:
        set_fullscreen(app, app.settings.fullscreen)
    app.layout_epoch += 1
    relayout(app)
    if app.persist:
        save_settings(app.settings)
