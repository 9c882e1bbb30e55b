"""The settings from every screen: a gear on the pages around the week, the menu (and its Settings)
on the week's own screens; changed there, they apply to the page the player came from at once."""
from __future__ import annotations

import pygame
from ui_support import SAMPLE, button, click, key, make_app, through_week


def ways_to_settings(screen) -> set[str]:
    names = {b.name for b in screen.buttons}
    return names & {"settings", "menu"}


def test_every_screen_of_a_week_and_its_debrief_leads_to_the_settings():
    app = make_app(SAMPLE, size="1024x768")
    seen: dict[str, set[str]] = {}
    for _ in range(400):
        top = app.top
        seen.setdefault(top.name, ways_to_settings(top))
        if top.name == "title" and len(seen) > 1:
            break
        key(app, pygame.K_1 if top.name == "scene" else pygame.K_RETURN)
    else:
        raise AssertionError(f"the week and its debrief did not end: {sorted(seen)}")
    assert {"title", "intro", "scene", "day_end", "ending", "week_chart", "debrief_feeling",
            "debrief_card", "quiz", "debrief_questions"} <= set(seen)
    assert {name for name, ways in seen.items() if not ways} == set()
    # the menu's way: the pause menu has the settings
    app.new_week(seed=1)
    app.begin_week()
    while app.top.name == "quiz":
        key(app, pygame.K_1)
    click(app, button(app, "menu"))
    assert app.top.name == "pause" and "settings" in {b.name for b in app.top.buttons}


def test_the_gear_opens_the_settings_and_the_page_comes_back_in_the_new_size():
    app = make_app(SAMPLE, size="1024x768")
    key(app, pygame.K_RETURN)  # Play
    assert app.top.name == "intro"
    click(app, button(app, "settings"))
    assert app.top.name == "settings"
    click(app, button(app, "text_size:200%"))
    click(app, button(app, "back"))
    assert app.top.name == "intro"
    app.frame([], 0.02)
    assert app.layout.text_scale == 2.0
    assert app.top.buttons[-1].rect.h >= app.layout.px(app.layout.button_h)  # laid out again, larger


def test_an_icon_without_words_is_said_by_its_name_when_it_takes_the_focus():
    app = make_app(SAMPLE, size="1024x768")
    said: list[str] = []
    app.say = said.append
    key(app, pygame.K_RETURN)  # Play, to the intro
    page = app.top
    gear = next(i for i, b in enumerate(page.buttons) if b.name == "settings")
    page.focus = (gear - 1) % len(page.buttons)
    key(app, pygame.K_TAB)
    assert page.buttons[page.focus].name == "settings"
    assert said[-1] == app.ui("title.settings")


def test_with_reduced_motion_nothing_on_any_screen_moves():
    """Two frames a second apart, with no input between them, are the same picture on every screen
    of the week and its debrief: the score jumps to its new value, notices do not slide, stamps do
    not zoom, the sanction's picture does not play."""
    app = make_app(SAMPLE, size="1024x768")
    app.settings.reduced_motion = True
    checked = set()
    for _ in through_week(app, 400):
        for _ in range(2):  # (a page that goes on by itself after a while is not motion: the next is checked)
            app.frame([], 0.02)
            before = app.top
            still = pygame.image.tobytes(app.surface, "RGB")
            for _ in range(3):
                app.frame([], 0.35)
            if app.top is before:
                assert pygame.image.tobytes(app.surface, "RGB") == still, f"{before.name} moved"
                checked.add(before.name)
                break
    assert {"scene", "day_end", "ending", "week_chart", "debrief_card"} <= checked
