"""Contrast in every look: each palette's text and background pairs reach 4.5:1 and its focus ring
and control edges 3:1 (WCAG 2.2, 1.4.3 and 1.4.11); and, measured on the screens themselves, every
text drawn on every screen of every shipped week and its debrief reaches 4.5:1 against what lies
under it (3:1 for large text)."""
from __future__ import annotations

import pygame
import pytest
from test_ui_debrief import debrief_screens, draw_page, finished, seed_stats
from test_ui_textfit import all_screens
from ui_support import SCENARIO_PATHS, make_app

from game.window.ui import text, theme


def test_the_contrast_ratio_is_wcags():
    assert theme.contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert theme.contrast((90, 90, 90), (90, 90, 90)) == pytest.approx(1.0)
    assert theme.contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)  # the usual grey


@pytest.mark.parametrize("name", sorted(theme.PALETTES))
def test_every_text_pair_of_every_palette_reaches_4_5(name):
    p = theme.PALETTES[name]
    low = {(fg, bg): round(theme.contrast(getattr(p, fg), getattr(p, bg)), 2) for fg, bg in theme.TEXT_PAIRS}
    assert {k: v for k, v in low.items() if v < 4.5} == {}


@pytest.mark.parametrize("name", sorted(theme.PALETTES))
def test_every_focus_ring_and_control_edge_reaches_3(name):
    p = theme.PALETTES[name]
    low = {(fg, bg): round(theme.contrast(getattr(p, fg), getattr(p, bg)), 2) for fg, bg in theme.EDGE_PAIRS}
    assert {k: v for k, v in low.items() if v < 3.0} == {}


@pytest.mark.parametrize("name", sorted(theme.PALETTES))
def test_a_hovered_button_keeps_its_words_readable(name):
    p = theme.PALETTES[name]
    filled = theme.mix(p.BUTTON_TOP, p.BUTTON_BOTTOM, 0.5)
    outlined = theme.lighter(p.BUTTON2_TOP, 0.25)
    assert theme.contrast(p.BUTTON_INK, filled) >= 4.5
    assert theme.contrast(p.INK, outlined) >= 4.5


@pytest.mark.parametrize("colour", [(20, 20, 20), (120, 0, 0), (0, 60, 140), (250, 250, 120)])
def test_a_tint_of_any_scenario_colour_carries_text(colour):
    theme.use("pastel")
    for amount in (0.4, 0.55, 0.78):
        assert theme.contrast(theme.INK_SOFT, theme.behind_text(colour, amount)) >= 4.5


def test_the_measure_on_screen_catches_faint_text():
    pygame.font.init()
    L = theme.Layout(1280, 720)
    surf = pygame.Surface((400, 200))
    surf.fill((255, 255, 255))
    text.CONTRASTS = []
    try:
        text.draw_text(surf, L, "Faint words", "small", pygame.Rect(10, 10, 300, 50), (200, 200, 200))
        text.draw_line(surf, L, "Dark words", "small", (10, 100), (0, 0, 0))
        (faint, r1, large1), (dark, r2, _) = text.CONTRASTS
    finally:
        text.CONTRASTS = None
    assert r1 < 2 and not large1 and r2 == pytest.approx(21.0)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["pastel", "high-contrast"])
@pytest.mark.parametrize("path", SCENARIO_PATHS, ids=lambda p: p.parent.name)
def test_every_text_on_every_screen_stands_out_from_what_lies_under_it(path, high_contrast):
    app = make_app(path, size="1280x720", lang="nl", high_contrast=high_contrast)
    text.CONTRASTS = []
    try:
        all_screens(app)
        seed_stats(app, 2)
        pages = debrief_screens(app, finished(app, 5))
        for i in range(len(pages)):
            draw_page(app, pages, i)
        drawn = text.CONTRASTS
    finally:
        text.CONTRASTS = None
    assert len(drawn) > 500
    low = sorted({(round(ratio, 2), t[:50]) for t, ratio, large in drawn if ratio < (3.0 if large else 4.5)})
    assert low == [], f"{len(low)} texts too faint: {low[:15]}"
