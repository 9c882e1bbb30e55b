"""The score, always on screen: its state (the score shown as it moves, the notices of the last
change, the friends' flashes) and the panels drawn from it, each painted once per state and kept:
the meter (meter.py), the score card (score_card.py), the notices (toasts.py) and the friends
(friends_panel.py)."""
from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Callable, Optional

import pygame

from . import friends_panel, meter, score_card, toasts
from .toasts import TOAST_LIFE, Toast

if TYPE_CHECKING:
    from ..context import ScreenContext

MAX_TOASTS = 3
PANEL_ROOM = 16  # layout pixels around a panel for its shadow and glow (redrawn with it)
PANEL_WORK = 2  # units of panel work (a read-back or a painting) per frame (the others wait a frame)
PANEL_COST = {"friend_chips": 2}  # a friend's face and score per chip


class Hud:
    def __init__(self, app: "ScreenContext"):
        self.app = app
        self.shown = 0.0
        self.target = 0
        self.pulse_at = -10.0
        self.toasts: list[Toast] = []
        self.more = 0
        self.friend_flash: dict[str, tuple[int, float]] = {}
        self.pending = None  # the outcome whose day summaries are being shown, one by one
        self.last_stars: dict[str, int] = {}
        # each panel drawn once per state and kept; `hold` reuses the last one as it is (set for
        # a new screen's first frame, so its cost is the new screen only; animations start next)
        self._panels: dict[str, tuple[tuple, tuple, pygame.Surface, object, object]] = {}  # beneath: (area, pixels' checksum)
        self.hold = False
        self.layer: object = None  # the key of the still layer the panels are drawn over
        self.beneath: Optional[pygame.Surface] = None  # and that layer
        # what the layer holds under the panels, as the screen describes it (None: read its pixels)
        self.beneath_key: object = None
        self._bases: dict[str, tuple[tuple, tuple, pygame.Surface]] = {}  # what stays under a panel's moving part
        self._on_window: dict[str, tuple[pygame.Surface, tuple]] = {}  # the panel the window holds, and where
        self.work = 0  # panels read back or painted in this frame
        self.waiting: set[str] = set()  # panels put off in this frame
        self.turn: set[str] = set()  # those that waited longest, whose turn this frame is
        self.done: set[str] = set()  # painted in this frame
        self.since: dict[str, int] = {}  # the frame each waiting panel first waited in

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
        self._panels.clear()

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
        self._show([e for e in out.entries if e.day == day.day], out if day is out.days[0] else None,
                   day.end_score)

    def settle(self, run) -> None:
        """The next scene (or the ending) is on screen: what came as the day began shows now."""
        out, self.pending = self.pending, None
        if out is None:
            return
        last = out.days[-1].day
        self._show([e for e in out.entries if e.day > last], None, run.score)

    def _show(self, entries, outcome, target: int) -> None:
        now = self.app.now
        self.toasts.clear()
        for entry in entries[-MAX_TOASTS:]:
            text = self.reason(entry)
            if entry.friend and entry.source in ("association", "rating"):
                text = f"{text} ({self.app.name_of(entry.friend)})"
            self.toasts.append(Toast(entry.delta, text, now))
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
        return moving

    # ----- drawing -----------------------------------------------------------------------
    def _panel(self, name: str, surf: pygame.Surface, rect: pygame.Rect, state: tuple, paint,
               base: Optional[tuple[tuple, Callable[[pygame.Surface, pygame.Rect], None]]] = None,
               area: Optional[pygame.Rect] = None) -> None:
        """Blit the panel for `state`, painting it first when its state or what lies beneath
        it (the screen's still layer, read back once per layer) changed. `base`: (its state, its
        paint) for what stays while the rest moves (a card, a track), painted once and kept, so
        that an animation frame paints only what moves over a copy of it. `area`: where it is
        blitted (its rectangle with room for shadow and glow; the screen keeps neighbours' apart)."""
        app, L = self.app, self.app.layout
        area = (area or self.panel_area(name, rect)).clip(surf.get_rect())
        # what lies beneath is the screen's still layer (the window may still hold the last frame's panel)
        beneath_src = self.beneath if self.beneath is not None and self.beneath.get_size() == surf.get_size() else surf
        under = beneath_src.subsurface(area)
        hit = self._panels.get(name)
        key = (state, surf.get_size(), L.text_scale, L.touch, app.settings.lang, app.settings.transparent,
               app.settings.reduced_motion, id(app.run), id(app.scenario))
        same_area = hit is not None and hit[1][0] == tuple(area)
        if same_area and (hit[3] == self.layer or (self.beneath_key is not None and hit[4] == self.beneath_key)):
            beneath = hit[1]  # the same still layer, or one the screen says is the same here
        elif same_area and not self._afford(name):
            self._put(name, surf, area, hit[2])  # as it was; read back on a later frame
            return
        else:
            beneath = (tuple(area), zlib.crc32(under.copy().get_view("1")))  # a checksum, not megabytes kept
        if hit is None or hit[1] != beneath or (hit[0] != key and not self.hold):
            if hit is not None and hit[1] == beneath and not self._afford(name):
                hit = (hit[0], beneath, hit[2], self.layer, self.beneath_key)  # painted on a later frame
            else:
                inner = rect.move(-area.x, -area.y)
                if base is None:
                    panel = under.copy()
                else:
                    kept = self._bases.get(name)
                    base_key = (base[0], key[1:])
                    if kept is None or kept[0] != base_key or kept[1] != beneath:
                        ground = under.copy()
                        base[1](ground, inner)
                        kept = self._bases[name] = (base_key, beneath, ground)
                    panel = kept[2].copy()
                paint(panel, inner)
                hit = (key, beneath, panel, self.layer, self.beneath_key)
        elif hit[3] != self.layer:
            hit = (hit[0], beneath, hit[2], self.layer, self.beneath_key)
        self._panels[name] = hit
        self._put(name, surf, area, hit[2])

    def panels_shown(self) -> tuple:
        """What the score panels show, as a key."""
        return tuple(sorted((name, hit[0]) for name, hit in self._panels.items()))

    def panel_area(self, name: str, rect: pygame.Rect) -> pygame.Rect:
        """Where a panel is blitted: its rectangle with room for shadow and glow; the meter has
        none above and below (so that it never reaches the top bar or the card beneath it)."""
        m = self.app.layout.px(PANEL_ROOM)
        return rect.inflate(2 * m, 0 if name == "meter" else 2 * m)

    def _afford(self, name: str) -> bool:
        """Whether this frame may read back or paint one more panel. A change that moves every
        panel at once is spread over a few frames instead of costing one long one: a few units of
        work per frame (the friends' faces in a row count double), those that waited longest first; a new
        screen's first frame shows them as they were. With reduced motion, all at once: a change
        shown piece by piece would be a movement."""
        if self.hold:
            self.app.dirty = True  # from the next frame on
            return False
        if self.app.settings.reduced_motion:
            return True
        cost = PANEL_COST.get(name, 1)
        due = name in self.turn
        owed = sum(PANEL_COST.get(n, 1) for n in self.turn - self.done - {name})  # turns still to come
        if due or self.work + cost + owed <= PANEL_WORK:
            self.work += cost
            self.done.add(name)
            self.since.pop(name, None)
            return True
        self.waiting.add(name)
        self.since.setdefault(name, self.app.frames)
        self.app.dirty = True  # the rest on the next frame
        return False

    def begin_frame(self) -> None:
        """A frame starts: the panels that waited longest take their turn in it."""
        order = sorted(self.waiting, key=lambda n: (self.since.get(n, 0), n))
        self.turn, budget = set(), PANEL_WORK
        for n in order:
            cost = PANEL_COST.get(n, 1)
            if self.turn and cost > budget:
                continue
            self.turn.add(n)
            budget -= cost
        self.waiting, self.done = set(), set()
        self.work = 0

    def _put(self, name: str, surf: pygame.Surface, area: pygame.Rect, panel: pygame.Surface) -> None:
        """Blit `panel` over `area`, unless the window holds it there already."""
        app, layers = self.app, self.app.layers
        if surf is app.surface:  # what the window holds: a panel unchanged since the last frame stays
            held = self._on_window.get(name)
            if layers.partial and held is not None and held[0] is panel and held[1] == tuple(area):
                for r in list(layers.touched):  # only where this frame drew over it (a layer put back, a panel)
                    part = r.clip(area)
                    if part.w and part.h:
                        surf.blit(panel, part.topleft, part.move(-area.x, -area.y))
                return
            self._on_window[name] = (panel, tuple(area))
            layers.touched.append(area)
        surf.blit(panel, area.topleft)

    def draw_meter(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        opened = meter.opened(self.app, self.shown)
        self._panel("meter", surf, rect, (round(self.shown, 2),),
                    lambda s, r: meter.paint_marker(self.app, s, r, self.shown),
                    base=(opened, lambda s, r: meter.paint_track(self.app, s, r, opened)), area=area)

    def draw_score_card(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        run, now = self.app.run, self.app.now
        glow = max(0.0, 1.0 - (now - self.pulse_at)) if not self.app.settings.reduced_motion else 0.0
        state = (round(self.shown), (self.target > self.shown) - (self.target < self.shown), round(glow, 2),
                 (run.stars, len(run.ratings)) if run is not None else None)
        col = score_card.colour(self.app, self.shown)
        self._panel("score", surf, rect, state,
                    lambda s, r: score_card.paint(self.app, s, r, self.shown, self.target, glow),
                    base=(col, lambda s, r: score_card.paint_card(self.app, s, r, col)), area=area)

    def draw_toasts(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        L, now = self.app.layout, self.app.now
        slide = 0 if self.app.settings.reduced_motion else 1
        state = (self.more, tuple((t.delta, t.text, slide * int(max(0.0, 1 - (now - t.born) / 0.35) * L.px(30)))
                                  for t in self.toasts))
        self._panel("toasts", surf, rect, state,
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
        self._panel("friends", surf, rect, state,
                    lambda s, r: friends_panel.paint_list(self.app, s, r, self.friend_flash, self.last_stars),
                    base=(friends_panel.list_faces(app), lambda s, r: friends_panel.paint_list_base(app, s, r)),
                    area=area)

    def score_card_height(self) -> int:
        return score_card.height(self.app.layout)

    def draw_score_line(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        """The score in one row: compact screens."""
        run = self.app.run
        state = (round(self.shown), (run.stars, len(run.ratings)) if run is not None else None)
        self._panel("score_line", surf, rect, state, lambda s, r: score_card.paint_line(self.app, s, r, self.shown), area=area)

    def draw_friend_chips(self, surf: pygame.Surface, rect: pygame.Rect, area: Optional[pygame.Rect] = None) -> None:
        """The friends' faces with their tier's shape and score, in a row: compact screens."""
        run = self.app.run
        if run is None:
            return
        state = tuple((fid, f.score, f.status) for fid, f in run.friends.items())
        self._panel("friend_chips", surf, rect, state, lambda s, r: friends_panel.paint_chips(self.app, s, r), area=area)

    def friend_chips_width(self) -> int:
        return friends_panel.chips_width(self.app)
