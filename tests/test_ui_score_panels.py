"""The score panels (the card, the meter) while the score moves: painted again when what they show
changes, and left on the window as a whole redraw would draw them once it stops."""
from __future__ import annotations

import pygame
from ui_support import WEEK, make_app, press, to_first_scene, whole


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
