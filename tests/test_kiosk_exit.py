"""No way out for a visitor: the close button, Alt+F4 and the quit keys do nothing in the kiosk.
The operator's way: Ctrl+Alt+Shift+Q, then the exit PIN on the PIN pad (digits to touch or type)
and OK; a wrong PIN goes back to where it was; without a PIN the chord does nothing; stopping the
service (SIGTERM) ends the game cleanly."""
from __future__ import annotations

import signal

import pygame
import pytest
from kiosk_support import Visitor, keydown, kiosk_app, tap_button
from ui_support import button, make_app

CHORD = pygame.KMOD_LCTRL | pygame.KMOD_LALT | pygame.KMOD_LSHIFT
PIN = 'exit_pin = "2468"\n'


def chord(app) -> None:
    keydown(app, pygame.K_q, CHORD)


def type_on_pad(app, digits: str) -> None:
    for d in digits:
        tap_button(app, button(app, f"digit_{d}"))


def on_a_scene(config: str = PIN):
    app = kiosk_app(config)
    button(app, "play").action()
    Visitor(app).play_to("scene")
    return app


@pytest.mark.parametrize("event", [
    pygame.event.Event(pygame.QUIT),
    pygame.event.Event(pygame.WINDOWCLOSE, window=None),
    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F4, mod=pygame.KMOD_LALT, unicode="", scancode=0),
    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_LCTRL, unicode="", scancode=0),
    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_w, mod=pygame.KMOD_LCTRL, unicode="", scancode=0),
    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_LMETA, unicode="", scancode=0),
    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0),
])
def test_a_visitor_cannot_close_the_kiosk(event):
    for app in (kiosk_app(PIN), on_a_scene()):
        where = app.top.name
        app.frame([event], 0.02)
        assert app.running, event
        assert app.top.name in (where, "pause"), "Escape in a week opens the pause menu, nothing more"


def test_outside_the_kiosk_the_close_button_still_closes():
    app = make_app()
    app.frame([pygame.event.Event(pygame.QUIT)], 0.02)
    assert not app.running


def test_the_chord_and_the_right_pin_let_the_operator_out(capsys):
    app = on_a_scene()
    chord(app)
    assert app.top.name == "pin_pad"
    pad = app.top
    for b in pad.buttons:  # big enough for a finger: the kiosk's least (15 mm and more)
        assert b.rect.h >= app.layout.px(app.layout.button_h) - 1, b.name
    type_on_pad(app, "2468")
    assert pad.entered == "2468"
    tap_button(app, button(app, "ok"))
    assert not app.running
    assert "operator left the kiosk" in capsys.readouterr().err


def test_the_pin_can_be_typed_on_a_keyboard_with_backspace():
    app = on_a_scene()
    chord(app)
    for k in (pygame.K_2, pygame.K_4, pygame.K_9, pygame.K_BACKSPACE, pygame.K_KP6, pygame.K_8):
        keydown(app, k)
    assert app.top.entered == "2468"
    keydown(app, pygame.K_RETURN)
    assert not app.running


def test_a_wrong_pin_goes_back_to_where_it_was():
    app = on_a_scene()
    scene = app.top
    chord(app)
    type_on_pad(app, "1111")
    tap_button(app, button(app, "ok"))
    assert app.running and app.top is scene
    chord(app)
    tap_button(app, button(app, "cancel"))
    assert app.running and app.top is scene


def test_three_wrong_pins_shut_the_chord_for_a_while():
    app = on_a_scene()
    for _ in range(3):
        chord(app)
        type_on_pad(app, "0000")
        tap_button(app, button(app, "ok"))
    chord(app)
    assert app.top.name == "scene", "locked out"
    app.frame([], 301.0)
    app.last_input = app.now
    chord(app)
    assert app.top.name == "pin_pad"


def test_without_a_pin_the_chord_does_nothing():
    for config in ("", 'exit_pin = ""\n', "exit_pin = 1234\n"):
        app = on_a_scene(config)
        chord(app)
        assert app.running and app.top.name == "scene"


def test_the_chord_works_during_the_attract_loop_and_the_pad_closes_by_itself():
    app = kiosk_app(PIN)
    ctl = app.kiosk_ctl
    for _ in range(int(ctl.attract_after) + 2):
        app.frame([], 1.0)
    assert ctl.attract
    chord(app)
    assert not ctl.attract and app.autoplayer is None and app.top.name == "pin_pad"
    for _ in range(31):
        app.frame([], 1.0)
    assert app.top.name == "title" and app.running


def test_stopping_the_service_ends_the_game_cleanly():
    app = kiosk_app(PIN)
    ctl = app.kiosk_ctl
    before = signal.getsignal(signal.SIGTERM)
    ctl.start()
    try:
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler) and handler is not before
        handler(signal.SIGTERM, None)
        assert not app.running
    finally:
        ctl.close()
    assert signal.getsignal(signal.SIGTERM) is before
