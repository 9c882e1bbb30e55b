"""A repeat frame puts back only the areas where things move (buttons, score panels, a scene's
panel) and blits kept copies of what did not change. Whatever it skips, the picture must be the one
a whole redraw gives: checked on every screen of a week and its debrief, while the score and its
notices move, with the pointer over a button, a button pressed and the keyboard's focus moving."""
from __future__ import annotations

import pygame
import pytest
from ui_support import WEEK, key, make_app, through_week

from game.window import loop


def whole(app) -> bytes:
    """The same frame drawn whole: the still layer over all of the window, every button drawn
    afresh (no kept copies), the score panels as they stand (none painted that waits its turn)."""
    app.layers.unshown()
    app.layers.memos.clear()
    app.hud.panels.afford = lambda name: False
    try:
        loop.draw(app)
    finally:
        del app.hud.panels.afford
    return pygame.image.tobytes(app.surface, "RGB")


def drawn_afresh(app, screen, depth: int = 0) -> bool:
    """Whether the still layer at `depth` is what `screen` draws on a surface of its own."""
    layer = app.layers.surface(depth, app.surface.get_size(), app.surface)
    fresh = pygame.Surface(app.surface.get_size(), 0, app.surface)
    screen.draw_static(fresh)
    return pygame.image.tobytes(layer, "RGB") == pygame.image.tobytes(fresh, "RGB")


def check(app, what: str) -> bool:
    """Draw a frame as the game does, then whole; True if the frame was a partial one."""
    app.dirty = True
    loop.draw(app)
    partial = app.layers.updated is not None
    drawn = pygame.image.tobytes(app.surface, "RGB")
    assert drawn == whole(app), f"{app.top.name}: {what} differs from the whole redraw"
    return partial


@pytest.mark.parametrize("size", ["1280x720", "1024x768"])
def test_partial_frames_draw_what_a_whole_redraw_draws(size):
    app = make_app(WEEK, size=size)
    partials, screens, kept = 0, set(), 0
    for top in through_week(app):
        screens.add(top.name)
        for step in range(6):  # the score counting, the notices sliding in, a stamp landing
            app.now += 0.05
            app.frame([], 0.0, redraw=False)
            partials += check(app, f"frame {step}")
            if step == 2:  # the player reads: what the frame drew is kept, and a whole frame blits it
                while app.layers.keep_memos(app.surface):
                    kept += 1
                app.layers.unshown()
                check(app, "a whole frame from kept copies")
        live = [b for b in top.buttons if b.enabled]
        keep = (top.focus, app.keyboard_mode)
        if live:
            top.pointer_move(live[0].rect.center)  # the pointer over a button
            partials += check(app, "a hovered button")
            top.pointer_down(live[-1].rect.center)  # another pressed
            partials += check(app, "a pressed button")
            top.pressed = None
            app.keyboard_mode = True
            top.move_focus(+1)  # the keyboard's focus on one, then the next
            partials += check(app, "the focus")
            top.move_focus(+1)
            partials += check(app, "the focus moved")
            top.hover = None
            top.focus, app.keyboard_mode = keep
    assert {"scene", "day_end", "ending", "debrief_card"} <= screens
    assert partials > 100  # the repeat frames were partial ones, not whole redraws
    assert kept > 20  # and copies were kept of what they drew


def test_a_screen_uncovered_is_drawn_whole_then_in_part():
    app = make_app(WEEK)
    key(app, pygame.K_RETURN)
    for _ in range(2):
        app.dirty = True
        loop.draw(app)
    assert app.layers.updated is not None  # a repeat frame: in part
    app.open_pause()
    loop.draw(app)
    assert app.layers.updated is None  # a new screen: whole
    app.pop()
    loop.draw(app)
    assert app.layers.updated is None  # the window held the pause: the screen uncovered is drawn whole
    app.dirty = True
    loop.draw(app)
    assert app.layers.updated is not None


@pytest.mark.parametrize("size", ["1280x720", "1920x1080"])
def test_a_play_screen_drawn_over_the_same_frame_is_the_one_drawn_afresh(size):
    """A scene or a day's end drawn over the frame the screen before left on its layer (backdrop,
    top bar, main card) draws only what differs; its layer must equal one drawn from nothing."""
    app = make_app(WEEK, size=size)
    reused = seen = 0
    for _ in range(300):
        top = app.top
        if top.name == "title" and seen:
            break
        held = dict(app.layers.frames)
        key(app, pygame.K_1 if top.name == "scene" else pygame.K_RETURN)
        top = app.top
        frame = top.frame_key()
        if frame is None:
            continue
        seen += 1
        reused += held.get(0) == frame
        assert drawn_afresh(app, top), f"{top.name} drawn over the frame before differs from one drawn afresh"
    assert seen > 20 and reused > seen // 2


def test_a_debrief_page_drawn_ahead_is_the_one_drawn_when_shown(capsys):
    """While a page of the debrief is read, the next page's still layer is drawn ahead; shown, it
    must be the layer the page draws itself. None of the work done ahead fails (it would be skipped
    quietly, the player none the wiser)."""
    app = make_app(WEEK, size="1280x720")
    taken = pages = 0
    for _ in range(400):
        top = app.top
        if top.name == "title" and pages:
            break
        while app.idle_work():  # the player reads
            pass
        ahead = app.layers.ahead
        key(app, pygame.K_1 if top.name == "scene" else pygame.K_RETURN)
        top = app.top
        if not top.name.startswith(("debrief", "week_chart", "quiz")):
            continue
        pages += 1
        taken += ahead is not None and ahead[0] == top.layer_key_for(app.surface.get_size())
        assert drawn_afresh(app, top), f"{top.name}: the layer drawn ahead differs from the page's own"
    assert pages > 8 and taken > pages // 2
    assert "skipped" not in capsys.readouterr().err


def test_a_pause_drawn_ahead_is_the_pause_drawn_when_opened():
    """While a scene is read its pause is drawn ahead; opened while the scene shows the same, it is
    shown without drawing; opened after the scene changed (a button under the pointer), it is not."""
    app = make_app(WEEK, size="1280x720")
    for _ in range(20):
        if app.top.name == "scene":
            break
        key(app, pygame.K_RETURN)
    assert app.top.name == "scene"
    for reused in (True, False):
        scene = app.top
        for _ in range(3):
            app.frame([], 0.5)
        while app.idle_work():
            pass
        ready = scene.pause_ahead
        assert ready is not None
        if not reused:
            scene.pointer_move(scene.buttons[0].rect.center)
            app.frame([], 0.02)
        app.open_pause()
        assert (app.top is ready[0]) is reused
        app.frame([], 0.02)
        assert drawn_afresh(app, app.top, depth=1)
        app.pop()
        app.prefetched = None  # the scene is read again: its pause drawn ahead again


@pytest.mark.parametrize("high_contrast", [False, True])
def test_a_still_layer_covers_whatever_its_surface_held(high_contrast):
    """Screens leave the backdrop out where their card will cover it: what the surface held before
    must not show anywhere, on any screen of a week, its debrief, the pause or the settings."""
    app = make_app(WEEK, size="1024x768", high_contrast=high_contrast)
    seen = set()

    def same_over_anything(screen) -> None:
        pictures = []
        screen.ensure_layout()
        for fill in ((255, 0, 0), (0, 255, 0)):
            surf = pygame.Surface(app.surface.get_size(), 0, app.surface)
            surf.fill(fill)
            screen.draw_static(surf)
            pictures.append(pygame.image.tobytes(surf, "RGB"))
        assert pictures[0] == pictures[1], f"{screen.name}: the surface's old content shows through"
        seen.add(screen.name)

    for top in through_week(app):
        if top.name not in seen:
            same_over_anything(top)
            if top.name == "scene":
                for open_it in (app.open_settings, app.open_pause):
                    open_it()
                    same_over_anything(app.top)
                    app.pop()
    assert {"intro", "scene", "settings", "pause", "ending", "debrief_card", "week_chart"} <= seen
