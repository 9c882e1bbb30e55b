"""The parts of a play screen: each region (the meter, the score card, the change notices, the
friends, a scene's gate or sanction panel) is an object with its own place and its own draw, so a
screen lists its parts instead of placing calls by hand, and another layout (portrait) only places
them differently. The animated state they draw is the HUD's (hud.py)."""
from __future__ import annotations

from typing import Any, Callable, Optional

import pygame


class Part:
    """A region of a play screen that draws itself over the screen's still layer."""

    panel = ""  # the HUD's name for it (a panel blitted whole each frame), or "" for a screen's own

    def __init__(self, rect: pygame.Rect):
        self.rect = rect
        self.area: Optional[pygame.Rect] = None  # where a panel is blitted (play.py keeps neighbours' apart)

    def draw(self, surf: pygame.Surface) -> None:
        raise NotImplementedError


class Meter(Part):
    """The score's range in tier colours with the gates marked, and where the score stands."""

    panel = "meter"

    def __init__(self, hud: Any, rect: pygame.Rect):
        super().__init__(rect)
        self.hud = hud

    def draw(self, surf: pygame.Surface) -> None:
        self.hud.draw_meter(surf, self.rect, self.area)


class ScoreCard(Meter):
    """The score, its tier's name and shape, and the stars others gave you."""

    panel = "score"

    def draw(self, surf: pygame.Surface) -> None:
        self.hud.draw_score_card(surf, self.rect, self.area)


class Notices(Meter):
    """What the last choice did to the score, change by change."""

    panel = "toasts"

    def draw(self, surf: pygame.Surface) -> None:
        self.hud.draw_toasts(surf, self.rect, self.area)


class Friends(Meter):
    """Your friends' faces, scores and statuses."""

    panel = "friends"

    def draw(self, surf: pygame.Surface) -> None:
        self.hud.draw_friends(surf, self.rect, self.area)


class ScoreLine(Meter):
    """The score in one row (compact screens): its tier's shape, the number, the tier's name."""

    panel = "score_line"

    def draw(self, surf: pygame.Surface) -> None:
        self.hud.draw_score_line(surf, self.rect, self.area)


class FriendChips(Meter):
    """The friends' faces and scores in a row (compact screens)."""

    panel = "friend_chips"

    def draw(self, surf: pygame.Surface) -> None:
        self.hud.draw_friend_chips(surf, self.rect, self.area)


class Panel(Part):
    """A scene's own panel (a gate's verdict, a sanction's picture), drawn by `paint(surf, rect)`."""

    def __init__(self, rect: pygame.Rect, paint: Callable[[pygame.Surface, pygame.Rect], None]):
        super().__init__(rect)
        self.paint = paint

    def draw(self, surf: pygame.Surface) -> None:
        self.paint(surf, self.rect)


def keep_apart(parts: list[Part], area_of: Callable[[Part], pygame.Rect]) -> None:
    """Give each panel its `area` (`area_of`: its rectangle with room for shadow and glow), then
    split the room between neighbours at the middle of the gap between them: a panel is painted
    over the still layer alone, so two areas that overlapped would each cover the other's edge."""
    panels = [p for p in parts if p.panel]
    for p in panels:
        p.area = area_of(p)
    for i, a in enumerate(panels):
        for b in panels[i + 1:]:
            assert a.area is not None and b.area is not None
            if not a.area.colliderect(b.area):
                continue
            for first, second in ((a, b), (b, a)):
                f, s2 = first.rect, second.rect
                fa, sa = first.area, second.area
                assert fa is not None and sa is not None
                if f.bottom <= s2.top:  # first above second
                    mid = (f.bottom + s2.top) // 2
                    if fa.bottom > mid:
                        fa.height = max(0, mid - fa.top)
                    if sa.top < mid:
                        sa.height, sa.top = max(0, sa.bottom - mid), mid
                elif f.right <= s2.left:  # first left of second
                    mid = (f.right + s2.left) // 2
                    if fa.right > mid:
                        fa.width = max(0, mid - fa.left)
                    if sa.left < mid:
                        sa.width, sa.left = max(0, sa.right - mid), mid

