"""Every visitor starts clean: when a visit ends (the countdown, the debrief's last page, the pause
menu's Start over) and when the attract loop starts, every setting a visitor may change returns to
the operator's defaults, and takes effect (palette, font, text size, speech, sound)."""
from __future__ import annotations

import pytest
from kiosk_support import Visitor, kiosk_app, tap_button
from ui_support import button

from game.window.ui import theme

CONFIG = 'language = "nl"\ntext_size = "large"\nvolume = 4\n'


def change_everything(app) -> None:
    """A visitor opens the settings and changes each thing a visitor may change."""
    app.open_settings()
    s = app.top
    for name, value in [("lang", "en"), ("text_size", "largest"), ("high_contrast", True), ("dyslexic_font", True),
                        ("transparent", True), ("reduced_motion", True), ("speech", True), ("volume", 9),
                        ("effects_volume", 2), ("interface_volume", 1)]:
        s.set(name, value)
    app.pop()
    assert app.settings.lang == "en" and app.settings.text_size == "largest"
    assert theme.HIGH and app.voice.enabled and app.layout.text_scale == 2.0


def assert_clean(app) -> None:
    """The next visitor sees the operator's defaults, in effect."""
    assert app.settings.to_dict() == app.kiosk_defaults.to_dict()
    st = app.settings
    assert (st.lang, st.text_size, st.volume) == ("nl", "large", 4)
    assert not (st.high_contrast or st.dyslexic_font or st.transparent or st.reduced_motion or st.speech)
    assert not theme.HIGH, "the pastel palette is back"
    assert app.layout.text_scale == 1.25, "the layout is measured in the default text size"
    assert app.voice.enabled is False
    assert app.sound.volume == pytest.approx(0.4) and app.sound.kinds["interface"] == pytest.approx(0.4)
    assert app.top.name == "title"
    app.top.ensure_layout()
    assert button(app, "play").label == "Spelen"


def start_visit(app) -> None:
    tap_button(app, button(app, "play"))
    assert app.top.name == "intro" and app.run is not None


def test_the_countdown_ends_a_visit_and_the_next_starts_clean():
    app = kiosk_app(CONFIG)
    assert_clean(app)
    start_visit(app)
    change_everything(app)
    ctl = app.kiosk_ctl
    for _ in range(int(ctl.idle_warn + ctl.countdown) + 1):
        app.frame([], 1.0)
    assert app.run is None
    assert_clean(app)


def test_finishing_the_debrief_ends_a_visit_and_the_next_starts_clean():
    app = kiosk_app(CONFIG)
    start_visit(app)
    change_everything(app)
    visitor = Visitor(app)
    visitor.play_to("ending")
    change_everything(app)  # again at the ending, for good measure
    visitor.play_through()
    assert_clean(app)


def test_start_over_from_the_pause_menu_starts_clean():
    app = kiosk_app(CONFIG)
    start_visit(app)
    Visitor(app).play_to("scene")
    change_everything(app)
    app.open_pause()
    app.frame([], 0.02)
    tap_button(app, button(app, "restart"))
    assert_clean(app)


def test_the_attract_loop_starts_clean_after_a_visitor_played_with_the_title():
    app = kiosk_app(CONFIG)
    change_everything(app)  # from the title's gear, then walks away without playing
    app.top.set_lang("en")
    ctl = app.kiosk_ctl
    for _ in range(int(ctl.attract_after) + 1):
        app.frame([], 1.0)
    assert ctl.attract
    assert app.settings.to_dict() == app.kiosk_defaults.to_dict() and not theme.HIGH


def test_many_visitors_each_start_clean():
    """Visitors one after another, each changing something else; each next one starts clean."""
    app = kiosk_app(CONFIG)
    ctl = app.kiosk_ctl
    changes = [("high_contrast", True), ("text_size", "largest"), ("lang", "en"), ("speech", True),
               ("dyslexic_font", True), ("reduced_motion", True)]
    for name, value in changes:
        assert_clean(app)
        start_visit(app)
        app.open_settings()
        app.top.set(name, value)
        app.pop()
        assert getattr(app.settings, name) == value
        for _ in range(int(ctl.idle_warn + ctl.countdown) + 1):
            app.frame([], 1.0)
    assert_clean(app)
    assert app.errors == []
