"""Drawn ahead, while the screen before is read: the intro while the title is read (taken only
for a week that starts as the one it was laid out on); the check's first question, words and all,
while the intro is read; the week's first scene, whose frame the
scene after it keeps; and the feed's phone with its posts, so a feed's first frame blits one
surface, the very phone drawn straight onto the card. And beside a column too long for the card
(large text), the phone stands whole while the column scrolls."""
from __future__ import annotations

import pygame
import pytest
from test_ui_partial_frames import drawn_afresh
from ui_support import WEEK, key, make_app

from game.window.screens import feed
from game.window.screens.intro import IntroScreen
from game.window.ui import draw


@pytest.mark.parametrize("same_start", [True, False])
def test_the_intro_drawn_ahead_on_the_title_is_the_intro_a_new_week_shows(monkeypatch, capsys, same_start):
    app = make_app(WEEK, size="1280x720")
    while app.idle_work():  # the title is read: its warm-up, then the intro drawn ahead
        pass
    title = app.top
    intro, score = title.intro_ahead
    assert intro is not None and app.layers.holds_ahead(intro.layer_key_for(app.surface.get_size()))
    if not same_start:  # as if the new week started elsewhere: the intro is made and drawn afresh
        title.intro_ahead = (intro, score + 1)
    drawn: list[IntroScreen] = []
    draw_static = IntroScreen.draw_static
    monkeypatch.setattr(IntroScreen, "draw_static", lambda self, surf: drawn.append(self) or draw_static(self, surf))
    key(app, pygame.K_RETURN)  # Play
    assert app.top.name == "intro" and (app.top is intro) is same_start
    assert drawn == ([] if same_start else [app.top]), "drawn on the intro's first frame"
    assert app.top.score_line == app.ui("intro.your_score", score=app.run.score,
                                        tier=app.s(app.scenario.tier_for(app.run.score).label))
    assert drawn_afresh(app, app.top)
    assert "not drawn ahead" not in capsys.readouterr().err


class CountedRenders(dict):
    """The text module's cache of rendered lines, counting the lines rendered afresh."""
    made = 0

    def __setitem__(self, k, v) -> None:
        type(self).made += 1
        super().__setitem__(k, v)

    def popitem(self, last: bool = True):
        k = next(iter(self)) if not last else next(reversed(self))
        return k, self.pop(k)

    def move_to_end(self, k, last: bool = True) -> None:
        self[k] = self.pop(k)
        type(self).made -= 1  # (moved, not made)


def test_the_first_question_before_the_week_is_drawn_while_the_intro_is_read(monkeypatch):
    """The intro makes the check's first question and draws it ahead: its still layer, and its
    answers' words once off screen, so that its first frame renders no line of text."""
    from game.window.ui import text
    app = make_app(WEEK, size="1920x1080")
    key(app, pygame.K_RETURN)  # Play: the intro
    while app.idle_work():  # the intro is read
        pass
    monkeypatch.setattr(text, "_renders", CountedRenders(text._renders))
    CountedRenders.made = 0
    key(app, pygame.K_RETURN)  # Start the week: the check comes first
    assert app.top.name == "quiz" and app.top.i == 0
    assert CountedRenders.made == 0, "lines rendered on the first question's first frame"
    assert drawn_afresh(app, app.top)


def pixels(surf: pygame.Surface, area: pygame.Rect) -> bytes:
    return pygame.image.tobytes(surf.subsurface(area), "RGB")


def feeds(app, limit: int = 300):
    """Press through the week (1 on a scene, Enter elsewhere), the player reading each scene; yield
    each feed scene as it comes on top, before its first frame."""
    for _ in range(limit):
        if app.top.name == "scene":
            while app.idle_work():  # the player reads the scene: what comes next is drawn ahead
                pass
        key(app, pygame.K_1 if app.top.name == "scene" else pygame.K_RETURN, draw=False)
        if app.top.name == "scene" and app.top.scene.kind == "feed":
            yield app.top
        app.frame([], 0.0)
        if app.top.name == "title":
            return


@pytest.mark.parametrize("size", ["1280x720", "1920x1080"])
def test_a_feeds_posts_are_drawn_while_the_scene_before_is_read(monkeypatch, size):
    posts: list[str] = []
    draw_post = feed.draw_post
    monkeypatch.setattr(feed, "draw_post", lambda screen, surf, box, post: posts.append(post.author) or
                        draw_post(screen, surf, box, post))
    app = make_app(WEEK, size=size)
    shown = 0
    for screen in feeds(app):
        posts.clear()
        app.frame([], 0.0)  # its first frame
        assert not posts, f"{screen.scene.id}: posts drawn on the feed's first frame: {posts}"
        shown += 1
    assert shown >= 2


@pytest.mark.parametrize("text_size,high_contrast", [("normal", False), ("large", True), ("largest", False)])
def test_the_phone_drawn_ahead_is_the_phone_drawn_straight(monkeypatch, text_size, high_contrast):
    """Composed over a clear colour, the phone must not differ by a pixel from the phone drawn on
    the card itself (a post's shadow blended with the clear colour would show)."""
    app = make_app(WEEK, size="1280x720", text_size=text_size, high_contrast=high_contrast)
    compared = 0
    for screen in feeds(app):
        app.frame([], 0.0)
        size = app.surface.get_size()
        ahead = pygame.Surface(size, 0, app.surface)
        screen.draw_static(ahead)
        with monkeypatch.context() as m:
            m.setattr(draw, "composed", lambda key_, size_, paint: None)  # no composing: drawn in place
            straight = pygame.Surface(size, 0, app.surface)
            screen.draw_static(straight)
        assert pygame.image.tobytes(ahead, "RGB") == pygame.image.tobytes(straight, "RGB"), screen.scene.id
        compared += 1
    assert compared >= 2


def test_a_phone_beside_a_scrolling_column_is_drawn_whole(monkeypatch):
    """Large text at 1280x720: the column beside the phone scrolls; the phone (its body and bar,
    not only its posts) is drawn all the same."""
    app = make_app(WEEK, size="1280x720", text_size="large")
    checked = 0
    for screen in feeds(app):
        app.frame([], 0.0)
        assert screen.scrolls and screen.phone.right <= screen.col.x, "the layout this test is about"
        layer = pygame.Surface(app.surface.get_size(), 0, app.surface)
        screen.draw_static(layer)
        with monkeypatch.context() as m:
            m.setattr(feed, "draw_phone_body", lambda *args: None)
            m.setattr(draw, "composed", lambda key_, size_, paint: None)
            bare = pygame.Surface(app.surface.get_size(), 0, app.surface)
            screen.draw_static(bare)
        bar = feed.phone_screen(app.layout, screen.phone)[1]
        assert pixels(layer, bar) != pixels(bare, bar), \
            f"{screen.scene.id}: the phone's bar is not drawn"
        checked += 1
    assert checked >= 2


def test_the_first_scene_drawn_ahead_leaves_its_frame_to_the_scene_after_it(monkeypatch):
    """The week's first scene is drawn ahead while the check is read; the scene after it draws over
    the frame it left (backdrop, the cards' shadows), not the whole frame again, and looks the same."""
    app = make_app(WEEK, size="1280x720")
    while app.top.name != "scene":
        while app.idle_work():  # read: the next page, then the first scene, drawn ahead
            pass
        ahead = app.layers.ahead
        key(app, pygame.K_RETURN)
    first = app.top
    assert ahead is not None and ahead[0] == first.layer_key_for(app.surface.get_size()), "taken ahead"
    while app.idle_work():
        pass
    backdrops: list[str] = []
    background = draw.background
    monkeypatch.setattr(draw, "background", lambda w, h: backdrops.append(app.top.scene.id) or background(w, h))
    key(app, pygame.K_1)
    assert app.top.name == "scene" and app.top is not first
    assert not backdrops, "the scene after the first drew the whole frame again"
    assert drawn_afresh(app, app.top)
