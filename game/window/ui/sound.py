"""Small sounds generated in code, each while the game idles or when first played (never before
the title or the week is ready); with no sound device the game runs muted."""
from __future__ import annotations

import array
import math
import sys
from typing import Optional

RATE = 22050


def _tone(freqs: list[tuple[float, float]], volume: float = 0.3, shape: str = "sine") -> bytes:
    """Concatenated notes (frequency Hz, seconds) with a short fade, 16-bit mono."""
    out = array.array("h")
    sin, pi = math.sin, math.pi
    fade = max(1, int(RATE * 0.012))
    for freq, dur in freqs:
        n = int(RATE * dur)
        w1, w2 = 2 * pi * freq, 4 * pi * freq  # the same products, in the same order, as per sample
        scale = 32767 * volume
        if shape == "square":
            out.extend([int(scale * (min(1.0, i / fade, (n - i) / fade) * (1 - 0.5 * i / n))
                            * ((1.0 if sin(w1 * (i / RATE)) > 0 else -1.0) * 0.35) * 0.8) for i in range(n)])
        else:
            out.extend([int(scale * (min(1.0, i / fade, (n - i) / fade) * (1 - 0.5 * i / n))
                            * (sin(w1 * (i / RATE)) + 0.25 * sin(w2 * (i / RATE))) * 0.8) for i in range(n)])
    return out.tobytes()


INTERFACE = {"click"}  # the buttons' sounds; the rest are the score's
SOUNDS = {
    "click": lambda: _tone([(880, 0.035)], 0.18),
    "up": lambda: _tone([(660, 0.07), (880, 0.07), (1175, 0.1)], 0.2),
    "down": lambda: _tone([(520, 0.08), (390, 0.08), (294, 0.12)], 0.2),
    "granted": lambda: _tone([(784, 0.09), (988, 0.09), (1319, 0.18)], 0.22),
    "refused": lambda: _tone([(220, 0.16), (185, 0.22)], 0.18, "square"),
    "notify": lambda: _tone([(1047, 0.06), (1568, 0.09)], 0.16),
}


class Sound:
    """Plays the generated sounds at the settings' volume; muted when the mixer cannot start."""

    def __init__(self) -> None:
        self.ok = False
        self.volume = 0.6
        self.kinds = {"effects": 1.0, "interface": 0.6}
        self.sounds: dict[str, object] = {}
        self.reason: Optional[str] = None
        self.channels = 1

    def start(self) -> None:
        """Open the mixer (called after the first frame); the sounds are made later (`make_one`)."""
        try:
            import pygame
            pygame.mixer.init(RATE, -16, 1, 512)
            init = pygame.mixer.get_init()
            if not init:
                raise RuntimeError("no mixer")
            self.channels = init[2]
            self.ok = True
        except Exception as exc:  # no sound device: run muted, never fail
            self.reason = str(exc)
            self.ok = False
            print(f"scored: no sound ({exc}); playing muted", file=sys.stderr)

    def make_one(self) -> bool:
        """Make the next sound not yet made (idle work: a few ms each); True if there was one."""
        if not self.ok:
            return False
        name = next((n for n in SOUNDS if n not in self.sounds), None)
        return name is not None and self._make(name) is not None

    def _make(self, name: str) -> object:
        try:
            import pygame
            data = SOUNDS[name]()
            if self.channels == 2:  # duplicate each 16-bit sample to stereo
                mono = array.array("h")
                mono.frombytes(data)
                st = array.array("h", [0]) * (2 * len(mono))
                st[0::2] = mono
                st[1::2] = mono
                data = st.tobytes()
            self.sounds[name] = pygame.mixer.Sound(buffer=data)
        except Exception as exc:  # the mixer went away: run muted, never fail
            self.reason = str(exc)
            self.ok = False
            print(f"scored: no sound ({exc}); playing muted", file=sys.stderr)
            return None
        return self.sounds[name]

    def set_volume(self, level: int, effects: int = 10, interface: int = 10) -> None:
        """All sound, then the score's sounds and the buttons' each (0 to 10)."""
        def share(v: int) -> float:
            return max(0, min(10, v)) / 10
        self.volume = share(level)
        self.kinds = {"effects": share(effects), "interface": share(interface)}

    def level(self, name: str) -> float:
        kind = "interface" if name in INTERFACE else "effects"
        return self.volume * self.kinds[kind]

    def play(self, name: str) -> None:
        if not self.ok or self.level(name) <= 0:
            return
        snd = self.sounds.get(name)
        if snd is None:
            snd = self._make(name) if name in SOUNDS else None  # played before it was made
            if snd is None:
                return
        try:
            snd.set_volume(self.level(name))  # type: ignore[attr-defined]
            snd.play()  # type: ignore[attr-defined]
        except Exception:
            pass
