"""Telling systemd how the game is: READY=1 once the title shows, WATCHDOG=1 from the frame loop,
STOPPING=1 on the way out (sd_notify's protocol, through the `sdnotify` package).

The heartbeat is sent only by the frame loop itself, at most once a second: a loop that is stuck
stops beating, and systemd (WatchdogSec= in deploy/scored-kiosk.service) restarts the game. There is
no thread here that could go on beating for a frozen game.

Without systemd (no NOTIFY_SOCKET) every call does nothing. The game runs inside the kiosk
compositor, so it is not the service's main process: WATCHDOG_PID names the compositor, and is not
checked here (the unit says NotifyAccess=all).
"""
from __future__ import annotations

import os
import sys
import time
from typing import Any, Callable, Optional

BEAT = 1.0  # seconds between two heartbeats, at least
KEEP_SENT = 100  # the newest messages kept in `sent`: a heartbeat a second for months must not grow


def _notifier() -> Any:
    """An sdnotify notifier connected to NOTIFY_SOCKET, or None without one (or without sdnotify)."""
    if not os.environ.get("NOTIFY_SOCKET"):
        return None
    try:
        import sdnotify
    except ImportError:
        print("scored: NOTIFY_SOCKET is set but the sdnotify package is missing; systemd is not told "
              "when the game is ready", file=sys.stderr)
        return None
    notifier = sdnotify.SystemdNotifier()
    return notifier if getattr(notifier, "socket", None) is not None else None


class Watchdog:
    def __init__(self, clock: Callable[[], float] = time.monotonic, make: Callable[[], Any] = _notifier):
        self.clock = clock
        self._notifier = make()
        self._last: Optional[float] = None
        self.is_ready = False
        self.sent: list[str] = []  # the newest messages sent, in order (tests read it)

    @property
    def active(self) -> bool:
        return self._notifier is not None

    def _send(self, message: str) -> None:
        if self._notifier is None:
            return
        self._notifier.notify(message)
        self.sent.append(message)
        if len(self.sent) > KEEP_SENT:
            del self.sent[:-KEEP_SENT]

    def ready(self, status: str = "") -> None:
        """The title shows: the service has started (sent once)."""
        if self.is_ready:
            return
        self.is_ready = True
        self._send("READY=1" + (f"\nSTATUS={status}" if status else ""))
        self._last = self.clock()

    def beat(self) -> None:
        """Called by the frame loop on every pass: a heartbeat when the last is a second old."""
        if self._notifier is None:
            return
        now = self.clock()
        if self._last is not None and now - self._last < BEAT:
            return
        self._last = now
        self._send("WATCHDOG=1")

    def status(self, text: str) -> None:
        self._send(f"STATUS={text}")

    def stopping(self) -> None:
        self._send("STOPPING=1")
