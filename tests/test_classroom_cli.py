"""`scored classroom` on the command line: its options, the addresses it prints, a port that is
taken, a browser that will not open, and a real server stopped with Ctrl+C."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from game.classroom import server
from game.options import parse

ROOT = Path(__file__).resolve().parent.parent


def test_the_options_and_their_defaults():
    args = parse(["classroom"])
    assert (args.host, args.port, args.no_browser, args.lang) == ("0.0.0.0", 8765, False, None)
    args = parse(["classroom", "--host", "127.0.0.1", "--port", "9000", "--no-browser", "--lang", "nl",
                  "--scenario", "scenarios/gigweek"])
    assert (args.host, args.port, args.no_browser, args.lang, args.scenario) == \
        ("127.0.0.1", 9000, True, "nl", "scenarios/gigweek")


@pytest.mark.parametrize("argv", [["classroom", "--lang", "xx"], ["classroom", "--port", "70000"],
                                  ["classroom", "--port", "0"], ["classroom", "--runs", "3"],
                                  ["--port", "9000"], ["simulate", "--no-browser"]])
def test_bad_options_are_refused(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        parse(argv)
    assert stop.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_every_language_of_the_game_is_accepted():
    from game.session.strings import languages
    for code in languages():
        assert parse(["classroom", "--lang", code]).lang == code


def test_the_addresses_leave_out_loopback_and_link_local(monkeypatch):
    for address in server.lan_addresses():
        assert not address.startswith(("127.", "169.254.")) and address.count(".") == 3

    class Adapter:
        def __init__(self, ips):
            self.ips = [type("IP", (), {"ip": ip}) for ip in ips]
    import ifaddr
    monkeypatch.setattr(ifaddr, "get_adapters", lambda: [Adapter(["127.0.0.1", ("::1", 0, 0)]),
                                                         Adapter(["8.8.4.4", "169.254.3.3", "10.1.2.3"])])
    assert server.lan_addresses() == ["10.1.2.3", "8.8.4.4"]  # private ones first


def test_bound_to_localhost_it_warns(monkeypatch):
    lines: list[str] = []
    students, teacher = server.announce("127.0.0.1", 8765, "TOKEN", lines.append)
    assert lines[0] == "Students: http://127.0.0.1:8765/" and lines[1].startswith("Teacher: ")
    assert "TOKEN" in teacher and any(line.startswith("Warning: bound to this laptop only") for line in lines)
    lines.clear()
    monkeypatch.setattr(server, "lan_addresses", lambda: ["192.168.1.5", "10.0.0.7"])
    server.announce("0.0.0.0", 8765, "T", lines.append)
    assert lines[0] == "Students: http://192.168.1.5:8765/"
    assert "http://10.0.0.7:8765/" in lines[2] and not any("Warning" in line for line in lines)


def test_a_taken_port_is_said_in_one_sentence(capsys, sample):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert server.serve(sample, "127.0.0.1", port, "en", browser=False) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"Port {port} is already in use" in err and "--port" in err


def test_a_browser_that_fails_is_said_in_one_line(monkeypatch, capsys):
    import webbrowser

    def broken(url, *a, **k):
        raise webbrowser.Error("no runnable browser")
    monkeypatch.setattr(webbrowser, "open", broken)
    server.open_browser("http://127.0.0.1:1/teacher")
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: False)
    server.open_browser("http://127.0.0.1:1/teacher")
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 2 and all(line.startswith("Could not open a browser") for line in out)


def test_a_real_server_answers_and_stops_cleanly_on_ctrl_c(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, SCORED_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "game", "classroom", "--no-browser", "--host", "127.0.0.1",
                             "--port", str(port), "--scenario", str(ROOT / "scenarios" / "sample")],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        status = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/check", timeout=1) as r:
                    status = r.status
                    break
            except OSError:
                time.sleep(0.1)
        assert status == 200
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    lines = out.splitlines()
    assert lines[0] == f"Students: http://127.0.0.1:{port}/" and lines[1].startswith("Teacher: http://127.0.0.1:")
    assert "Stopped." in out and "Traceback" not in err and proc.returncode == 0
    assert (tmp_path / "classroom" / "sample.sqlite3").exists()
