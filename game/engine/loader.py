"""Load a scenario folder (scenario.yaml + one string table per language) and check it.

Every problem names the file, the line and what is wrong; all problems are collected
before a ScenarioError is raised, so an author sees them in one go.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import zlib
from typing import Any, Callable, Optional

from . import effects as fx
from .conditions import ConditionError, compile_condition
from .errors import Problem, ScenarioError
from .model import (ACCESSORIES, END, PORTRAIT_STYLES, SCENE_KINDS, STATUSES, TIMES, Association,
                    Branch, Choice, Ending, Gate, Person, Portrait, Post, Ratings, Rule, Scenario,
                    Scene, Sanction, Source, Tier)
from .strings import PLACEHOLDER, Strings
from .yamlsrc import Marks, YamlProblem, load_marked, mark_of

ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
TOP_KEYS = {"format", "id", "languages", "start", "score", "player", "goal", "intro", "tiers",
            "gates", "sanctions", "rules", "values", "association", "ratings", "friends",
            "characters", "scenes", "endings", "debrief", "sources", "strings"}
SCENE_KEYS = {"id", "day", "time", "place", "speaker", "kind", "text", "posts", "on_enter",
              "choices", "next", "gate", "sanction", "kiosk"}
CHOICE_KEYS = {"id", "text", "result", "if", "do", "tags", "next"}
EFFECT_KEYS = ("rule", "friend", "status", "set", "add", "rate", "later", "maybe")
PLACEHOLDER_ROOTS = {"score", "player", "stars", "day"}
SOURCE_STATUSES = ("checked", "copy", "unchecked")


def draw_key(path: tuple) -> int:
    """A stable number for a place in the scenario, naming the random draws made there."""
    return zlib.crc32(repr(path).encode("utf-8"))


def suggest(name: str, options: Any) -> str:
    match = difflib.get_close_matches(str(name), [str(o) for o in options], n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.file = os.path.relpath(path) if not os.path.isabs(path) or path.startswith(os.getcwd()) else path
        self.problems: list[Problem] = []
        self.marks: Marks = {}
        self.used_strings: dict[str, tuple[str, tuple]] = {}  # id -> (what, path)
        self.optional_strings: set[str] = set()
        self.flags_set: set[str] = set()
        self.flags_read: dict[str, tuple] = {}
        self.rules: dict[str, Rule] = {}
        self.friends: dict[str, Person] = {}
        self.gates: list[Gate] = []
        self.sanction_ids: list[str] = []
        self.scene_ids: set[str] = set()
        self.choice_ids: set[str] = set()
        self.ratings: Optional[Ratings] = None
        self.characters: dict[str, Person] = {}

    # ----- reporting -----------------------------------------------------------------------
    def err(self, path: tuple, message: str, file: Optional[str] = None, marks: Optional[Marks] = None) -> None:
        line, col = mark_of(marks if marks is not None else self.marks, path)
        self.problems.append(Problem(file or self.file, line, col, message))

    def expect(self, value: Any, kinds: Any, path: tuple, what: str) -> bool:
        if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
            self.err(path, f"{what} must be {_kind_name(kinds)}, not {value!r} "
                           f"(quote it if you meant the word)")
            return False
        if not isinstance(value, kinds):
            self.err(path, f"{what} must be {_kind_name(kinds)}, not {_show(value)}")
            return False
        return True

    def known_keys(self, obj: dict, allowed: set, path: tuple, what: str) -> None:
        for key in obj:
            if key not in allowed:
                self.err(path + (key, "<key>"), f"{what}: unknown key '{key}'{suggest(key, allowed)}")

    def string(self, string_id: Any, path: tuple, what: str, optional: bool = False) -> str:
        if not isinstance(string_id, str) or not string_id:
            self.err(path, f"{what}: a string id must be text, not {_show(string_id)}")
            return ""
        if optional:
            self.optional_strings.add(string_id)
        else:
            self.used_strings.setdefault(string_id, (what, path))
        return string_id

    # ----- conditions ----------------------------------------------------------------------
    def resolver(self, path: tuple) -> Callable[[str], Callable]:
        def resolve(name: str) -> Callable:
            if name == "score":
                return lambda r: r.score
            if name == "day":
                return lambda r: r.day
            if name == "stars":
                return lambda r: r.stars
            if name == "kiosk":
                return lambda r: r.kiosk
            head, _, rest = name.partition(".")
            if head == "flag" and rest:
                self.flags_read.setdefault(rest, path)
                return lambda r: r.flags.get(rest, 0)
            if head == "gate":
                for gate in self.gates:
                    if gate.id == rest:
                        at = gate.at
                        return lambda r: r.score >= at
                raise ConditionError(f"unknown gate '{rest}'{suggest(rest, [g.id for g in self.gates])}")
            if head == "passed":
                if rest not in [g.id for g in self.gates]:
                    raise ConditionError(f"unknown gate '{rest}'{suggest(rest, [g.id for g in self.gates])}")
                return lambda r: any(c.passed and c.gate == rest for c in r.gate_checks)
            if head == "sanction":
                if rest not in self.sanction_ids:
                    raise ConditionError(f"unknown sanction '{rest}'{suggest(rest, self.sanction_ids)}")
                return lambda r: rest in r.active_sanctions()
            if head == "friend":
                fid, _, field = rest.partition(".")
                if fid not in self.friends:
                    raise ConditionError(f"unknown friend '{fid}'{suggest(fid, self.friends)}")
                if field == "score":
                    return lambda r: r.friends[fid].score
                if field == "status":
                    return lambda r: r.friends[fid].status
                raise ConditionError(f"'{name}': a friend has .score and .status")
            if head == "chose":
                if rest not in self.choice_ids:
                    raise ConditionError(f"unknown choice '{rest}'{suggest(rest, self.choice_ids)}")
                return lambda r: rest in r.chosen
            if head == "seen":
                if rest not in self.scene_ids:
                    raise ConditionError(f"unknown scene '{rest}'{suggest(rest, self.scene_ids)}")
                return lambda r: rest in r.seen
            names = ["score", "day", "stars", "kiosk", "flag.", "gate.", "passed.", "sanction.", "friend.",
                     "chose.", "seen."]
            raise ConditionError(f"unknown name '{name}'{suggest(name, names)}")
        return resolve

    def condition(self, text: Any, path: tuple, what: str) -> Optional[Callable]:
        if text is None:
            return None
        if not isinstance(text, str):
            self.err(path, f"{what}: a condition must be quoted text, not {_show(text)}")
            return None
        try:
            return compile_condition(text, self.resolver(path))
        except ConditionError as exc:
            line, col = mark_of(self.marks, path)
            # point into the condition when it sits on one line
            self.problems.append(Problem(self.file, line, col + (exc.column if exc.column else 0),
                                         f"{what}: condition \"{text}\": {exc}"))
            return None

    # ----- small parts ---------------------------------------------------------------------
    def delta(self, value: Any, path: tuple, what: str) -> tuple[int, int]:
        if isinstance(value, int) and not isinstance(value, bool):
            return value, value
        if isinstance(value, dict):
            low, high = value.get("min"), value.get("max")
            if all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high)):
                if low > high:
                    self.err(path, f"{what}: min {low} is above max {high}")
                    return high, low
                self.known_keys(value, {"min", "max"}, path, what)
                return low, high
        self.err(path, f"{what}: a delta must be a whole number or {{min: N, max: N}}, "
                       f"not {_show(value)}")
        return 0, 0

    def rule_ref(self, rule_id: Any, path: tuple, what: str) -> Optional[Rule]:
        if rule_id in self.rules:
            return self.rules[rule_id]
        self.err(path, f"{what}: unknown rule '{rule_id}'{suggest(rule_id, self.rules)}")
        return None

    def friend_ref(self, fid: Any, path: tuple, what: str) -> bool:
        if fid in self.friends:
            return True
        self.err(path, f"{what}: unknown friend '{fid}'{suggest(fid, self.friends)}")
        return False

    def portrait(self, value: Any, path: tuple, what: str) -> Portrait:
        if value is None:
            return Portrait()
        if not self.expect(value, dict, path, f"{what}: portrait"):
            return Portrait()
        self.known_keys(value, {"skin", "hair", "style", "shirt", "accessory"}, path, f"{what}: portrait")
        p = Portrait()
        for key in ("skin", "hair", "shirt"):
            if key in value:
                if isinstance(value[key], str) and re.fullmatch(r"#[0-9a-fA-F]{6}", value[key]):
                    setattr(p, key, value[key])
                else:
                    self.err(path + (key,), f"{what}: {key} must be a colour like \"#c98d6b\" (quoted)")
        for key, allowed in (("style", PORTRAIT_STYLES), ("accessory", ACCESSORIES)):
            if key in value:
                if value[key] in allowed:
                    setattr(p, key, value[key])
                else:
                    self.err(path + (key,), f"{what}: {key} '{value[key]}' is not one of "
                                            f"{', '.join(allowed)}{suggest(value[key], allowed)}")
        return p

    # ----- effects -------------------------------------------------------------------------
    def effects(self, items: Any, path: tuple, what: str) -> list:
        if items is None:
            return []
        if not self.expect(items, list, path, f"{what}: effects"):
            return []
        out = []
        for i, item in enumerate(items):
            effect = self.effect(item, path + (i,), what)
            if effect is not None:
                if hasattr(effect, "key"):
                    effect.key = draw_key(path + (i,))
                out.append(effect)
        return out

    def effect(self, item: Any, path: tuple, what: str) -> Any:
        if not isinstance(item, dict) or len(item) < 1:
            self.err(path, f"{what}: an effect must be a mapping like {{rule: RULE}}, not {_show(item)}")
            return None
        kind = next(iter(item))
        if kind not in EFFECT_KEYS:
            self.err(path + (kind, "<key>"), f"{what}: unknown effect '{kind}'{suggest(kind, EFFECT_KEYS)}")
            return None
        arg = item[kind]
        p = path + (kind,)
        if kind == "rule":
            if len(item) > 1:
                self.known_keys(item, {"rule"}, path, what)
            rule = self.rule_ref(arg, p, what)
            return fx.ApplyRule(rule) if rule else None
        if kind == "friend":
            self.known_keys(item, {"friend", "delta", "rule"}, path, what)
            if not self.friend_ref(arg, p, what):
                return None
            if "rule" in item:
                rule = self.rule_ref(item["rule"], path + ("rule",), what)
                if rule is None:
                    return None
                low, high = rule.low, rule.high
                if "delta" in item:
                    low, high = self.delta(item["delta"], path + ("delta",), what)
                return fx.FriendDelta(arg, low, high, rule)
            if "delta" not in item:
                self.err(path, f"{what}: a friend effect needs delta: N or rule: RULE")
                return None
            low, high = self.delta(item["delta"], path + ("delta",), what)
            return fx.FriendDelta(arg, low, high)
        if len(item) > 1:
            self.err(path, f"{what}: one effect per list item; put '{list(item)[1]}' on a line of its own")
        if kind == "status":
            if not isinstance(arg, dict) or len(arg) != 1:
                self.err(p, f"{what}: status needs one friend and a status, like {{status: {{mei: muted}}}}")
                return None
            fid, status = next(iter(arg.items()))
            if not self.friend_ref(fid, p, what):
                return None
            if status not in STATUSES:
                self.err(p + (fid,), f"{what}: unknown status '{status}'{suggest(status, STATUSES)}"
                                     f"; use one of {', '.join(STATUSES)}")
                return None
            return fx.SetStatus(fid, status)
        if kind in ("set", "add"):
            if isinstance(arg, str) and kind == "set":
                self.flag_name(arg, p, what)
                return fx.SetFlag(arg, True)
            if isinstance(arg, dict) and len(arg) == 1:
                name, value = next(iter(arg.items()))
                self.flag_name(name, p, what)
                if kind == "add" and (not isinstance(value, int) or isinstance(value, bool)):
                    self.err(p + (name,), f"{what}: add needs a whole number, not {_show(value)}")
                    return None
                if not isinstance(value, (int, bool)):
                    self.err(p + (name,), f"{what}: a flag holds true, false or a whole number")
                    return None
                return fx.SetFlag(name, value, add=(kind == "add"))
            self.err(p, f"{what}: {kind} needs a flag name or {{NAME: N}}, not {_show(arg)}")
            return None
        if kind == "rate":
            if not isinstance(arg, dict):
                self.err(p, f"{what}: rate needs {{by: FRIEND, stars: N}}")
                return None
            self.known_keys(arg, {"by", "stars"}, p, what)
            by = arg.get("by")
            if by not in self.friends and by not in self.characters:
                self.err(p + ("by",), f"{what}: rate by unknown person '{by}'"
                                      f"{suggest(by, list(self.friends) + list(self.characters))}")
                return None
            low, high = self.delta(arg.get("stars"), p + ("stars",), what)
            if not (1 <= low <= high <= 5):
                self.err(p + ("stars",), f"{what}: stars run from 1 to 5, not {low}-{high}")
                return None
            r = self.ratings
            expected = ((low + high) / 2 - r.neutral) * r.per_star if r else 0.0
            return fx.RateHinted(by, low, high, expected)
        if kind == "later":
            if not isinstance(arg, dict):
                self.err(p, f"{what}: later needs {{days: N, do: [...]}} or {{scenes: N, do: [...]}}")
                return None
            self.known_keys(arg, {"days", "scenes", "if", "do"}, p, what)
            days, scenes = arg.get("days", 0), arg.get("scenes", 0)
            if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (days, scenes)) \
                    or (days == 0) == (scenes == 0):
                self.err(p, f"{what}: later needs exactly one of days: N or scenes: N (N at least 1)")
                return None
            cond = self.condition(arg.get("if"), p + ("if",), what)
            inner = self.effects(arg.get("do"), p + ("do",), what)
            if not inner:
                self.err(p, f"{what}: later has nothing to do (add do: [...])")
            return fx.Later(days, scenes, cond, inner)
        if kind == "maybe":
            if not isinstance(arg, dict):
                self.err(p, f"{what}: maybe needs {{chance: 0.4, do: [...], else: [...]}}")
                return None
            self.known_keys(arg, {"chance", "do", "else"}, p, what)
            chance = arg.get("chance")
            if not isinstance(chance, (int, float)) or isinstance(chance, bool) or not 0 <= chance <= 1:
                self.err(p + ("chance",), f"{what}: chance must be a number from 0 to 1, not {_show(chance)}")
                return None
            return fx.Maybe(float(chance), self.effects(arg.get("do"), p + ("do",), what),
                            self.effects(arg.get("else"), p + ("else",), what))
        return None

    def flag_name(self, name: Any, path: tuple, what: str) -> None:
        if not isinstance(name, str) or not ID.match(name):
            self.err(path, f"{what}: '{name}' is not a valid flag name")
        else:
            self.flags_set.add(name)



def _kind_name(kinds: Any) -> str:
    names = {str: "text", int: "a whole number", list: "a list", dict: "a mapping",
             float: "a number", bool: "true or false"}
    if isinstance(kinds, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kinds)
    return names.get(kinds, kinds.__name__)


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Load and check a scenario; raise ScenarioError listing every problem."""
    scenario, problems = check_scenario(path)
    if problems or scenario is None:
        raise ScenarioError(problems)
    return scenario


def check_scenario(path: str | os.PathLike[str]) -> tuple[Optional[Scenario], list[Problem]]:
    """Load a scenario and return it (None when it cannot be built) with every problem."""
    from .build import build  # the body of the loader lives there, by part
    path = os.fspath(path)
    if os.path.isdir(path):
        path = os.path.join(path, "scenario.yaml")
    b = _Builder(path)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(b.file, 0, 0, f"cannot read the scenario: {exc}")]
    try:
        data, b.marks = load_marked(text)
    except YamlProblem as exc:
        return None, [Problem(b.file, exc.line, exc.column, exc.message)]
    if not isinstance(data, dict):
        return None, [Problem(b.file, 1, 1, "a scenario must be a mapping with keys such as id, start, scenes")]
    scenario = build(b, data)
    return (scenario if not b.problems else scenario), b.problems


def content_hash(data: Any) -> str:
    blob = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


__all__ = ["load_scenario", "check_scenario", "suggest", "content_hash", "PLACEHOLDER",
           "PLACEHOLDER_ROOTS", "SOURCE_STATUSES", "TOP_KEYS", "SCENE_KEYS", "CHOICE_KEYS",
           "Association", "Branch", "Choice", "Ending", "Gate", "Person", "Post", "Ratings",
           "Rule", "Scene", "Sanction", "Source", "Tier", "Strings", "END", "SCENE_KINDS",
           "TIMES", "ID"]
