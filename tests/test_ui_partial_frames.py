"""A repeat frame puts back only the areas where things move (buttons, score panels, a scene's
panel) and blits kept copies of what did not change. Whatever it skips, the picture must be the one
a whole redraw gives: checked on every screen of a week and its debrief, while the score and its
notices move, with the pointer over a button, a button pressed and the keyboard's focus moving."""
from __future__ import annotations

import zlib

import pygame
import pytest
from ui_support import WEEK, key, make_app, press, through_week, to_first_scene, whole

from game.window import loop


def drawn_afresh(app, screen, depth: int = 0) -> bool:
    """Whether the still layer at `depth` is what `screen` draws on a surface of its own."""
    layer = app.layers.surface(depth, app.surface.get_size(), app.surface)
    fresh = pygame.Surface(app.surface.get_size(), 0, app.surface)
    screen.draw_static(fresh)
    return pygame.image.tobytes(layer, "RGB") == pygame.image.tobytes(fresh, "RGB")


def read_on(app, ended: bool) -> bool:
    """One step through the week: False once back at the title after it `ended`; else the player
    reads the screen on top (a scene's reading-time work done) and the caller may look, then
    `press(app)` moves on."""
    if app.top.name == "title" and ended:
        return False
    if app.top.name == "scene":
        while app.idle_work():  # the player reads the scene: its next screens drawn ahead
            pass
    return True




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


@pytest.mark.parametrize("size", ["1920x1080", "1280x720"])
def test_the_settings_partial_frames_draw_what_a_whole_redraw_draws(size):
    """The settings' options scroll under their view's edge, beside the back button: each group
    is left alone while unchanged, and the picture is still the one a whole redraw gives."""
    app = make_app(WEEK, size=size)
    key(app, pygame.K_RETURN)
    app.open_settings()
    app.frame([], 0.02)
    top = app.top
    back = top.buttons[-1]
    partials = scrolled = 0
    for step in range(len(top.buttons) + 2):  # the focus down every option, the rows scrolling
        partials += check(app, f"a frame, the focus on {top.focus}")
        top.pointer_move(back.rect.center)
        partials += check(app, "the back button hovered")
        top.hover = None
        app.keyboard_mode = True
        top.move_focus(+1)
        check(app, "the focus moved")
        scrolled = max(scrolled, top.offset)
    assert scrolled > 0  # the rows scrolled
    assert partials > len(top.buttons)


def test_a_frame_that_changes_no_button_draws_none(monkeypatch):
    """Buttons far apart are kept apart: a group spanning the score panels, or the settings' back
    button beside an option cut by the view's edge, would be drawn again on every frame."""
    from game.window.ui import widgets

    drawn: list[str] = []
    draw = widgets.Button.draw
    monkeypatch.setattr(widgets.Button, "draw", lambda b, *a, **k: drawn.append(b.name) or draw(b, *a, **k))
    app = make_app(WEEK, size="1920x1080")
    shown = set()

    def still_frames(what: str) -> None:
        for _ in range(2):  # the first frames draw them; the window then holds them
            app.dirty = True
            loop.draw(app)
        drawn.clear()
        for _ in range(3):
            app.now += 0.05
            app.dirty = True
            loop.draw(app)
        assert not drawn, f"{what}: buttons drawn again on frames that change none: {drawn}"
        shown.add(what)

    for top in through_week(app):
        if top.name == "scene" and "settings" not in shown:
            app.open_settings()
            app.top.ensure_layout()
            assert app.top.content_h > app.top.view.h  # an option cut by the view's foot, by the back button
            still_frames("settings")
            app.pop()
        if top.name == "day_end" and "day_end" not in shown:
            still_frames("day_end")
    assert shown == {"settings", "day_end"}


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
    to_first_scene(app)
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


def test_the_settings_laid_out_while_a_scene_is_read_are_the_ones_opened():
    """While a scene is read its settings are laid out; opened from it, they are those, drawn as
    fresh ones are; after a setting changed, fresh ones are made."""
    from game.window.screens.settings import SettingsScreen

    app = make_app(WEEK, size="1920x1080")
    to_first_scene(app)
    for reused in (True, False):
        scene = app.top
        while app.idle_work():
            pass
        ready = scene.settings_ahead
        assert ready is not None
        if not reused:
            app.settings.volume = 0 if app.settings.volume else 6  # changed meanwhile (a key, the pause)
        app.open_settings()
        assert (app.top is ready[0]) is reused
        app.frame([], 0.02)
        assert drawn_afresh(app, app.top, depth=1)
        fresh = SettingsScreen(app)
        fresh.ensure_layout()
        assert [(b.name, b.selected, tuple(b.rect)) for b in app.top.buttons] == \
            [(b.name, b.selected, tuple(b.rect)) for b in fresh.buttons]
        app.pop()
        assert scene.settings_ahead is None
        app.prefetched = None  # the scene is read again


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


@pytest.mark.parametrize("size,text_size", [("1280x720", "normal"), ("1920x1080", "normal"),
                                            ("1024x768", "normal"), ("1280x720", "large")])
def test_play_screens_that_name_the_same_ground_hold_the_same_pixels_under_the_panels(size, text_size):
    """A score panel painted over one play screen's still layer is blitted unchanged over the next
    one whose `beneath_key` is the same, without reading the pixels back: so the same key must mean
    the same pixels under every panel, for a scene and a day's end alike."""
    app = make_app(WEEK, size=size, text_size=text_size)
    ground: dict = {}  # beneath key -> {panel area: checksum of the still layer's pixels there}
    kinds: dict = {}  # beneath key -> the kinds of screen that named it
    for top in through_week(app):
        under = top.beneath_key()
        if under is None:
            continue
        top.ensure_layout()
        layer = pygame.Surface(app.surface.get_size(), 0, app.surface)
        top.draw_static(layer)
        for area in top.painted_areas():
            area = area.clip(layer.get_rect())
            pixels = zlib.crc32(pygame.image.tobytes(layer.subsurface(area), "RGB"))
            held = ground.setdefault(under, {}).setdefault(tuple(area), pixels)
            assert held == pixels, f"{top.name}: another screen named the same ground under {tuple(area)}"
        kinds.setdefault(under, set()).add(top.name)
    assert any({"scene", "day_end"} <= names for names in kinds.values())  # a day's end shares a scene's


def test_the_notices_a_summary_shows_are_made_while_the_scene_before_is_read(monkeypatch):
    """Each day's summary paints its notices in its first frames: their words measured and cards
    composed while the player read the scene, those frames only blit them."""
    from game.window.ui import toasts

    made: list[str] = []
    body = toasts._body
    monkeypatch.setattr(toasts, "_body", lambda L, surf, box, toast: made.append(toast.text) or body(L, surf, box, toast))
    app = make_app(WEEK, size="1280x720")
    summaries = 0
    for _ in range(300):
        if not read_on(app, ended=summaries > 0):
            break
        made.clear()
        press(app)
        if app.top.name != "day_end":
            continue
        for _ in range(12):  # the panels painted in turn, the notices sliding in
            app.now += 0.05
            app.frame([], 0.0)
        assert app.hud.toasts, "a day's summary shows its day's changes"
        assert not made, f"notices made on the summary's frames: {made}"
        summaries += 1
    assert summaries >= 5


def test_a_gates_verdict_is_drawn_while_the_scene_before_is_read_and_stamped_once(monkeypatch):
    """A gate's panel (its card, bar and words) is drawn ahead with the scene it follows, so its
    first frame makes no card; its stamp sounds once, as the gate comes on top, never ahead."""
    from game.window.screens import gate, scene
    from game.window.ui import draw

    missed: list[tuple] = []
    painting = [False]
    cached, paint = draw._cached, gate.draw_gate_panel

    def counting(key_, make):
        if painting[0] and all(store.items.get(key_) is None for store in draw._stores):
            missed.append(key_[:4])
        return cached(key_, make)

    def painted(*args):
        painting[0] = True
        try:
            paint(*args)
        finally:
            painting[0] = False
    monkeypatch.setattr(draw, "_cached", counting)
    monkeypatch.setattr(scene.gate, "draw_gate_panel", painted)
    app = make_app(WEEK, size="1280x720")
    played: list[str] = []
    monkeypatch.setattr(app.sound, "play", lambda name: played.append(name))
    gates = 0
    for _ in range(300):
        if not read_on(app, ended=gates > 0):
            break
        played.clear()
        press(app, draw=False)  # the next screen comes on top, not drawn yet
        if app.top.name != "scene" or app.top.scene.kind != "gate":
            app.frame([], 0.0)
            continue
        assert [p for p in played if p in ("granted", "refused")] == [gate_sound(app.top)]
        missed.clear()
        app.frame([], 0.0)  # its first frame
        assert not missed, f"{app.top.scene.id}: cards made on the gate's first frame: {missed}"
        for _ in range(10):
            app.now += 0.05
            app.frame([], 0.0)
        while app.idle_work():
            pass
        assert [p for p in played if p in ("granted", "refused")] == [gate_sound(app.top)], "stamped once"
        gates += 1
    assert gates >= 2


def gate_sound(screen) -> str:
    return "granted" if screen.check.passed else "refused"


