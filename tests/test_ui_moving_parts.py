"""What moves on a play screen, drawn no more than it needs and the same as a whole redraw: the
score panels (the card, the meter) while the score moves, and a sanction's picture while it plays."""
from __future__ import annotations

import pygame
from ui_support import WEEK, make_app, press, to_first_scene, whole

from game.window import loop
from game.window.ui.widgets import Button


def test_the_score_panels_are_painted_again_only_when_their_picture_changes(monkeypatch):
    """While the score counts and the card glows, a panel is painted when what it shows changes:
    the card when its number, arrow or glow's width does, the meter's marker when it moves by a
    pixel or changes tier, not at every step of the animation. The window ends as a whole redraw."""
    from game.window.ui import meter, score_card
    app = make_app(WEEK, size="1920x1080")
    to_first_scene(app)
    cards, marks = [], []
    real_paint, real_marker = score_card.paint, meter.paint_marker

    def paint(app_, surf, rect, shown, target, glow_px):
        cards.append((round(shown), (target > shown) - (target < shown), glow_px))
        real_paint(app_, surf, rect, shown, target, glow_px)

    def paint_marker(app_, surf, rect, shown):
        sc = app_.scenario
        track, _ = meter._track(app_, rect)
        marks.append((meter._x_of(app_, track, max(sc.min_score, min(sc.max_score, shown))),
                      sc.tier_for(round(shown)).start))
        real_marker(app_, surf, rect, shown)

    monkeypatch.setattr(score_card, "paint", paint)
    monkeypatch.setattr(meter, "paint_marker", paint_marker)
    changes = 0
    for _ in range(40):  # the week's choices; after each that moves the score, 4 s of frames
        before = app.hud.target
        press(app)
        if app.top.name != "scene":
            continue
        if app.hud.target != before:
            changes += 1
            cards.clear()
            marks.clear()
            drew = [app.frame([], 1 / 60) for _ in range(240)]
            assert any(drew[:30]) and not any(drew[-30:])  # it moved, then was left alone
            assert len(cards) >= 3 and len(marks) >= 2  # the number counted, the glow faded
            assert all(a != b for a, b in zip(cards, cards[1:])), cards  # each painting a new picture
            assert all(a != b for a, b in zip(marks, marks[1:])), marks
            assert cards[-1][2] == 0  # the glow faded to nothing
            assert pygame.image.tobytes(app.surface, "RGB") == whole(app)
            if changes == 3:
                return
    raise AssertionError(f"only {changes} choices changed the score")


def test_a_sanctions_picture_plays_without_drawing_the_choices_again(monkeypatch):
    """A sanction's picture moves for seconds inside its own panel: each frame draws it and puts
    back what it covers, the same picture as a whole redraw, while the choices (clear of it) are
    drawn once and left on the window."""
    app = make_app(WEEK, size="1920x1080")
    app.new_week(seed=1)
    while app.run.scene.kind != "sanction":  # (the week on its first choices, seed 1: a sanction)
        app.choose(app.run.choices()[0].id)
    top = app.top
    assert top.name == "scene" and top.scene.kind == "sanction" and not top.parts_settled()
    app.frame([], 0.0)
    drawn = []
    real = Button.draw
    monkeypatch.setattr(Button, "draw", lambda self, *a, **k: drawn.append(self.name) or real(self, *a, **k))
    frames = []
    for _ in range(30):  # half a second of its picture playing
        app.now += 1 / 60
        app.frame([], 0.0, redraw=False)
        drawn.clear()
        loop.draw(app)
        frames.append(pygame.image.tobytes(app.surface, "RGB"))
        assert not top.parts_settled()
        assert not drawn, drawn  # the buttons: left on the window
        assert frames[-1] == whole(app)
    assert len(set(frames)) > 10  # and the picture did play
