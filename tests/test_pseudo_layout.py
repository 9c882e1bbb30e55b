"""The pseudo-language (every string a third longer, accented, bracketed; game/session/pseudo.py) in
every box of every screen at the smallest supported size: a longer language never breaks a layout.
"""
from __future__ import annotations

import pytest
from test_ui_debrief import test_every_debrief_page_fits as every_debrief_page_fits
from test_ui_textfit import assert_all_fit
from ui_support import SCENARIO_PATHS, WEEK, make_app

from game.session import pseudo
from game.session.settings import TEXT_SIZES


def test_the_pseudo_language_is_longer_and_keeps_placeholders():
    text = "{name} gave you {stars} stars: https://example.org/a"
    long = pseudo.lengthen(text)
    assert len(long) >= len(text) * 4 // 3
    assert "{name}" in long and "{stars}" in long and "https://example.org/a" in long
    assert long.startswith("[") and long.endswith("]") and "é" not in text and "ŵ" in long


@pytest.mark.parametrize("text_size", list(TEXT_SIZES))
@pytest.mark.parametrize("path", SCENARIO_PATHS, ids=lambda p: p.parent.name)
def test_every_string_fits_at_1024x768(pseudo_language, path, text_size):
    app = make_app(path, size="1024x768", lang=pseudo_language, text_size=text_size)
    assert app.lang == pseudo.CODE and app.s("name.player").startswith("[")
    assert_all_fit(app)


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920"])
def test_the_kiosk_cuts_no_text(pseudo_language, size):
    app = make_app(WEEK, size=size, lang=pseudo_language, kiosk=True)
    assert_all_fit(app)


@pytest.mark.parametrize("kiosk", [False, True], ids=["home", "kiosk"])
@pytest.mark.parametrize("size", ["1024x768", "1920x1080"])
def test_every_debrief_page_fits(pseudo_language, size, kiosk):
    every_debrief_page_fits(pseudo_language, size, kiosk)
