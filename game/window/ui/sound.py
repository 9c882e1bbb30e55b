"""Small sounds generated in code at start-up; with no sound device the game runs muted."""
from __future__ import annotations

import array
import math
import sys
from typing import Optional

RATE = 22050


def _tone(freqs: list[tuple[float, float]], volume: float = 0.3, shape: str = "sine") -> bytes:
    """Concatenated notes (frequency Hz, seconds) with a short fade, 16-bit mono."""
    out = array.array("h")
    for freq, dur in freqs:
        n = int(RATE * dur)
        fade = max(1, int(RATE * 0.012))
        for i in range(n):
            t = i / RATE
            env = min(1.0, i / fade, (n - i) / fade) * (1 - 0.5 * i / n)
            if shape == "square":
                v = 1.0 if math.sin(2 * math.pi * freq * t) > 0 else -1.0
                v *= 0.35
            else:
                v = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t)
            out.append(int(32767 * volume * env * v * 0.8))
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

    def start(self) -> None:
        """Open the mixer and make the sounds (called after the first frame)."""
        try:
            import pygame
            pygame.mixer.init(RATE, -16, 1, 512)
            init = pygame.mixer.get_init()
            if not init:
                raise RuntimeError("no mixer")
            channels = init[2]
            for name, make in SOUNDS.items():
                data = make()
                if channels == 2:  # duplicate each 16-bit sample to stereo
                    mono = array.array("h")
                    mono.frombytes(data)
                    st = array.array("h", [0]) * (2 * len(mono))
                    st[0::2] = mono
                    st[1::2] = mono
                    data = st.tobytes()
                self.sounds[name] = pygame.mixer.Sound(buffer=data)
            self.ok = True
        except Exception as exc:  # no sound device: run muted, never fail
            self.reason = str(exc)
            self.ok = False
            print(f"scored: no sound ({exc}); playing muted", file=sys.stderr)

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
            return
        try:
            snd.set_volume(self.level(name))  # type: ignore[attr-defined]
            snd.play()  # type: ignore[attr-defined]
        except Exception:
            pass
