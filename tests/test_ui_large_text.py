"""Large text and the easy-to-read font: lines as tall as their letters, labels centred in their
buttons, gate labels that move up a row rather than touch, and pages too tall that scroll with
their buttons (which cannot be pressed where they are scrolled out of view)."""
from __future__ import annotations

import pygame
import pytest
from test_ui_debrief import draw_page, finished
from ui_support import WEEK, click, make_app

from game.window.screens import feed
from game.window.screens.debrief_hook import debrief_screens
from game.window.ui import meter, text, theme
from game.window.ui.widgets import Button


@pytest.fixture
def family():
    pygame.font.init()
    yield theme.use_font
    theme.use_font("inter")


@pytest.mark.parametrize("name", ["inter", "dyslexic"])
def test_a_line_is_as_tall_as_its_letters_and_no_taller_than_its_font(family, name):
    family(name)
    f = text.style_font(theme.Layout(1920, 1080, 2.0), "body")
    ink = f.render("ÁÉgjpqy", True, (0, 0, 0)).get_bounding_rect()
    height, top = text.tight(f)
    assert ink.h <= height <= f.get_height()
    assert top <= ink.y and ink.bottom <= top + height  # the letters lie inside the line's box
    if name == "dyslexic":  # its font asks more room than even its accents and descenders need
        assert height < f.get_height()
        bold = text.style_font(theme.Layout(1920, 1080, 2.0), "button")
        assert text.tight(bold)[0] < bold.get_height() * 0.8


@pytest.mark.parametrize("name", ["inter", "dyslexic"])
@pytest.mark.parametrize("label", ["Skip", "Play", "Tempted"])
def test_a_label_sits_in_the_middle_of_its_button(family, name, label):
    family(name)
    L = theme.Layout(1920, 1080, 2.0)
    surf = pygame.Surface((900, 300))
    surf.fill((255, 255, 255))
    r = pygame.Rect(50, 50, 600, L.px(L.button_h + 6))
    Button(r, label, lambda: None, kind="secondary").draw(surf, L)
    inner = r.inflate(-L.px(40), -L.px(16))
    rows = [y for y in range(inner.y, inner.bottom)
            if any(surf.get_at((x, y))[0] < 100 for x in range(inner.x, inner.right, 2))]
    above, below = rows[0] - r.y, r.bottom - rows[-1]
    assert abs(above - below) <= r.h * 0.2, (above, below)


def test_gate_labels_close_together_take_two_rows():
    app = make_app(WEEK, size="1024x768", text_size="largest")
    L, sc = app.layout, app.scenario
    x, w = meter.track_span(L, pygame.Rect(0, 0, 600, 0))
    assert 1 in meter.gate_rows(L, sc, x, w)  # 650, 700, 750 on a short meter at twice the size
    x, w = meter.track_span(L, pygame.Rect(0, 0, 6000, 0))
    assert meter.gate_rows(L, sc, x, w) == [0] * len(sc.gates)
    assert meter.height(L, sc, 600) > meter.height(L, sc, 6000)


def quiz_page(app):
    pages = debrief_screens(app, finished(app, 5))
    i = next(i for i, p in enumerate(pages) if p.name == "quiz" and p.phase == "after")
    draw_page(app, pages, i)
    return app.top


def test_a_page_too_tall_scrolls_with_its_buttons():
    app = make_app(WEEK, size="1024x768", lang="nl", text_size="largest", dyslexic_font=True)
    page = quiz_page(app)
    assert page.overflow > 0, "at twice the size in the easy-to-read font the question does not fit"
    last = page.scrolled[-1]
    assert last.rect.bottom > page.body.bottom
    # pressed where it lies under the footer: nothing happens, the footer's own button wins or nothing
    hidden = pygame.Rect(last.rect.x, page.body.bottom, last.rect.w, last.rect.bottom - page.body.bottom)
    if hidden.h > 4:
        assert page.button_at((hidden.x + 10, hidden.centery)) is not last
    # the keyboard's focus brings it into view
    page.focus = page.buttons.index(page.scrolled[-2])
    page.move_focus(+1)
    assert page.buttons[page.focus] is last
    assert page.body.contains(last.rect)
    assert page.shift > 0
    # Page Up goes back to the top; the question moves with the answers
    before = page.text_rect.y
    page.scroll(None, 10 ** 6)
    assert page.shift == 0 and page.text_rect.y > before


def test_a_scrolled_answer_is_pressed_where_it_shows():
    app = make_app(WEEK, size="1024x768", lang="nl", text_size="largest", dyslexic_font=True)
    page = quiz_page(app)
    page.scroll(None, -10 ** 6)  # to the end
    last = page.scrolled[-1]
    assert page.body.contains(last.rect)
    qid = page.question.id
    click(app, last)
    assert page.session.quiz_after[qid] == last.name.split(":")[1]


def test_the_feed_grows_with_the_text():
    large = theme.Layout(1024, 768, 2.0)
    normal = theme.Layout(1024, 768, 1.0)
    assert feed.head_height(large) > feed.head_height(normal)
    assert feed.bar_height(large) > feed.bar_height(normal)
    assert feed.foot_height(large) > feed.foot_height(normal)


def test_a_new_window_goes_back_to_the_usual_font():
    make_app(WEEK, size="1024x768", dyslexic_font=True)
    assert "OpenDyslexic" in str(theme.FONT_FILES["regular"])
    make_app(WEEK, size="1024x768")
    assert "Inter" in str(theme.FONT_FILES["regular"])


@pytest.mark.parametrize("size", ["1280x720", "1024x768", "1920x1080"])
@pytest.mark.parametrize("text_size", ["normal", "large", "larger"])
@pytest.mark.parametrize("dyslexic", [False, True])
def test_each_friend_has_room_for_a_name_over_a_score(size, text_size, dyslexic):
    """The sidebar's list gives every friend a row of two lines (the notices give up room for
    it); where even then it cannot, the friends are a row of faces."""
    from ui_support import through_week

    from game.window.screens.play import frame_parts
    from game.window.ui import friends_panel
    from game.window.ui.parts import FriendChips, Friends
    app = make_app(WEEK, size=size, text_size=text_size, dyslexic_font=dyslexic)
    scene = next(s for s in through_week(app) if s.name == "scene")
    parts = frame_parts(app, scene.regions())
    friends = [p for p in parts if isinstance(p, (Friends, FriendChips))]
    assert len(friends) == 1
    if not scene.regions().compact and size != "1024x768":  # the notices give up room for the list
        assert isinstance(friends[0], Friends)
    if isinstance(friends[0], Friends):
        rows = [box for *_, box, _ in friends_panel._rows(app, friends[0].rect)]
        assert len(rows) == len(app.scenario.friends)
        assert all(box.h + app.layout.px(6) >= friends_panel.row_height(app) for box in rows), (rows, size)
        assert rows[-1].bottom <= friends[0].rect.bottom
    else:
        assert friends[0].rect.w >= app.hud.friend_chips_width()
