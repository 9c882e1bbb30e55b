"""The window's "what was real" page and the cases closer to home, as a player meets them."""
from __future__ import annotations

import pytest
from test_ui_debrief import debrief_screens, draw_page, finished
from ui_support import LANGS, SAMPLE, button, click, make_app, overlapping_buttons

from game.session.truth import verdicts
from game.window.ui import text


def pages_of(app, seed: int = 3):
    run = finished(app, seed)
    return run, debrief_screens(app, run)


def test_what_was_real_comes_before_the_myth_cards_and_says_every_group():
    app = make_app(SAMPLE, size="1280x720")
    run, pages = pages_of(app)
    names = [p.name for p in pages]
    assert names.index("debrief_truth") < names.index("debrief_card")
    page = pages[names.index("debrief_truth")]
    assert [v.group.id for v in page.groups()] == [v.group.id for v in verdicts(run)]
    text.OVERFLOWS.clear()
    draw_page(app, pages, names.index("debrief_truth"))
    assert page.content is not None and not text.OVERFLOWS


def test_the_kiosk_shows_only_what_the_visit_met():
    app = make_app(SAMPLE, size="1920x1080", kiosk=True)
    run, pages = pages_of(app)
    page = next(p for p in pages if p.name == "debrief_truth")
    assert page.groups() and all(v.met for v in page.groups())


@pytest.mark.parametrize("lang,first_home", [("nl", "bkr"), ("en", "rating_apps")])
def test_closer_to_home_follows_the_language(lang, first_home):
    app = make_app(SAMPLE, size="1280x720", lang=lang)
    _, pages = pages_of(app)
    home = [p for p in pages if p.name == "debrief_card" and p.kind == "home"]
    assert [p.item.id for p in home] == [first_home]


def test_the_region_is_a_setting_and_the_debrief_follows_it():
    app = make_app(SAMPLE, size="1280x720", lang="en")
    click(app, button(app, "settings"))
    assert app.top.name == "settings"
    click(app, button(app, "region:the Netherlands"))
    assert app.settings.region == "nl"
    assert overlapping_buttons(app.top, app.surface.get_rect()) == []
    click(app, button(app, "back"))
    _, pages = pages_of(app)
    home = [p for p in pages if p.name == "debrief_card" and p.kind == "home"]
    assert [p.item.id for p in home] == ["bkr"]


@pytest.mark.parametrize("text_size", ["normal", "largest"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_truth_page_fits(lang, text_size):
    app = make_app(SAMPLE, size="1024x768", lang=lang, text_size=text_size)
    _, pages = pages_of(app)
    text.OVERFLOWS.clear()
    i = [p.name for p in pages].index("debrief_truth")
    draw_page(app, pages, i)
    assert not text.OVERFLOWS, text.OVERFLOWS[:3]
    assert overlapping_buttons(app.top, app.surface.get_rect()) == []
