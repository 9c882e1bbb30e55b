"""The score panels as the window shows them: each painted once per state over the screen's
still layer and kept (what stays under a moving part kept apart, so an animation frame paints only
what moves), left alone on the window while unchanged, and, when one change moves them all,
painted over a few frames, those that waited longest first. The HUD (hud.py) says what each shows."""
from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Callable, Optional

import pygame

if TYPE_CHECKING:
    from ..context import ScreenContext

PANEL_ROOM = 16  # layout pixels around a panel for its shadow and glow (redrawn with it)
PANEL_WORK = 2  # units of panel work (a read-back or a painting) per frame (the others wait a frame)
PANEL_COST = {"friend_chips": 2}  # a friend's face and score per chip


class Panels:
    def __init__(self, app: "ScreenContext"):
        self.app = app
        # by name: (key, beneath: (area, its pixels' checksum), panel, layer key, beneath key)
        self.hits: dict[str, tuple[tuple, tuple, pygame.Surface, object, object]] = {}
        self.hold = False  # a new screen's first frame: every panel as it was (animations start next)
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

    def forget(self) -> None:
        """The look changed: every panel is painted anew."""
        self.hits.clear()

    def show(self, name: str, surf: pygame.Surface, rect: pygame.Rect, state: tuple, paint,
               base: Optional[tuple[tuple, Callable[[pygame.Surface, pygame.Rect], None]]] = None,
               area: Optional[pygame.Rect] = None) -> None:
        """Blit the panel for `state`, painting it first when its state or what lies beneath
        it (the screen's still layer, read back once per layer) changed. `base`: (its state, its
        paint) for what stays while the rest moves (a card, a track), painted once and kept, so
        that an animation frame paints only what moves over a copy of it. `area`: where it is
        blitted (its rectangle with room for shadow and glow; the screen keeps neighbours' apart)."""
        app, L = self.app, self.app.layout
        area = (area or self.area(name, rect)).clip(surf.get_rect())
        # what lies beneath is the screen's still layer (the window may still hold the last frame's panel)
        beneath_src = self.beneath if self.beneath is not None and self.beneath.get_size() == surf.get_size() else surf
        under = beneath_src.subsurface(area)
        hit = self.hits.get(name)
        key = (state, surf.get_size(), L.text_scale, L.touch, app.settings.lang, app.settings.transparent,
               app.settings.reduced_motion, id(app.run), id(app.scenario))
        same_area = hit is not None and hit[1][0] == tuple(area)
        if same_area and (hit[3] == self.layer or (self.beneath_key is not None and hit[4] == self.beneath_key)):
            beneath = hit[1]  # the same still layer, or one the screen says is the same here
        elif same_area and not self.afford(name):
            self._put(name, surf, area, hit[2])  # as it was; read back on a later frame
            return
        else:
            beneath = (tuple(area), zlib.crc32(under.copy().get_view("1")))  # a checksum, not megabytes kept
        if hit is None or hit[1] != beneath or (hit[0] != key and not self.hold):
            if hit is not None and hit[1] == beneath and not self.afford(name):
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
        self.hits[name] = hit
        self._put(name, surf, area, hit[2])

    def shown(self) -> tuple:
        """What the score panels show, as a key."""
        return tuple(sorted((name, hit[0]) for name, hit in self.hits.items()))

    def area(self, name: str, rect: pygame.Rect) -> pygame.Rect:
        """Where a panel is blitted: its rectangle with room for shadow and glow; the meter has
        none above and below (so that it never reaches the top bar or the card beneath it)."""
        m = self.app.layout.px(PANEL_ROOM)
        return rect.inflate(2 * m, 0 if name == "meter" else 2 * m)

    def afford(self, name: str) -> bool:
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

    def begin(self, rebuilt: bool, layer: pygame.Surface, beneath_key: object, layer_key: object) -> None:
        """A screen's frame starts, over `layer` (whose key is `layer_key`; `beneath_key`: what the
        screen says it holds under the panels); `rebuilt`: its first frame, the panels shown as they
        were. The panels that waited longest take their turn in it."""
        self.hold, self.beneath, self.beneath_key, self.layer = rebuilt, layer, beneath_key, layer_key
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
