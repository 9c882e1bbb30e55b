"""The `scored` command line: every option with the commands it applies to, its help text and its
default; the subcommands; and the parsing that refuses an option a command does not take.

An option means the same before or after a subcommand (`scored --seed 4 simulate` is
`scored simulate --seed 4`); an option that does not apply to what was asked for is refused.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any, Callable, Optional, Sequence

from . import __version__
from .strings_cmd import add_parser as add_strings_parser

POLICY_NAMES = ("random", "score", "loyal")
MIN_SIZE = (800, 480)


# ----- values ---------------------------------------------------------------------------------
def window_size(text: str) -> tuple[int, int]:
    """`--size`: WIDTHxHEIGHT, at least 800x480."""
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x720, not '{text}'") from None
    if w < MIN_SIZE[0] or h < MIN_SIZE[1]:
        raise argparse.ArgumentTypeError(f"{text} is smaller than the smallest window, "
                                         f"{MIN_SIZE[0]}x{MIN_SIZE[1]}")
    return w, h


def whole(low: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not '{text}'") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be {low} or more, not {value}")
        return value
    parse.__name__ = "whole number"
    return parse


# ----- the options, each with the commands it applies to -----------------------------------------
PLAY, VALIDATE, SIMULATE, CLASSROOM, TEACHERS, VISITS, STRINGS = (
    "play", "validate", "simulate", "classroom", "teachers", "visits", "strings")


def language(text: str) -> str:
    """`--lang`: a language the game has strings for (they are data: game/locale/)."""
    from .session.strings import languages
    known = languages()
    if text not in known:
        raise argparse.ArgumentTypeError(f"'{text}' is not a language of the game ({', '.join(known)})")
    return text


def port_number(text: str) -> int:
    value = whole(1)(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"a port is at most 65535, not {value}")
    return value


# (flags, commands, default, argparse keywords); help texts name their default
OPTIONS: list[tuple[tuple[str, ...], tuple[str, ...], Any, dict[str, Any]]] = [
    (("--scenario",), (PLAY, SIMULATE, CLASSROOM, STRINGS), None,
     dict(metavar="FILE", help="the scenario.yaml (or its folder) to play (default: the shipped week)")),
    (("--seed",), (PLAY, SIMULATE), None,
     dict(type=whole(0), metavar="N", help="seed of the run's chance events (default: random when "
                                           "playing, 0 when simulating)")),
    (("--kiosk",), (PLAY, SIMULATE), False,
     dict(action="store_true", help="the museum kiosk's short week; in a window also the attract "
                                    "loop and idle reset (default: off)")),
    (("--lang",), (PLAY, CLASSROOM, TEACHERS), None,
     dict(type=language, metavar="LANG", help="language code, such as en or nl (default: the saved setting, "
                                              "else en; in a classroom, the students choose their own)")),
    (("--region",), (PLAY, CLASSROOM), None,
     dict(metavar="NAME", help="whose cases the debrief's 'closer to home' shows, such as nl or intl "
                               "(default: the saved setting, else by the language)")),
    (("--text",), (PLAY,), False,
     dict(action="store_true", help="play in the terminal, as plain lines a screen reader can "
                                    "follow (default: off, a window)")),
    (("--operator-config",), (PLAY,), None,
     dict(metavar="FILE", help="with --kiosk: the operator's settings, a TOML file (default: "
                               "kiosk.toml in the data folder, $SCORED_HOME; see docs/kiosk.md)")),
    (("--transparent",), (PLAY,), False,
     dict(action="store_true", help="show each change's exact rule at once (default: off, a vague reason)")),
    (("--no-stats",), (PLAY,), False,
     dict(action="store_true", help="keep no anonymous play statistics on this device "
                                    "(default: the saved setting, on)")),
    (("--autoplay",), (PLAY,), None,
     dict(choices=POLICY_NAMES, help="the window plays the week by itself with this policy (default: off)")),
    (("--screenshots",), (PLAY,), None,
     dict(metavar="DIR", help="with --autoplay: save one PNG per screen in DIR, without a window "
                              "(default: none)")),
    (("--fast",), (PLAY,), False,
     dict(action="store_true", help="with --autoplay: don't wait between screens (default: off)")),
    (("--windowed",), (PLAY,), False,
     dict(action="store_true", help="never fullscreen (default: off)")),
    (("--size",), (PLAY,), None,
     dict(type=window_size, metavar="WxH", help="window size such as 1280x720 (default: 1280x720)")),
    (("--runs",), (SIMULATE,), 1000,
     dict(type=whole(1), metavar="N", help="how many weeks to play (default: 1000)")),
    (("--policy",), (SIMULATE,), "random",
     dict(choices=POLICY_NAMES, help="how the simulated players choose (default: random)")),
    (("--json",), (SIMULATE,), False,
     dict(action="store_true", help="print one JSON object (default: off, plain lines)")),
    (("--out",), (TEACHERS, STRINGS), None,
     dict(metavar="DIR", help="the folder to write the page (or the PO file) into, made if missing "
                              "(default: the current folder)")),
    (("--csv",), (VISITS,), False,
     dict(action="store_true", help="print CSV to stdout (default: off, a table)")),
    (("--host",), (CLASSROOM,), "0.0.0.0",
     dict(metavar="H", help="the address to serve on (default: 0.0.0.0, every network of this laptop)")),
    (("--port",), (CLASSROOM,), 8765,
     dict(type=port_number, metavar="P", help="the port to serve on (default: 8765)")),
    (("--no-browser",), (CLASSROOM,), False,
     dict(action="store_true", help="don't open the teacher's page in a browser (default: it opens)")),
]


def _dest(flags: tuple[str, ...]) -> str:
    return flags[0].lstrip("-").replace("-", "_")


def _add(parser: argparse.ArgumentParser, command: str, top: bool) -> None:
    """The options of `command` (on the top parser: those of every command), defaults left out so
    that an option given before the subcommand is not overwritten by the subparser's default."""
    for flags, commands, _, kw in OPTIONS:
        if command in commands or (top and command == PLAY):
            parser.add_argument(*flags, default=argparse.SUPPRESS, **kw)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scored", description="Scored: a week inside a social credit score.",
        epilog="With no command, the week opens in a window (or in the terminal with --text).")
    parser.add_argument("--version", action="version", version=f"scored {__version__}")
    _add(parser, PLAY, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    v = sub.add_parser(VALIDATE, help="check scenario files; exit 1 when a problem is found",
                       description="Check scenarios: every problem with its file, line and column.")
    v.add_argument("files", nargs="*", metavar="PATH",
                   help="scenario.yaml files, or folders holding them at any depth (default: the shipped scenarios)")
    s = sub.add_parser(SIMULATE, help="play many weeks headless and print the figures",
                       description="Play many weeks headless with a policy and print the balance figures.")
    _add(s, SIMULATE, top=False)
    t = sub.add_parser(TEACHERS, help="write the teacher's materials as one page to print on A4",
                       description="Write the lesson plan, answer keys, worksheets and glossary as one HTML "
                                   "page to print on A4 (it works offline), and print where it is.")
    _add(t, TEACHERS, top=False)
    c = sub.add_parser(VISITS, help="print the kiosk's anonymous visit counts, by day and language",
                       description="The kiosk's visit counts: started, finished (the week's ending), "
                                   "debriefed (the debrief's last page) and abandoned, by day and language.")
    _add(c, VISITS, top=False)
    c = sub.add_parser(CLASSROOM, help="serve the week to a class's phones on the local network",
                       description="Serve the week as web pages to the students' phones; the teacher's page "
                                   "shows the class live and its debrief.")
    _add(c, CLASSROOM, top=False)
    _add(add_strings_parser(sub, STRINGS), STRINGS, top=False)
    return parser


def parse(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    """Parse the command line; refuse options that do not apply, then fill in the defaults."""
    given_argv = list(sys.argv[1:] if argv is None else argv)
    if not given_argv:  # plain `scored`, the window: every default, without building the parser (~5 ms)
        return _defaults(argparse.Namespace(command=None))
    parser = build_parser()
    args = parser.parse_args(given_argv)
    return _defaults(args, parser)


def _defaults(args: argparse.Namespace, parser: Optional[argparse.ArgumentParser] = None) -> argparse.Namespace:
    """Refuse options that do not apply to the command (`parser` says so), then fill in the defaults."""
    command = args.command or PLAY
    given = vars(args)
    for flags, commands, default, _ in OPTIONS:
        dest = _dest(flags)
        if dest in given and command not in commands and parser is not None:
            parser.error(f"{flags[0]} does not apply to 'scored {command}'")
        if dest not in given:
            setattr(args, dest, default)
    if command == PLAY and parser is not None:
        if args.screenshots and not args.autoplay:
            parser.error("--screenshots needs --autoplay (the game takes the pictures as it plays itself)")
        if args.fast and not args.autoplay:
            parser.error("--fast needs --autoplay")
        if args.text and (args.autoplay or args.size or args.windowed):
            parser.error("--autoplay, --size and --windowed are for the window, not for --text")
        if args.operator_config and (not args.kiosk or args.text):
            parser.error("--operator-config is for the kiosk's window: give --kiosk too (and not --text)")
    return args
