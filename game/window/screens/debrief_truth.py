"""Rule by rule: what was real? Every rule, privilege and sanction the week staged, in groups, each
with its verdict (real, partly real, invented: a word and a shape, never colour alone), what the
game said, what later reporting found, the source and its address, and for an invented claim where
it came from. The groups the player's own week met come first, marked; the others follow under
their own heading. In the kiosk only the groups the visit met are shown (a few minutes to read)."""
from __future__ import annotations

import pygame

from ...session.sentences import verdict_texts
from ...session.truth import Verdict, verdicts
from ..ui import draw, glyphs, theme
from ..ui.flow import Flow, address_height, draw_address, panel
from ..ui.text import draw_line, draw_text, line_h, measure, style_font
from .debrief_page import DebriefPage

KIOSK_GROUPS = 5
LOOK = {"real": ("check", "GOOD"), "partly": ("half", "WARN"), "invented": ("cross", "BAD")}


def verdict_chip_width(app, word: str) -> int:
    L = app.layout
    return style_font(L, "small_bold").size(word)[0] + line_h(style_font(L, "small_bold")) + L.px(30)


def draw_verdict_chip(surf: pygame.Surface, app, pos: tuple[int, int], verdict: str, word: str) -> pygame.Rect:
    """The verdict as a rounded label: its mark (tick, half, cross) and its word, in its colour."""
    L = app.layout
    mark, colour = LOOK[verdict]
    col = getattr(theme, colour)
    h = line_h(style_font(L, "small_bold")) + L.px(10)
    r = pygame.Rect(pos[0], pos[1], verdict_chip_width(app, word), h)
    draw.card(surf, r, h // 2, theme.behind_text(col, 0.86, col), theme.behind_text(col, 0.8, col))
    pygame.draw.rect(surf, col, r, max(2, L.px(2)), border_radius=h // 2)
    c = (r.x + h // 2 + L.px(4), r.centery)
    rad = h // 2 - L.px(6)
    if mark == "half":  # partly: a circle half filled
        pygame.draw.circle(surf, col, c, rad, max(2, L.px(2)))
        pygame.draw.circle(surf, col, c, rad, draw_top_left=True, draw_bottom_left=True)
    else:
        glyphs.icon(surf, mark, c, rad, col)
    draw_line(surf, L, word, "small_bold", (c[0] + rad + L.px(8), r.centery), col, "midleft")
    return r


def add_verdict(flow: Flow, app, run, v: Verdict) -> None:
    """One group as a card: the verdict (and "in your week"), the claim, what was found, the source."""
    L = app.layout
    t = verdict_texts(app, run, v)
    pad = L.px(18)
    tw = flow.w - 2 * pad
    url = run.scenario.sources[v.group.source].url
    parts = [("claim", t["claim"], "button", theme.INK),  # the game's claim, in semibold
             ("found", t["found"], "body", theme.INK),
             ("source", t["source"], "small_bold", theme.INK_SOFT)]
    extra = [(t[k], "small", theme.INK_SOFT) for k in ("origin", "seed") if k in t]
    chip_h = line_h(style_font(L, "small_bold")) + L.px(10)
    heights = [measure(L, text, style, tw) for _, text, style, _ in parts]
    addr_h = address_height(L, url, "tiny", tw)
    extra_h = [measure(L, text, style, tw) for text, style, _ in extra]
    h = (2 * pad + chip_h + L.px(12) + sum(hh + L.px(8) for hh in heights) + addr_h
         + sum(hh + L.px(6) for hh in extra_h) + (L.px(6) if extra else 0))

    def paint(surf: pygame.Surface, r: pygame.Rect) -> None:
        strong = bool(v.met)
        panel(surf, L, r, L.px(20), (255, 255, 255), theme.SOFT_BOX if strong else (250, 248, 255),
              theme.CONTROL_EDGE if strong else (226, 218, 250))
        x, y = r.x + pad, r.y + pad
        chip = draw_verdict_chip(surf, app, (x, y), v.group.verdict.value, t["verdict"])
        if t["met"]:
            draw_line(surf, L, t["met"], "small_bold", (chip.right + L.px(14), chip.centery), theme.ACCENT,
                      "midleft", max_w=r.right - pad - chip.right - L.px(14))
        y = chip.bottom + L.px(12)
        for (_, text, style, col), hh in zip(parts, heights):
            draw_text(surf, L, text, style, pygame.Rect(x, y, tw, hh), col)
            y += hh + L.px(8)
        draw_address(surf, L, url, "tiny", pygame.Rect(x, y - L.px(4), tw, addr_h), theme.INK_SOFT)
        y += addr_h + L.px(6)
        for (text, style, col), hh in zip(extra, extra_h):
            draw_text(surf, L, text, style, pygame.Rect(x, y, tw, hh), col)
            y += hh + L.px(6)
    flow.add(h, paint, gap=16)


class TruthScreen(DebriefPage):
    name = "debrief_truth"
    section = "truth"

    def title(self) -> str:
        return self.app.ui("debrief.verdicts.title")

    def subtitle(self) -> str:
        return self.app.ui("debrief.verdicts.intro")

    def groups(self) -> list[Verdict]:
        found = verdicts(self.run)
        if self.app.kiosk:  # a short visit: what it met, a few
            return [v for v in found if v.met][:KIOSK_GROUPS]
        return found

    def build(self, flow: Flow) -> None:
        app = self.app
        shown = self.groups()
        headed = False
        for v in shown:
            if not v.met and not headed:
                headed = True
                flow.text(app.ui("debrief.verdicts.more"), "h2", theme.INK_SOFT, gap=10)
            add_verdict(flow, app, self.run, v)
