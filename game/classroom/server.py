"""`scored classroom`: serve the week to the class on the local network.

It says where: one `Students:` line, one `Teacher:` line (with the secret token), every address
the laptop has on the network, and a warning when only this laptop can reach it. Then it opens
the teacher's page in the default browser and serves until Ctrl+C. Nothing here sends a packet
to find an address: the interfaces are read from the system (ifaddr), so it works offline.
"""
from __future__ import annotations

import errno
import ipaddress
import re
import socket
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Callable

from ..engine.model import Scenario
from ..paths import data_dir
from .room import Classroom
from .store import Store

DEFAULT_PORT = 8765
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def class_file(scenario: Scenario) -> Path:
    """Where a class of this scenario is kept (one file per scenario, so two weeks never mix)."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", scenario.id)[:80] or "scenario"
    return data_dir() / "classroom" / f"{safe}.sqlite3"


def lan_addresses() -> list[str]:
    """The laptop's IPv4 addresses others on the network may reach, private ones first (no
    loopback, no link-local)."""
    found: list[str] = []
    try:
        import ifaddr
        candidates = [str(ip.ip) for adapter in ifaddr.get_adapters() for ip in adapter.ips
                      if isinstance(ip.ip, str)]  # IPv6 addresses come as tuples
    except Exception:  # no library or no interfaces readable: ask the resolver about our own name
        try:
            candidates = [str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
        except OSError:
            candidates = []
    for text in candidates:
        try:
            ip = ipaddress.IPv4Address(str(text))
        except ValueError:
            continue
        if not (ip.is_loopback or ip.is_link_local or ip.is_unspecified) and str(ip) not in found:
            found.append(str(ip))
    return sorted(found, key=lambda a: (not ipaddress.IPv4Address(a).is_private, found.index(a)))


def url(host: str, port: int, path: str = "/") -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


def reachable(host: str) -> list[str]:
    """The addresses students may use for a server bound to `host`."""
    if host in ("0.0.0.0", "", "::"):
        return lan_addresses()
    return [] if host in LOCAL_HOSTS else [host]


def bind(host: str, port: int) -> socket.socket:
    """The listening socket (OSError when the port is taken or the address is not this laptop's)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # the protocol named, so that asyncio turns Nagle's algorithm off for each connection (it
    # checks for IPPROTO_TCP): else a page's headers and body wait ~40 ms on the phone's delayed ACK
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def announce(host: str, port: int, token: str, say: Callable[[str], None] = print) -> tuple[str, str]:
    """Print where the class joins and where the teacher looks; return both addresses."""
    others = reachable(host)
    first = others[0] if others else ("localhost" if host in ("0.0.0.0", "", "::") else host)
    students = url(first, port)
    teacher = url(first, port, f"/teacher?token={token}")
    say(f"Students: {students}")
    say(f"Teacher: {teacher}")
    if len(others) > 1:
        say("This laptop can also be reached at: " + ", ".join(url(a, port) for a in others[1:]))
    if not others:
        if host in LOCAL_HOSTS:
            say("Warning: bound to this laptop only (--host {0}); phones cannot reach it. Use --host 0.0.0.0 "
                "to serve the class.".format(host))
        else:
            say("Warning: this laptop has no network address right now; phones cannot reach it. Join a "
                "network (or start a phone's hotspot) and start again.")
    say(f"Network check for a student: {url(first, port, '/check')}")
    say("Press Ctrl+C to stop; the class's weeks are kept until you end the class.")
    return students, teacher


def open_browser(address: str) -> None:
    """Open the teacher's page; a failure is said in one line, never a traceback."""
    try:
        opened = webbrowser.open(address)
    except Exception as exc:  # any browser launcher's failure is the same to the teacher
        print(f"Could not open a browser ({exc}); open the Teacher address yourself.")
        return
    if not opened:
        print("Could not open a browser; open the Teacher address yourself.")


class Background:
    """The site served by a thread of this process on a free port of 127.0.0.1 (for the browser
    tests and screenshots): `with Background(app) as server: server.url`."""

    def __init__(self, app: object, host: str = "127.0.0.1", port: int = 0):
        import uvicorn
        self.sock = bind(host, port)
        self.url = url(host, self.sock.getsockname()[1])
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,  # type: ignore[arg-type]
                                                    timeout_graceful_shutdown=1))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "Background":
        self.thread.start()
        for _ in range(500):
            if self.server.started:
                break
            threading.Event().wait(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


def serve(scenario: Scenario, host: str = "0.0.0.0", port: int = DEFAULT_PORT, lang: str = "en",
          browser: bool = True, region: str = "") -> int:
    import uvicorn

    from .app import build_app
    try:
        sock = bind(host, port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(f"Port {port} is already in use (another program, or a class already running); "
                  f"try another: scored classroom --port {port + 1}", file=sys.stderr)
        else:
            print(f"Cannot serve on {host}:{port} ({exc.strerror or exc}); check --host.", file=sys.stderr)
        return 1
    path = class_file(scenario)
    room = Classroom(scenario, Store(path), lang, region=region)
    students, teacher = announce(host, port, room.token)
    if room.students:
        print(f"Going on with the class kept in {path} ({len(room.students)} students).")
    app = build_app(room, students)
    from .views import warm_codes
    threading.Thread(target=warm_codes, args=(scenario, list(room.languages)), daemon=True).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=2,
                            server_header=False)
    server = uvicorn.Server(config)
    if browser:
        threading.Timer(0.8, open_browser, (teacher,)).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
        room.store.close()
    print("Stopped. Start `scored classroom` again to go on with the same class.")
    return 0

