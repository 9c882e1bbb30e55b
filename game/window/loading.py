"""The scenario, loaded in a thread while the title shows; its problems go to the log, and the
first of them to the title (never a traceback)."""
from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

import pygame

if TYPE_CHECKING:
    from ..engine.model import Scenario

LOADED = pygame.event.custom_type()  # posted when the loading is done, either way


class ScenarioLoader:
    def __init__(self) -> None:
        self.scenario: Optional["Scenario"] = None
        self.error: Optional[str] = None
        self._thread: Optional[threading.Thread] = None
        self._done = threading.Event()  # set once LOADED is posted: a nap while loading ends at once

    def start(self, path: Path, then: Optional[Callable[[], None]] = None) -> None:
        """Load `path` in a thread (unless a scenario was handed over already); then run `then`
        there (work the week's start needs), then post LOADED."""
        self._done.clear()
        self._thread = threading.Thread(target=self._load, args=(path, then), name="scored-loader", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._done.is_set()

    def nap(self, seconds: float) -> None:
        """Sleep `seconds`; while loading, only until the loading ends (the title shows it at once)."""
        if self.busy:
            self._done.wait(seconds)
        else:
            time.sleep(seconds)

    def _load(self, path: Path, then: Optional[Callable[[], None]] = None) -> None:
        from ..engine import (  # here, behind the title: not before it
            ScenarioError,
            load_scenario,
        )
        try:
            if self.scenario is None:
                self.scenario = load_scenario(str(path))
        except ScenarioError as exc:
            self.error = str(exc.problems[0]) if exc.problems else str(exc)
            print(f"scored: cannot load {path}:", file=sys.stderr)
            for p in exc.problems:
                print(f"  {p}", file=sys.stderr)
        except Exception as exc:  # never a traceback: one line names what went wrong
            self.error = f"{exc.__class__.__name__}: {exc}"
            print(f"scored: cannot load {path}: {self.error}", file=sys.stderr)
        if then is not None and self.scenario is not None:
            try:
                then()
            except Exception as exc:  # an optimisation only: the main thread does it when needed
                print(f"scored: preparing the week skipped ({exc})", file=sys.stderr)
        try:
            pygame.event.post(pygame.event.Event(LOADED))
        except pygame.error:
            pass
        finally:
            self._done.set()

    def wait(self) -> Optional["Scenario"]:
        """The scenario, once loaded (None when it could not be)."""
        if self._thread is not None:
            self._thread.join()
        return self.scenario
