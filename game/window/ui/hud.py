"""The score, always on screen: its state (the score shown as it moves, the notices of the last
change, the friends' flashes) and what each panel shows of it: the meter (meter.py), the score card
(score_card.py), the notices (toasts.py) and the friends (friends_panel.py); panels.py keeps them
painted and on the window."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import pygame

from . import friends_panel, meter, score_card, toasts
from .panels import Panels
from .toasts import TOAST_LIFE, Toast

if TYPE_CHECKING:
    from ..context import ScreenContext

MAX_TOASTS = 3


class Hud:
    def __init__(self, app: "ScreenContext"):
        self.app = app
        self.shown = 0.0
        self.target = 0
        self.pulse_at = -10.0
        self.ring = 0  # the width of the glow the score card was last drawn with (score_card.ring)
        self.toasts: list[Toast] = []
        self.more = 0
        self.friend_flash: dict[str, tuple[int, float]] = {}
        self.pending = None  # the outcome whose day summaries are being shown, one by one
        self.last_stars: dict[str, int] = {}
        self.panels = Panels(app)  # what the window shows of all this (panels.py)

    # ----- state -------------------------------------------------------------------------
    def reset(self, run) -> None:
        self.pending = None
        self.shown = float(run.score)
        self.target = run.score
        self.toasts.clear()
        self.more = 0
        self.friend_flash.clear()
        self.last_stars = {}
        for by, stars, _ in run.ratings:
            self.last_stars[by] = stars

    def forget_panels(self) -> None:
        """The look changed: every panel is painted anew."""
        self.panels.forget()

    def notice(self, text: str) -> None:
        """A one-off notice among the changes (such as: the week cannot be saved)."""
        self.toasts.insert(0, Toast(None, text, self.app.now))
        self.app.dirty = True

    def reason(self, entry) -> str:
        app = self.app
        return app.s(entry.exact if app.settings.transparent else entry.vague)

    def on_outcome(self, outcome, run) -> None:
        """A choice was taken. When it closed days, the score card follows the day summaries: each
        day's end shows that day's changes and score (see at_day_end), and what came as the next
        day began shows with its first scene (see settle)."""
        if outcome.days:
            self.pending = outcome
            return
        self.pending = None
        self._show(list(outcome.entries), outcome, run.score)

    def at_day_end(self, day) -> None:
        """A day's summary is on screen: the score card shows that day's end, not what came after."""
        out = self.pending
        if out is None:
            return
        self._show(self.day_entries(out, day), out if day is out.days[0] else None,
                   day.end_score)

    def settle(self, run) -> None:
        """The next scene (or the ending) is on screen: what came as the day began shows now."""
        out, self.pending = self.pending, None
        if out is None:
            return
        self._show(self.morning_entries(out), None, run.score)

    @staticmethod
    def morning_entries(outcome) -> list:
        """The changes that came as the next day began (after the days `outcome` closed)."""
        last = outcome.days[-1].day
        return [e for e in outcome.entries if e.day > last]

    @staticmethod
    def day_entries(outcome, day) -> list:
        """The changes a day's summary shows: that day's."""
        return [e for e in outcome.entries if e.day == day.day]

    def notices_of(self, entries, now: float) -> list[Toast]:
        """The notices of these changes (the last few): each its amount and reason."""
        out = []
        for entry in entries[-MAX_TOASTS:]:
            text = self.reason(entry)
            if entry.friend and entry.source in ("association", "rating"):
                text = f"{text} ({self.app.name_of(entry.friend)})"
            out.append(Toast(entry.delta, text, now))
        return out

    def prepare_notices(self, entries, width: int) -> None:
        """Measure and compose the notices of these changes at `width` while the player reads the
        screen before the one that shows them: its frames then only blit them."""
        for toast in self.notices_of(entries, 0.0):
            toasts.prepare(self.app.layout, width, toast)

    def _show(self, entries, outcome, target: int) -> None:
        now = self.app.now
        self.toasts[:] = self.notices_of(entries, now)
        self.more = max(0, len(entries) - MAX_TOASTS)
        if outcome is not None:
            for by, stars in outcome.ratings:
                self.last_stars[by] = stars
            for change in outcome.friend_changes:
                old = self.friend_flash.get(change.friend, (0, 0.0))[0] if \
                    self.friend_flash.get(change.friend, (0, -99))[1] == now else 0
                self.friend_flash[change.friend] = (old + change.delta, now)
        if target != self.target:
            self.pulse_at = now
            self.app.sound.play("up" if target > self.target else "down")
        self.target = target
        if self.app.settings.reduced_motion:
            self.shown = float(self.target)

    def update(self, dt: float) -> bool:
        """Advance the animations; True while something moves (the screen must be redrawn)."""
        moving = False
        if abs(self.shown - self.target) > 0.01:
            if self.app.settings.reduced_motion:
                self.shown = float(self.target)
            else:
                step = (self.target - self.shown) * min(1.0, dt * 5.0)
                if abs(step) < 0.6 * 60 * dt:
                    step = max(-60 * dt, min(60 * dt, self.target - self.shown)) or step
                self.shown += step
                if abs(self.shown - self.target) < 0.5:
                    self.shown = float(self.target)
            moving = True
        now = self.app.now
        if not self.app.settings.reduced_motion:
            before = len(self.toasts)
            self.toasts = [t for t in self.toasts if now - t.born < TOAST_LIFE]
            if before != len(self.toasts):
                moving = True
                if not self.toasts:
                    self.more = 0
            if self.toasts and any(now - t.born < 0.4 or now - t.born > TOAST_LIFE - 0.6
                                   for t in self.toasts):
                moving = True
            if now - self.pulse_at < 1.0:
                moving = True
            elif self.ring:  # the glow has ended: one more frame draws the card without it
                self.ring = 0
                moving = True
        return moving

    # ----- drawing -----------------------------------------------------------------------
    def draw_meter(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        opened = meter.opened(self.app, self.shown)
        self.panels.show("meter", surf, rect, meter.marker(self.app, rect, self.shown),
                    lambda s, r: meter.paint_marker(self.app, s, r, self.shown),
                    base=(opened, lambda s, r: meter.paint_track(self.app, s, r, opened)), area=area)

    def draw_score_card(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        run, now = self.app.run, self.app.now
        glow = max(0.0, 1.0 - (now - self.pulse_at)) if not self.app.settings.reduced_motion else 0.0
        ring = self.ring = score_card.ring(self.app.layout, glow)
        state = (round(self.shown), (self.target > self.shown) - (self.target < self.shown), ring,
                 (run.stars, len(run.ratings)) if run is not None else None)
        col = score_card.colour(self.app, self.shown)
        self.panels.show("score", surf, rect, state,
                    lambda s, r: score_card.paint(self.app, s, r, self.shown, self.target, ring),
                    base=(col, lambda s, r: score_card.paint_card(self.app, s, r, col)), area=area)

    def draw_toasts(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        L, now = self.app.layout, self.app.now
        slide = 0 if self.app.settings.reduced_motion else 1
        state = (self.more, tuple((t.delta, t.text, slide * int(max(0.0, 1 - (now - t.born) / 0.35) * L.px(30)))
                                  for t in self.toasts))
        self.panels.show("toasts", surf, rect, state,
                    lambda s, r: toasts.paint(self.app, s, r, self.toasts, self.more), area=area)

    def draw_friends(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        app = self.app
        run, now = app.run, app.now
        if run is None:
            return
        state = tuple((fid, f.score, f.status, self.last_stars.get(fid),
                       self.friend_flash.get(fid, (0, 0.0))[0]
                       if now - self.friend_flash.get(fid, (0, -99.0))[1] < TOAST_LIFE or app.settings.reduced_motion
                       else 0) for fid, f in run.friends.items())
        self.panels.show("friends", surf, rect, state,
                    lambda s, r: friends_panel.paint_list(self.app, s, r, self.friend_flash, self.last_stars),
                    base=(friends_panel.list_faces(app), lambda s, r: friends_panel.paint_list_base(app, s, r)),
                    area=area)

    def score_card_height(self) -> int:
        return score_card.height(self.app.layout)

    def draw_score_line(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        """The score in one row: compact screens."""
        run = self.app.run
        state = (round(self.shown), (run.stars, len(run.ratings)) if run is not None else None)
        self.panels.show("score_line", surf, rect, state, lambda s, r: score_card.paint_line(self.app, s, r, self.shown), area=area)

    def draw_friend_chips(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        """The friends' faces with their tier's shape and score, in a row: compact screens."""
        run = self.app.run
        if run is None:
            return
        state = tuple((fid, f.score, f.status) for fid, f in run.friends.items())
        self.panels.show("friend_chips", surf, rect, state, lambda s, r: friends_panel.paint_chips(self.app, s, r), area=area)

    def friend_chips_width(self) -> int:
        return friends_panel.chips_width(self.app)

    def friends_list_height(self) -> int:
        return friends_panel.list_height(self.app)

    def notice_height(self) -> int:
        return toasts.least_room(self.app.layout)
