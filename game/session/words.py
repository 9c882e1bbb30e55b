"""The words a front-end shows for one week in one language: the game's own strings (`ui`) and
the scenario's (`s`, placeholders filled from the run), with the few framing lines a scenario may
word for itself (`frame`)."""
from __future__ import annotations

from typing import Any, Optional, Protocol

from ..engine.model import Choice, Person, Scenario
from ..engine.run import Run
from .strings import ui as ui_string

FRAMES = ("tagline", "fiction", "reporting", "claim", "fact")  # see docs/scenario-format.md, "Framing"


class HasRun(Protocol):
    @property
    def run(self) -> Optional[Run]: ...


class Words:
    """Strings for one scenario in one language; the week on (a `run`, or the `source`'s current
    one, such as a play session's) fills placeholders."""

    def __init__(self, scenario: Scenario, lang: str, run: Optional[Run] = None,
                 source: Optional[HasRun] = None):
        self.sc = scenario
        self.lang = lang
        self._run = run
        self._source = source

    @property
    def run(self) -> Optional[Run]:
        return self._source.run if self._source is not None else self._run

    @property
    def content_lang(self) -> str:
        """The scenario's strings in the chosen language, or in its first language."""
        return self.lang if self.lang in self.sc.languages else self.sc.languages[0]

    def s(self, string_id: str) -> str:
        """A scenario string, placeholders filled from the week (when one is on)."""
        run = self.run
        if run is not None:
            return run.text(string_id, self.content_lang)
        return self.sc.strings.get(string_id, self.content_lang)

    def ui(self, string_id: str, **values: Any) -> str:
        return ui_string(string_id, self.lang, **values)

    def framing(self, key: str, **values: Any) -> str:
        """A framing line: the scenario's own `frame.<key>` when it words one, else the game's."""
        sid = f"frame.{key}"
        if self.sc.strings.has(sid, self.content_lang):
            return self.sc.strings.get(sid, self.content_lang, values)
        return self.ui(sid, **values)

    def choice_text(self, choice: Choice) -> str:
        """A choice's words; a scene without choices gets the game's "Continue" unless the scenario
        words its own."""
        if choice.synthetic and not self.sc.strings.has(choice.text):
            return self.ui("common.continue")
        return self.s(choice.text)

    def weekday(self, day: int) -> str:
        return self.ui(f"day.{day}")

    def person(self, pid: Optional[str]) -> Optional[Person]:
        return self.sc.person(pid)

    def name_of(self, pid: str) -> str:
        person = self.sc.person(pid)
        if person is not None:
            return self.s(person.name)
        return self.s(self.sc.player_name) if pid == "player" else pid
