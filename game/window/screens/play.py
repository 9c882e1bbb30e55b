"""The screens of the week itself (scenes, day ends): a top bar, the meter, a sidebar of parts
(score card, notices, friends) and the main card."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import pygame

from ..ui import draw, theme, topbar
from ..ui.meter import height as meter_height
from ..ui.parts import (
    FriendChips,
    Friends,
    Meter,
    Notices,
    Panel,
    Part,
    ScoreCard,
    ScoreLine,
    keep_apart,
)
from ..ui.text import line_h, style_font
from ..ui.widgets import Button
from .base import Screen

if TYPE_CHECKING:
    from ..context import ScreenContext

PANEL_MARGIN = 60  # layout pixels around a scene's panel: its stamp lands larger, turned
PANEL_SETTLED_MARGIN = 6  # and where the landed stamp, turned, may reach over the panel's edge


@dataclass
class Regions:
    top: pygame.Rect
    meter: pygame.Rect
    side: Optional[pygame.Rect]  # the sidebar (score card, notices, friends); None when compact
    main: pygame.Rect
    menu: pygame.Rect
    compact: bool = False        # large text or a narrow screen: no sidebar, a strip instead
    score: Optional[pygame.Rect] = None   # compact: the score beside the meter
    strip: Optional[pygame.Rect] = None   # compact: the last change and the friends' scores
    strip_rows: int = 1                   # 2: the friends' faces under the last change (no room beside)


def play_regions(app: "ScreenContext", title: str = "", subtitle: str = "") -> Regions:
    """The play screen's areas: the top bar, the meter, the sidebar and the main card; their heights
    follow the text size. With large text or a narrow screen the sidebar gives way to a strip (the
    score beside the meter, the last change and the friends below), and the main card takes the width."""
    L = app.layout
    sw, sh = app.surface.get_size()
    m = L.px(16)
    menu_side = L.px(L.button_h) if L.touch else L.px(48)
    top = pygame.Rect(m, L.px(10), sw - 2 * m, 0)
    top.h = topbar.top_height(L, top.w, title, subtitle)
    menu = pygame.Rect(top.right - L.px(7) - menu_side, top.centery - menu_side // 2, menu_side, menu_side)
    side_w = int(L.px(290) * min(1.25, L.text_scale))
    compact = L.text_scale >= 1.5 or sw - side_w - 3 * m < L.px(560) or sh > sw
    if not compact:
        meter = pygame.Rect(m, top.bottom + L.px(2), sw - 2 * m, 0)
        meter.h = meter_height(L, app.scenario, meter.w)
        y = meter.bottom + L.px(6)
        side = pygame.Rect(m, y, side_w, sh - y - L.px(14))
        main = pygame.Rect(side.right + m, y, sw - side.right - 2 * m, side.h)
        return Regions(top, meter, side, main, menu)
    score_w = min(L.px(300) + L.px(60) * max(0, L.text_scale - 1), (sw - 3 * m) // 2)
    meter_w = sw - score_w - 3 * m
    row_h = max(meter_height(L, app.scenario, meter_w),
                line_h(style_font(L, "score_small")) + line_h(style_font(L, "tiny")) + L.px(16))
    score = pygame.Rect(m, top.bottom + L.px(8), score_w, row_h)
    meter = pygame.Rect(score.right + m, score.y, meter_w, row_h)
    strip_h = max(L.px(52), 2 * line_h(style_font(L, "small")) + L.px(16))
    rows = 2 if app.hud.friend_chips_width() > (sw - 2 * m) // 2 else 1
    if rows == 2:
        strip_h += L.px(8) + max(L.px(48), line_h(style_font(L, "small_bold")) + L.px(12))
    strip = pygame.Rect(m, score.bottom + L.px(8), sw - 2 * m, strip_h)
    main = pygame.Rect(m, strip.bottom + L.px(8), sw - 2 * m, sh - strip.bottom - L.px(8) - L.px(14))
    if topbar.menu_below(L):  # an upright kiosk: the menu under the card, in the lowest reach
        main.h -= menu_side + L.px(10)
        menu = pygame.Rect(main.right - menu_side, main.bottom + L.px(10), menu_side, menu_side)
    return Regions(top, meter, None, main, menu, True, score, strip, rows)


class PlayScreen(Screen):
    """A screen of the week: top bar, meter, score card, notices and friends around the main card."""

    shows_hud = True

    def regions(self) -> Regions:
        key = (self.laid_out_for, id(self))
        if getattr(self, "_regions_for", None) != key:
            self._regions_for = key
            self._regions = play_regions(self.app, *self.top_text())
        return self._regions

    def menu_button(self) -> Button:
        r = self.regions().menu
        return Button(r, "", self.app.open_pause, kind="secondary", icon="menu", name="menu",
                      hint=self.app.ui("common.menu"))

    def top_text(self) -> tuple[str, str]:
        return "", ""

    def frame_key(self) -> object:
        """The backdrop, the top bar's card and the main card's shape, shadows included."""
        app, R = self.app, self.regions()
        return (app.surface.get_size(), theme.palette.name, theme.HIGH, app.layout.text_scale,
                app.settings.transparent, tuple(R.top), tuple(R.main))

    def frame_held(self) -> bool:
        """Whether the layer holds this screen's frame already (left by the screen before)."""
        return self.held_frame is not None and self.held_frame == self.frame_key()

    def draw_frame_static(self, surf: pygame.Surface) -> Regions:
        """The still parts around the main card: background and top bar. Over the same frame left
        by the screen before, only the top bar's card and words are drawn again (its shadow and
        the backdrop are there already)."""
        app = self.app
        same = self.frame_held()
        if not same:
            surf.blit(draw.background(*surf.get_size()), (0, 0))
        R = self.regions()
        title, subtitle = self.top_text()
        topbar.draw_top(app, surf, R.top, title, subtitle, shadow=not same)
        return R

    def draw_main_card(self, surf: pygame.Surface, card: pygame.Rect) -> None:
        """The main card, filled afresh; its shadow only where the frame was not there already."""
        L = self.app.layout
        same = self.frame_held()
        draw.flat_card(surf, card, L.px(28), (255, 255, 255), (248, 244, 255), shadow_px=0 if same else L.px(10))

    def parts(self) -> list[Part]:
        """The regions around the main card that animate, each placed once per layout."""
        if getattr(self, "_parts_for", None) != self.laid_out_for:
            self._parts_for = self.laid_out_for
            self._parts = frame_parts(self.app, self.regions()) + self.own_parts()
            hud = self.app.hud
            keep_apart(self._parts, lambda p: hud.panels.area(p.panel, p.rect))
        return self._parts

    def notices_after(self, outcome) -> list:
        """The changes this screen shows as notices when it comes after `outcome`: the choice's, or
        what came as the next day began (a day's summary shows its day's)."""
        return self.app.hud.morning_entries(outcome) if outcome.days else list(outcome.entries)

    def prepare_notices(self, outcome) -> None:
        """Measure and compose the notices this screen will show after `outcome`, while the player
        reads the scene before it: its frames then only blit them."""
        width = next((p.rect.w for p in self.parts() if isinstance(p, Notices)), 0)
        if width > 0:
            self.app.hud.prepare_notices(self.notices_after(outcome), width)

    def own_parts(self) -> list[Part]:
        """A screen's own parts over its main card (a scene's panel)."""
        return []

    def part_areas(self) -> list[pygame.Rect]:
        """A scene's panel, with room for what it draws beyond its edge: while it moves, a stamp
        landing larger and turned; once it has landed, a few pixels."""
        m = self.app.layout.px(PANEL_SETTLED_MARGIN if self.parts_settled() else self.parts_reach())
        return [p.rect.inflate(2 * m, 2 * m) for p in self.parts() if isinstance(p, Panel)]

    def parts_reach(self) -> int:
        """Layout pixels the moving parts may reach beyond their panel (a stamp landing)."""
        return PANEL_MARGIN

    def parts_settled(self) -> bool:
        """True once the screen's own parts have stopped moving (drawn the same frame after frame)."""
        return False

    def painted_areas(self) -> list[pygame.Rect]:
        """The score panels: each blits its whole area, shadows and what lies beneath included."""
        return [p.area for p in self.parts() if p.panel and p.area is not None]

    def beneath_key(self) -> object:
        """What the still layer holds under the score panels: the backdrop, the main card's edge
        and shadow, and the top bar where a panel reaches it; all drawn from these, the same for
        every play screen (a scene and the day's end share it, so a summary reads back nothing)."""
        app, R = self.app, self.regions()
        reach_top = any(a.colliderect(R.top) for a in self.painted_areas())
        return (app.surface.get_size(), theme.palette.name, theme.HIGH, app.layout.text_scale,
                app.settings.transparent, tuple(R.top), tuple(R.meter), tuple(R.side) if R.side else None,
                tuple(R.main), R.compact, self.top_text() if reach_top else None)

    def draw_frame_dynamic(self, surf: pygame.Surface) -> None:
        """The parts that animate: meter, score card, change notices, friends, a screen's own."""
        for part in self.parts():
            part.draw(surf)


def frame_parts(app: "ScreenContext", R: Regions) -> list[Part]:
    """The meter over the width, and down the sidebar the score card, the notices and the friends;
    compact: the score beside the meter, the last change and the friends' faces in a strip."""
    L, hud = app.layout, app.hud
    if R.compact:
        assert R.score is not None and R.strip is not None
        if R.strip_rows == 2:  # the faces under the notices, across the width
            chips_h = max(L.px(48), line_h(style_font(L, "small_bold")) + L.px(12))
            notices = pygame.Rect(R.strip.x, R.strip.y, R.strip.w, R.strip.h - chips_h - L.px(8))
            friends = pygame.Rect(R.strip.x, R.strip.bottom - chips_h, R.strip.w, chips_h)
        else:
            faces = min(R.strip.w // 2, hud.friend_chips_width())
            notices = pygame.Rect(R.strip.x, R.strip.y, R.strip.w - faces - L.px(12), R.strip.h)
            friends = pygame.Rect(R.strip.right - faces, R.strip.y, faces, R.strip.h)
        return [Meter(hud, R.meter), ScoreLine(hud, R.score), Notices(hud, notices), FriendChips(hud, friends)]
    side = R.side
    assert side is not None
    card = pygame.Rect(side.x, side.y, side.w, max(L.px(140), hud.score_card_height()))
    notices = pygame.Rect(side.x, card.bottom + L.px(10), side.w, L.px(160) * min(1.25, L.text_scale))
    # the friends' list needs a row of two lines for each friend: the notices give up room for it,
    # down to one notice; where even that is not enough, the friends are a row of faces at the foot
    need = hud.friends_list_height()
    if side.bottom - notices.y - hud.notice_height() - L.px(8) < need and hud.friend_chips_width() <= side.w:
        chips = pygame.Rect(side.x, side.bottom - L.px(56), side.w, L.px(56))
        notices.h = min(notices.h, chips.y - L.px(8) - notices.y)
        return [Meter(hud, R.meter), ScoreCard(hud, card), Notices(hud, notices), FriendChips(hud, chips)]
    notices.h -= max(0, min(need - (side.bottom - notices.bottom - L.px(8)), notices.h - hud.notice_height()))
    friends = pygame.Rect(side.x, notices.bottom + L.px(8), side.w, side.bottom - notices.bottom - L.px(8))
    return [Meter(hud, R.meter), ScoreCard(hud, card), Notices(hud, notices), Friends(hud, friends)]
