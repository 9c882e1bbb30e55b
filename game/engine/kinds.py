"""The closed sets of names a scenario uses, as enums. Each member is also its plain text, so a
condition such as `friend.noor.status == 'muted'` and a string id such as `status.muted` still work."""
from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    """A str enum that prints and formats as its value (like Python 3.11's StrEnum)."""

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        return str.__format__(self, spec)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        found = _NAMES.get(cls)
        if found is None:  # asked for hundreds of times a load: made once
            found = _NAMES[cls] = tuple(m.value for m in cls)
        return found


_NAMES: dict[type, tuple[str, ...]] = {}


class SceneKind(Kind):
    TALK = "talk"
    FEED = "feed"
    GATE = "gate"
    SANCTION = "sanction"
    NOTICE = "notice"


class TimeOfDay(Kind):
    MORNING = "morning"
    DAY = "day"
    EVENING = "evening"


class Status(Kind):
    """A friend's place in your network."""
    FRIEND = "friend"
    MUTED = "muted"
    UNFRIENDED = "unfriended"


class Origin(Kind):
    """Where a change of score came from."""
    CHOICE = "choice"            # a choice's own effects
    SCENE = "scene"              # a scene's on_enter effects
    LATER = "later"              # a delayed effect coming due
    ASSOCIATION = "association"  # a friend's score pulling on yours at the day's end
    RATING = "rating"            # a star rating turned into points
    DRIFT = "drift"              # a friend's own daily drift


class SourceStatus(Kind):
    """How a cited source was checked (see docs/sources.md)."""
    CHECKED = "checked"
    COPY = "copy"
    UNCHECKED = "unchecked"


class Verdict(Kind):
    """What later reporting found of a rule, privilege or sanction the week staged."""
    REAL = "real"
    PARTLY = "partly"
    INVENTED = "invented"


class Shape(Kind):
    """A tier's shape: the score is never shown by colour alone."""
    CIRCLE = "circle"
    SQUARE = "square"
    DIAMOND = "diamond"
    TRIANGLE = "triangle"
    PENTAGON = "pentagon"
    HEXAGON = "hexagon"
    OCTAGON = "octagon"
    STAR = "star"


class PortraitStyle(Kind):
    SHORT = "short"
    BOB = "bob"
    LONG = "long"
    BUN = "bun"
    CURLY = "curly"
    BALD = "bald"


class Accessory(Kind):
    NONE = "none"
    GLASSES = "glasses"
    EARRINGS = "earrings"
    CAP = "cap"
    HEADSCARF = "headscarf"


class Picture(Kind):
    """What a sanction scene shows: chosen by the scenario, never guessed from the sanction's id."""
    LOADING = "loading"   # a loading bar that creeps and stalls
    LOCKED = "locked"     # an offer (a job ad, a door) you cannot open
    LISTED = "listed"     # a dark notice: your name is on a list
    NOTICE = "notice"     # a plain notice with the sanction's name
