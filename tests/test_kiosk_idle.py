"""Between visitors: the idle countdown is large and plain, with a big button to stay; one tap on
the attract loop starts a visit, in the language whose button was tapped, elsewhere in the default."""
from __future__ import annotations

import pygame
import pytest
from kiosk_support import kiosk_app, tap, tap_button
from ui_support import LANGS, button

from game.session.strings import ui
from game.window import kiosk_views

SIZES = ["1920x1080", "1080x1920"]
PX_PER_MM = 1080 / 398.5  # a 32-inch 16:9 screen at 1080p: 398.5 mm across its short side


def big_enough(app, rect) -> bool:
    """A finger's target: the kiosk's least button height, and 15 mm with room to spare (20 mm)."""
    return rect.h >= max(app.layout.px(app.layout.button_h) - 1, 20 * PX_PER_MM)


def idle_into_countdown(app, extra: float = 0.0) -> None:
    ctl = app.kiosk_ctl
    for _ in range(int(ctl.idle_warn)):
        app.frame([], 1.0)
    app.frame([], 0.5 + extra)


def into_a_week(app) -> None:
    tap_button(app, button(app, "play"))
    tap_button(app, button(app, "start"))


def test_the_countdown_says_plainly_what_will_happen():
    assert ui("kiosk.still_there", "en") == "Still there?"
    assert ui("kiosk.countdown", "en", n=10) == "Starting over in 10 s"
    assert ui("kiosk.stay", "en") == "I'm still here"
    assert ui("kiosk.still_there", "nl") == "Ben je er nog?"
    assert ui("kiosk.countdown", "nl", n=10) == "Over 10 s begint het spel opnieuw"
    assert ui("kiosk.stay", "nl") == "Ik ben er nog"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_the_countdown_is_large_with_a_big_button_and_counts_down(size, lang):
    app = kiosk_app(f'language = "{lang}"\n', size=size)
    into_a_week(app)
    scene = app.top
    idle_into_countdown(app)
    ctl = app.kiosk_ctl
    assert ctl.seconds_left() == int(ctl.countdown)
    notice = kiosk_views.countdown(app, app.surface.get_size(), ctl.seconds_left())
    window = app.surface.get_rect()
    assert window.contains(notice.card)
    assert big_enough(app, notice.stay.rect) and notice.stay.rect.h >= app.layout.px(app.layout.button_h) * 1.2
    assert notice.stay.rect.w >= notice.card.w // 2
    assert notice.title.h >= app.layout.font_px("title") * 0.9, "the question in the title's size"
    assert app.frame([], 0.0) is False, "nothing to draw while the number stays"
    assert app.frame([], 1.0) is True and ctl.seconds_left() == int(ctl.countdown) - 1
    # the big button: one tap and the visit goes on, on the same screen, nothing else pressed
    tap_button(app, notice.stay)
    assert ctl.seconds_left() is None and app.top is scene and app.run is not None and not app.run.log


def test_any_touch_keeps_the_visit_and_no_touch_ends_it():
    app = kiosk_app()
    into_a_week(app)
    scene = app.top
    idle_into_countdown(app)
    tap(app, 5, 5)
    assert app.top is scene and app.kiosk_ctl.seconds_left() is None
    idle_into_countdown(app, extra=app.kiosk_ctl.countdown)
    assert app.top.name == "title" and app.run is None


def test_no_countdown_without_a_week_but_a_quiet_reset():
    app = kiosk_app()
    app.open_settings()
    ctl = app.kiosk_ctl
    for _ in range(int(ctl.idle_warn + ctl.countdown) + 1):
        app.frame([], 1.0)
        assert ctl.seconds_left() is None
    assert app.top.name == "title" and len(app.stack) == 1


def start_attract(app) -> None:
    ctl = app.kiosk_ctl
    for _ in range(int(ctl.attract_after) + 1):
        app.frame([], 1.0)
    for _ in range(20):
        app.frame([], 0.5)
    assert ctl.attract and app.autoplayer is not None


@pytest.mark.parametrize("size", SIZES)
def test_the_attract_band_offers_each_language_as_a_big_button(size):
    app = kiosk_app(size=size)
    start_attract(app)
    band = kiosk_views.band(app, app.surface.get_size())
    window = app.surface.get_rect()
    assert window.contains(band.rect)
    assert [b.label for b in band.buttons] == ["English", "Deutsch", "Nederlands"]
    for b in band.buttons:
        assert band.rect.contains(b.rect) and big_enough(app, b.rect)
        assert not b.rect.colliderect(band.prompt)
    assert all(a.rect.right < b.rect.x for a, b in zip(band.buttons, band.buttons[1:]))


@pytest.mark.parametrize("lang", LANGS)
def test_a_tap_on_a_language_starts_the_visit_in_it(lang):
    app = kiosk_app('language = "en"\n')
    start_attract(app)
    b = next(b for b in kiosk_views.band(app, app.surface.get_size()).buttons if b.name.endswith(lang))
    tap_button(app, b)
    assert not app.kiosk_ctl.attract and app.autoplayer is None
    assert app.top.name == "intro" and app.lang == lang and app.run is not None and not app.run.log
    assert app.kiosk_ctl.visit.active and app.kiosk_ctl.visit.lang == lang


def test_a_tap_elsewhere_starts_in_the_default_language():
    app = kiosk_app('language = "nl"\n')
    start_attract(app)
    app.settings.lang = "en"  # whatever the demo showed
    tap(app, 300, 300)
    assert app.top.name == "intro" and app.lang == "nl"
    app.frame([], 0.02)
    assert app.top.name == "intro", "the tap did nothing else (no button below it was pressed)"


def test_a_key_during_the_attract_loop_starts_in_the_default_language():
    app = kiosk_app('language = "nl"\n')
    start_attract(app)
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" ", scancode=0)], 0.02)
    assert app.top.name == "intro" and app.lang == "nl"


def test_one_language_offered_makes_the_whole_band_one_target():
    app = kiosk_app('languages = ["nl"]\n')
    start_attract(app)
    assert kiosk_views.band(app, app.surface.get_size()).buttons == []
    tap(app, 960, 1000)
    assert app.top.name == "intro" and app.lang == "nl"


@pytest.mark.parametrize("size", SIZES)
def test_the_countdown_fits_the_largest_text_in_the_easy_to_read_font(size):
    from game.window.ui import text
    app = kiosk_app('language = "nl"\n', size=size)
    into_a_week(app)
    app.settings.text_size, app.settings.dyslexic_font, app.settings.high_contrast = "largest", True, True
    app.apply_settings()
    idle_into_countdown(app)
    text.OVERFLOWS.clear()
    app.draw()
    notice = kiosk_views.countdown(app, app.surface.get_size(), app.kiosk_ctl.seconds_left())
    assert app.surface.get_rect().contains(notice.card) and notice.card.contains(notice.stay.rect)
    assert notice.line.bottom <= notice.bar.y and notice.bar.bottom <= notice.stay.rect.y
    left = app.kiosk_ctl.seconds_left()
    ours = {app.ui("kiosk.still_there"), app.ui("kiosk.countdown", n=left), app.ui("kiosk.stay")}
    assert [o for o in text.OVERFLOWS if o[0] in ours] == []


def test_the_countdown_reaches_the_display_the_frame_it_appears(monkeypatch):
    """Drawn over a partial frame, the countdown lies outside the areas that frame changed: the
    display is updated whole, or the number would show only at the next second."""
    app = kiosk_app("", size="1920x1080")
    into_a_week(app)
    ctl = app.kiosk_ctl
    shown: list[str] = []
    monkeypatch.setattr(pygame.display, "flip", lambda: shown.append("whole"))
    monkeypatch.setattr(pygame.display, "update", lambda rects=None: shown.append("part"))
    app.frame([], 0.0)
    partial = shown == ["part"]  # a frame of the scene alone, drawn over what the window held
    for _ in range(4 * int(ctl.idle_warn)):
        shown.clear()
        app.frame([], 0.25)
        if ctl.seconds_left() is not None:
            break
    assert partial and ctl.seconds_left() is not None and shown == ["whole"]
