"""Self-voicing: the scene, the choices and the changes read aloud through the system's speech
(pyttsx3: eSpeak NG on Linux, SAPI on Windows, NSSpeechSynthesizer on macOS). Off by default;
where no speech engine exists it stays silent and harmless (one line in the log)."""
from __future__ import annotations

import queue
import sys
import threading
import time
from typing import Callable, Optional

Speaker = Callable[[str, str], None]  # (text, language) -> spoken, returns when done
KEEP_SAID = 100  # the newest texts kept in `said`: a kiosk speaks for months


def system_speaker() -> Optional[Speaker]:
    """The system's speech, or None where there is none (no package, no engine)."""
    try:
        import pyttsx3
        engine = pyttsx3.init()
    except Exception as exc:  # no speech engine on this machine: stay silent
        print(f"scored: no speech here ({exc.__class__.__name__}: {exc}); self-voicing stays silent",
              file=sys.stderr)
        return None
    voices = {}
    for v in engine.getProperty("voices") or []:
        for lang in [str(x)[:2].lower() for x in (getattr(v, "languages", None) or [])] + [str(v.id).split("/")[-1][:2]]:
            voices.setdefault(lang, v.id)

    def speak(text: str, lang: str) -> None:
        if lang in voices:
            engine.setProperty("voice", voices[lang])
        engine.say(text)
        engine.runAndWait()
    return speak


class Voice:
    """Says texts in a thread of its own, the newest first: what is no longer on screen is not read."""

    def __init__(self, make: Callable[[], Optional[Speaker]] = system_speaker):
        self.enabled = False
        self._make = make
        self._queue: "queue.Queue[tuple[str, str]]" = queue.Queue()
        self._thread: Optional[threading.Thread] = None
        self.said: list[str] = []  # the newest texts handed to the speech engine, in order (tests read it)

    def say(self, text: str, lang: str) -> None:
        if not self.enabled or not text.strip():
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="scored-voice", daemon=True)
            self._thread.start()
        self._queue.put((text, lang))

    def _run(self) -> None:
        speaker = self._make()
        while True:
            item = self._queue.get()
            while not self._queue.empty():  # only the latest matters
                self._queue.task_done()
                item = self._queue.get_nowait()
            self.said.append(item[0])
            if len(self.said) > KEEP_SAID:
                del self.said[:-KEEP_SAID]
            if speaker is not None:
                try:
                    speaker(*item)
                except Exception as exc:  # speech is a help, never a crash
                    print(f"scored: speech failed ({exc})", file=sys.stderr)
                    speaker = None
            self._queue.task_done()

    def wait(self, timeout: float = 5.0) -> None:
        """Until what was asked is said (tests)."""
        end = time.monotonic() + timeout
        while self._queue.unfinished_tasks and time.monotonic() < end:
            time.sleep(0.01)
