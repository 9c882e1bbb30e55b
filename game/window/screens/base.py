"""The screen base class: buttons with mouse, touch and keyboard focus; shared play regions."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

import pygame

from ..ui import draw, theme
from ..ui.widgets import Button
from .controls import Controls

if TYPE_CHECKING:
    from ..context import ScreenContext

BUTTON_MARGIN = 12  # layout pixels around a button that its shadow, focus ring and press may cover


def unique(rects: list[pygame.Rect]) -> list[pygame.Rect]:
    """`rects` without repeats, in order."""
    seen: set[tuple[int, int, int, int]] = set()
    out = []
    for r in rects:
        t = (r.x, r.y, r.w, r.h)
        if t not in seen:
            seen.add(t)
            out.append(r)
    return out


class Screen(Controls):
    """A screen on the stack. Subclasses build `self.buttons` in `layout()` and draw in `draw()`."""

    _serials = 0
    opaque = True        # False: the screens below are drawn first (overlays)
    shows_hud = False    # True: the score's animations run while this screen is on top
    name = "screen"

    def __init__(self, app: "ScreenContext"):
        self.app = app
        self.buttons: list[Button] = []
        self.focus: Optional[int] = None
        self.hover: Optional[Button] = None
        self.pressed: Optional[Button] = None
        self.born = app.now
        self.laid_out_for = None
        self.layer_key = None  # the still layer this screen's last frame was drawn over
        self.memo_cover: list[pygame.Rect] = []  # the last frame's memo blits: nothing to put back there
        Screen._serials += 1
        self.serial = Screen._serials

    # ----- life ----------------------------------------------------------------------------
    def layout_key(self) -> tuple:
        """What a layout depends on: laid out again when it changes."""
        st = self.app.settings
        return (self.app.layout, st.lang, st.text_size, st.transparent, self.app.layout_epoch)

    def ensure_layout(self) -> None:
        key = self.layout_key()
        if key != self.laid_out_for:
            self.laid_out_for = key
            keep = self.focus
            self.layout()
            if keep is not None and self.buttons:
                self.focus = min(keep, len(self.buttons) - 1)
            elif not self.buttons:
                self.focus = None

    def layout(self) -> None:
        """Build rectangles and buttons for the current window size and settings."""

    def update(self, dt: float) -> bool:
        """Advance animations; True when the screen needs drawing again."""
        return False

    def on_enter(self) -> None:
        """The screen comes on top (shown, or uncovered when the one above it closes): it is read
        aloud when the player asked for that."""
        text = self.spoken()
        if text:
            self.app.say(text)

    def spoken(self) -> str:
        """What reading aloud says when the screen comes on top (overridden)."""
        return ""

    def on_leave(self) -> None:
        """The screen is covered or closed."""

    def prepare_next(self) -> bool:
        """Work for the time the player reads this screen (e.g. lay out what comes next); True
        when there was some (the app calls again until there is none)."""
        return False

    # ----- drawing: a cached static layer, and what moves on top of it ------------------------
    static_version = 0

    def draw(self, surf: pygame.Surface) -> None:
        """Blit the static layer (rebuilt only when layout or content changed), then the rest.

        The layers are the app's, one per depth of the stack, so a new screen reuses the
        surface of the one it replaced instead of allocating a new one."""
        size = surf.get_size()
        depth = self.depth()
        layers = self.app.layers
        layer = layers.surface(depth, size, surf)
        key = self.layer_key_for(size)
        rebuilt = not layers.holds(depth, key)
        if rebuilt and layers.take_ahead(depth, key):  # drawn while the screen before was read
            layer = layers.surface(depth, size, surf)
            rebuilt = False
            frame = self.frame_key()
            if frame is not None:  # drawn whole, its frame too: a play screen after it keeps that
                layers.frames[depth] = frame
        if rebuilt:
            self.held_frame = layers.frames.pop(depth, None)
            try:
                self.draw_static(layer)
            finally:
                self.held_frame = None  # drawn by another screen (the pause's picture), it is not
            frame = self.frame_key()
            if frame is not None:
                layers.frames[depth] = frame
            layers.mark(depth, key)
        shown = (id(surf), depth, key)
        self.layer_key = shown
        if layers.memo_owner != self.serial:  # the memos are the screen's on the window only
            layers.memos.clear()
            layers.memo_owner = self.serial
        areas = self.dynamic_areas() if self.partial else []
        partial = self.partial and not rebuilt and layers.shown == shown
        layers.begin(partial)
        if partial:  # the window holds this layer already: put it back only where things move
            for area in unique(layers.shown_areas + areas):
                if not any(c.contains(area) for c in self.memo_cover):  # a memo's blit covers it whole
                    surf.blit(layer, area, area)
                    layers.restored.append(area)
            layers.touched += layers.restored
        else:
            surf.blit(layer, (0, 0))
        self.memo_cover = []
        hud = self.app.hud if self.shows_hud else self.app.hud_made  # the title makes none
        if hud is not None:
            hud.panels.begin(rebuilt, layer, self.beneath_key(), (depth, key))
        try:
            self.draw_dynamic(surf)
        finally:
            if hud is not None:
                hud.panels.hold = False
            self.layer_key = None  # drawn elsewhere (ahead, off screen), the memos are not kept
            layers.end(shown, areas)
        if rebuilt:
            self.app.dirty = True  # animations waiting behind the first frame start on the next

    # True: draw_dynamic draws only inside dynamic_areas(), so a repeat frame puts the still layer
    # back there alone (a screen that draws elsewhere says False)
    partial = True

    def dynamic_areas(self) -> list[pygame.Rect]:
        """Where draw_dynamic may draw: the buttons, with room for their shadow, focus ring and a
        pressed button's shift."""
        areas = [self.button_area(b) for b in self.buttons]
        return [a for a in areas if a.w > 0 and a.h > 0] + self.part_areas()

    def button_area(self, b: Button) -> pygame.Rect:
        """Where a button may draw (its shadow, focus ring and pressed shift included)."""
        m = self.app.layout.px(BUTTON_MARGIN)
        return b.rect.inflate(2 * m, 2 * m)

    def part_areas(self) -> list[pygame.Rect]:
        """Where draw_dynamic draws besides the buttons (a scene's panel)."""
        return []

    def depth(self) -> int:
        """Where this screen stands in the stack (its still layer's depth)."""
        return next((i for i, s in enumerate(self.app.stack) if s is self), 0)

    def draw_ahead(self, screen: "Screen") -> bool:
        """Lay out `screen` (the one that comes next) and draw its still layer where no screen
        draws now, to be shown without drawing it again; True if there was that to do."""
        layers, size = self.app.layers, self.app.surface.get_size()
        screen.ensure_layout()
        key = screen.layer_key_for(size)
        if layers.holds_ahead(key):
            return False
        depth = len(self.app.stack)
        screen.draw_static(layers.spare(depth, size, self.app.surface))
        layers.drawn_ahead(depth, key)
        return True

    def draw_off_screen(self, screen: "Screen", still: bool = True) -> None:
        """Draw `screen` once where no screen draws now (its words, cards, faces and buttons get
        cached), keeping nothing of it; its buttons only, without `still` (its still layer is to
        be drawn ahead)."""
        layers, depth = self.app.layers, len(self.app.stack)
        layer = layers.spare(depth, self.app.surface.get_size(), self.app.surface)
        screen.ensure_layout()
        if still:
            screen.draw_static(layer)
            screen.draw_own_parts(layer)
        screen.draw_buttons(layer)
        layers.forget(depth)

    def draw_own_parts(self, surf: pygame.Surface) -> None:
        """What only this kind of screen draws over its still layer, drawn ahead (none here)."""

    def layer_key_for(self, size: tuple[int, int]) -> tuple:
        """What this screen's still layer shows, as a key: redrawn when it changes."""
        return (self.serial, size, self.laid_out_for, self.static_version)

    held_frame: object = None  # while the still layer is drawn: the frame the layer holds already
    pause_ahead: Optional[tuple] = None  # (a pause drawn ahead over this screen, what it showed then)
    settings_ahead: Optional[tuple] = None  # (the settings laid out over it, the settings they showed)

    def frame_key(self) -> object:
        """The frame this screen's still layer is drawn in, as a key (None: none that is shared)."""
        return None

    def beneath_key(self) -> object:
        """What the still layer holds under the score panels, as a key (None: unknown)."""
        return None

    def painted_areas(self) -> list[pygame.Rect]:
        """Where draw_dynamic paints every frame over all the area, so nothing need be put back
        beneath (the score panels)."""
        return []

    def draw_static(self, surf: pygame.Surface) -> None:
        """What stays still: background, cards, text."""
        surf.blit(draw.background(*surf.get_size()), (0, 0))

    def draw_dynamic(self, surf: pygame.Surface) -> None:
        """What can change from frame to frame: buttons (hover, focus), animations."""
        self.draw_buttons(surf)

    def invalidate(self) -> None:
        """The static layer must be drawn again (e.g. after scrolling)."""
        self.static_version += 1
        self.app.dirty = True

    def auto(self, player) -> Optional[Callable[[], None]]:
        """What autoplay does on this screen (None: nothing)."""
        return None

    def shot_name(self) -> str:
        return self.name

    # ----- buttons -------------------------------------------------------------------------
    def settings_button(self, rect: pygame.Rect) -> Button:
        """The way to the settings from any screen: a gear."""
        return Button(rect, "", self.app.open_settings, kind="secondary", icon="gear", name="settings",
                      hint=self.app.ui("title.settings"))

    def draw_buttons(self, surf: pygame.Surface) -> None:
        self.paint_buttons(surf, list(enumerate(self.buttons)))

    def paint_buttons(self, surf: pygame.Surface, buttons: list[tuple[int, Button]], group: str = "",
                      apart: Optional[list[Button]] = None, apart_within: Optional[pygame.Rect] = None) -> None:
        """Draw `buttons` (index, button) in their states, inside the surface's clip. When they stand
        clear of everything else that moves, they are drawn once per set of states and copied back
        in one blit while nothing changes (a repeat frame's buttons: one blit instead of dozens).
        `apart`: the other buttons drawn in this frame (all the others unless said), drawn inside
        `apart_within` when given (a scrolled view)."""
        L, app = self.app.layout, self.app
        kb = app.keyboard_mode

        def draw_them() -> None:
            for i, b in buttons:
                b.draw(surf, L, focused=(i == self.focus and kb), hovered=(b is self.hover), pressed=(b is self.pressed))

        if not buttons:
            return
        m = L.px(BUTTON_MARGIN)
        areas = [b.rect.inflate(2 * m, 2 * m) for _, b in buttons]
        mine = {id(b) for _, b in buttons}
        rest = [b.rect.inflate(2 * m, 2 * m) for b in (self.buttons if apart is None else apart) if id(b) not in mine]
        if apart_within is not None:
            rest = [r.clip(apart_within) for r in rest]
        others = self.painted_areas() + self.part_areas() + rest
        state = (L.text_scale, theme.palette.name, theme.HIGH,
                 tuple((tuple(b.rect), b.label, b.kind, b.number, b.selected, b.enabled, b.icon,
                        i == self.focus and kb, b is self.hover, b is self.pressed) for i, b in buttons))
        self.memo_draw(surf, "buttons " + group, areas[0].unionall(areas), others, state, draw_them)

    def memo_draw(self, surf: pygame.Surface, name: str, area: pygame.Rect, others: list[pygame.Rect],
                  state: tuple, draw_it: Callable[[], None]) -> None:
        """`draw_it()` draws over the still layer inside `area` only; `state` is all it depends on
        besides that layer. On the window, and clear of `others` (whatever else moves), it is drawn
        only when its state changes: a repeat frame leaves it alone, and once kept in idle time, a
        whole frame blits it back in one go."""
        layers = self.app.layers
        area = area.clip(surf.get_clip())
        if area.w <= 0 or area.h <= 0:
            return
        if surf is not self.app.surface or self.layer_key is None or any(area.colliderect(o) for o in others):
            draw_it()
            return
        key = (self.layer_key, tuple(area), state)
        self.memo_cover.append(area)
        shown = layers.on_window.get(name)
        # most of the window: kept, it would cost more memory than it saves time
        keep = area.w * area.h * 3 <= 2 * surf.get_width() * surf.get_height()
        layers.drawn[name] = (key, area, keep)
        if shown is not None and shown[0] == key and not any(area.colliderect(r) for r in layers.restored):
            return  # the window shows it as it is: nothing to draw (nor to update on the display)
        layers.touched.append(area)
        memo = layers.memos.get(name)
        if memo is not None and memo[0] == key:
            surf.blit(memo[1], area.topleft)
            return
        if layers.partial:  # the window may hold another state here
            surf.blit(layers.surface(self.depth(), surf.get_size(), surf), area, area)
        draw_it()  # kept in a memo later, in idle time (Layers.keep_memos), not on this frame
