"""Deployment: the systemd units say what docs/kiosk.md says (cage at boot, Type=notify, a watchdog,
restart on failure, a nightly restart), `systemd-analyze verify` accepts them where it exists, and
the game tells systemd it is ready when the title shows and beats the watchdog from its frame loop
only, at most once a second, harmlessly when there is no systemd."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from kiosk_support import kiosk_app

from game.options import parse
from game.session import operator
from game.session.operator import OperatorConfig
from game.window import loop
from game.window.watchdog import Watchdog

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SAMPLE = ROOT / "scenarios" / "sample" / "scenario.yaml"


def unit(name: str) -> dict[str, dict[str, list[str]]]:
    """A unit file's sections, each key with its values in order (systemd allows a key again)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for number, raw in enumerate((DEPLOY / name).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            assert line.endswith("]"), f"{name}:{number}: {raw}"
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None and "=" in line, f"{name}:{number}: {raw}"
        key, _, value = line.partition("=")
        assert re.fullmatch(r"[A-Za-z]+", key.strip()), f"{name}:{number}: {raw}"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def one(section: dict[str, list[str]], key: str) -> str:
    values = section.get(key, [])
    assert len(values) == 1, (key, values)
    return values[0]


def seconds(text: str) -> float:
    m = re.fullmatch(r"(\d+)(s|min)?", text)
    assert m, text
    return int(m.group(1)) * (60 if m.group(2) == "min" else 1)


def test_the_kiosk_service_starts_the_game_in_cage_with_a_watchdog():
    u = unit("scored-kiosk.service")
    s = u["Service"]
    assert one(s, "Type") == "notify" and one(s, "NotifyAccess") == "all"
    assert one(s, "Restart") == "on-failure"
    assert 10 <= seconds(one(s, "WatchdogSec")) <= 60, "room for a slow frame, a quick restart of a frozen one"
    assert seconds(one(s, "TimeoutStartSec")) >= 60
    command = shlex.split(one(s, "ExecStart"))
    assert command[0] == "/usr/bin/cage" and "--" in command
    game = command[command.index("--") + 1:]
    assert Path(game[0]).name == "scored"
    args = parse(game[1:])  # the game's own command line accepts what the unit gives it
    assert args.kiosk and args.operator_config == "/etc/scored-kiosk/kiosk.toml" and not args.windowed
    env = dict(e.split("=", 1) for e in s["Environment"])
    assert env["SCORED_HOME"] == "/var/lib/" + one(s, "StateDirectory")
    assert one(s, "StandardError") == "journal" and one(s, "StandardOutput") == "journal"
    assert one(s, "PAMName") == "scored-kiosk" and (DEPLOY / "scored-kiosk.pam").exists()
    assert one(s, "TTYPath") == "/dev/tty7" and "getty@tty7.service" in one(u["Unit"], "Conflicts")
    assert one(u["Install"], "WantedBy") == "graphical.target"


def test_the_nightly_restart_timer_restarts_the_kiosk():
    timer = unit("scored-kiosk-restart.timer")
    assert re.fullmatch(r"\*-\*-\* \d\d:\d\d(:\d\d)?", one(timer["Timer"], "OnCalendar"))
    assert one(timer["Timer"], "Unit") == "scored-kiosk-restart.service"
    assert one(timer["Install"], "WantedBy") == "timers.target"
    service = unit("scored-kiosk-restart.service")["Service"]
    assert one(service, "Type") == "oneshot"
    assert shlex.split(one(service, "ExecStart"))[1:] == ["restart", "scored-kiosk.service"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_systemd_analyze_verify_accepts_the_units(tmp_path):
    """With cage (not installed here) stood in for by /bin/sh: every other word must pass."""
    names = ["scored-kiosk.service", "scored-kiosk-restart.service", "scored-kiosk-restart.timer"]
    for name in names:
        text = (DEPLOY / name).read_text(encoding="utf-8").replace("/usr/bin/cage", "/bin/sh")
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = subprocess.run(["systemd-analyze", "verify", *[str(tmp_path / n) for n in names]],
                         capture_output=True, text=True, timeout=60)
    said = [line for line in (out.stdout + out.stderr).splitlines() if line.strip()]
    assert out.returncode == 0 and said == [], said


def test_the_example_config_is_valid_and_shows_the_defaults():
    config, problem = operator.load(DEPLOY / "kiosk.toml")
    assert problem is None and config == OperatorConfig()
    text = (DEPLOY / "kiosk.toml").read_text(encoding="utf-8")
    for key in operator.KEYS:
        assert re.search(rf"^{key} = ", text, re.M), key


def test_the_kiosk_page_tells_the_operator_everything():
    doc = (ROOT / "docs" / "kiosk.md").read_text(encoding="utf-8")
    for key in operator.KEYS:
        assert f"`{key}`" in doc, key
    for words in ("Ctrl+Alt+Shift+Q", "journalctl -u scored-kiosk", "scored visits", "systemctl enable",
                  "scored-kiosk-restart.timer", "WatchdogSec", "pipx", "32", "portrait"):
        assert words in doc, words
    assert "docs/kiosk.md" in (ROOT / "README.md").read_text(encoding="utf-8")


# ----- the notifications ----------------------------------------------------------------------------
class NotifySocket:
    """What systemd would hear: a UNIX datagram socket in a temporary folder, as NOTIFY_SOCKET."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="sd-", dir="/tmp")  # short: a socket path has 108 bytes
        self.path = os.path.join(self.folder, "notify")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.settimeout(0.05)
        self.heard: list[tuple[float, str]] = []

    def listen(self, seconds: float = 0.0) -> list[str]:
        end = time.monotonic() + seconds
        while True:
            try:
                self.heard.append((time.monotonic(), self.sock.recv(4096).decode()))
                continue
            except (socket.timeout, BlockingIOError):
                pass
            if time.monotonic() >= end:
                return [m for _, m in self.heard]

    def wait_for(self, message: str, seconds: float) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if any(message in m for m in self.listen(0.1)):
                return True
        return False

    def close(self) -> None:
        self.sock.close()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def notify(monkeypatch):
    s = NotifySocket()
    monkeypatch.setenv("NOTIFY_SOCKET", s.path)
    yield s
    s.close()


def test_ready_once_and_at_most_one_beat_a_second(notify):
    now = [100.0]
    threads = threading.active_count()
    dog = Watchdog(clock=lambda: now[0])
    assert dog.active and threading.active_count() == threads, "no thread that could beat for a frozen loop"
    dog.ready("the title shows")
    dog.ready()
    for _ in range(192):  # a frame loop at 64 frames a second, for three seconds
        now[0] += 1 / 64
        dog.beat()
    dog.stopping()
    heard = notify.listen(0.2)
    assert heard[0] == "READY=1\nSTATUS=the title shows" and heard.count("READY=1") == 0
    assert heard[1:-1] == ["WATCHDOG=1"] * 3 and heard[-1] == "STOPPING=1"


def test_without_systemd_it_is_harmless(monkeypatch):
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    dog = Watchdog()
    dog.ready()
    dog.beat()
    dog.stopping()
    assert not dog.active and dog.sent == []
    monkeypatch.setenv("NOTIFY_SOCKET", "/nonexistent/socket")
    dog = Watchdog()
    dog.beat()
    assert not dog.active


def test_a_stuck_frame_loop_stops_the_beat(notify, monkeypatch):
    app = kiosk_app()
    app.watchdog = Watchdog()
    frames = []

    def frame(app_, events, dt, redraw=True):
        frames.append(time.monotonic())
        if len(frames) == 3:
            time.sleep(2.5)  # stuck: no event, no frame, no beat
        if len(frames) >= 6:
            app_.running = False
        return True

    monkeypatch.setattr(loop, "frame", frame)
    loop.run(app)
    notify.listen(0.2)
    beats = [t for t, m in notify.heard if m == "WATCHDOG=1"]
    stuck_from, stuck_to = frames[2], frames[3]
    assert beats and not any(stuck_from < t < stuck_to for t in beats), "no beat while the loop was stuck"


def test_the_kiosk_tells_systemd_it_is_ready_beats_and_stops_on_sigterm(notify, tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", SCORED_HOME=str(tmp_path),
               NOTIFY_SOCKET=notify.path)
    game = subprocess.Popen([sys.executable, "-m", "game", "--kiosk", "--windowed", "--size", "1280x720",
                             "--scenario", str(SAMPLE)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert notify.wait_for("READY=1", 90), "READY=1 when the title shows"
        assert notify.wait_for("WATCHDOG=1", 10)
        notify.listen(2.5)
        beats = [t for t, m in notify.heard if m == "WATCHDOG=1"]
        assert len(beats) >= 2 and all(b - a >= 0.9 for a, b in zip(beats, beats[1:]))
        game.send_signal(signal.SIGTERM)  # systemctl stop
        _, err = game.communicate(timeout=30)
    finally:
        if game.poll() is None:
            game.kill()
            game.communicate()
    assert game.returncode == 0, err
    assert notify.wait_for("STOPPING=1", 2)
    assert "Traceback" not in err
