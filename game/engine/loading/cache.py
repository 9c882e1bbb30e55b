"""A cache of parsed files: what a YAML file parses to (its value and duplicate keys; the game's
own strings merged), kept as JSON (plain values only; a mapping whose keys are not all text is
written as its pairs) under a hash of the text it was parsed from. The lines and columns of its
values are not kept: only a problem needs them, and then the text is parsed again (marks.LazyMarks).

Parsing is most of a scenario's load; the same text parses to the same result, so an unchanged
file is read back instead of parsed again. What is built from it is still checked every time. A
changed file has another hash and is parsed anew. An entry that is damaged, truncated, of another
version or of the wrong shape is treated as absent (and written again); a cache that cannot be
written is simply not used. Off until a front-end names a folder (`use_folder`).

Other plain values slow to make again from a text may be kept beside them under a key of their own
kind: game/session/qr.py keeps the QR codes of the debrief's sources.
"""
from __future__ import annotations

import contextlib
import json
import os
from typing import Any, Optional

try:  # hashlib's own BLAKE2, without hashlib loading OpenSSL (~5 ms) before the title's first frame
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

VERSION = 2          # of the entry's layout and of what the parser returns: bump when either changes
KEEP = 128           # entries kept; the oldest go first (each edit of a file leaves one behind)
MAX_ENTRY = 8_000_000
_DIGEST = 32

_folder: Optional[str] = None
_PAIRS = "\0"  # the one key of a JSON object standing for a mapping with keys other than text


def use_folder(folder: "str | os.PathLike[str] | None") -> None:
    """Keep parsed files in `folder` (made when first written); None turns the cache off."""
    global _folder
    _folder = os.fspath(folder) if folder is not None else None


def folder() -> Optional[str]:
    return _folder


def key(*texts: str) -> str:
    """The key of what `texts` parse to (a kind of entry first, then the texts themselves)."""
    h = blake2b(str(VERSION).encode(), digest_size=20)
    for text in texts:
        data = text.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _path(k: str) -> Optional[str]:
    return os.path.join(_folder, f"{k}.parsed") if _folder else None


def get(k: str) -> Any:
    """The value kept under key `k`, or None when there is none or it cannot be trusted."""
    path = _path(k)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            blob = fh.read(MAX_ENTRY + 1)
    except OSError:
        return None
    digest, payload = blob[:_DIGEST], blob[_DIGEST:]
    if len(blob) > MAX_ENTRY or blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return None  # damaged or truncated
    try:
        entry = json.loads(payload.decode("utf-8"), object_hook=_mapping)
    except (ValueError, TypeError, RecursionError):
        return None
    if not (isinstance(entry, list) and len(entry) == 3 and entry[0] == VERSION and entry[1] == k):
        return None
    return entry[2]


def _mapping(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and _PAIRS in obj:
        return {key: value for key, value in obj[_PAIRS]}
    return obj


def _plain(value: Any) -> Any:
    """`value` as JSON can hold it exactly: tuples become lists (the reader knows which were);
    TypeError for anything but mappings, lists and scalars (such a value is not cached)."""
    if isinstance(value, dict):
        if all(type(key) is str for key in value) and _PAIRS not in value:
            return {key: _plain(v) for key, v in value.items()}
        return {_PAIRS: [[_plain(key), _plain(v)] for key, v in value.items()]}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or type(value) in (str, int, float, bool):
        return value
    raise TypeError(f"{type(value).__name__} is not kept")


def put(k: str, value: Any) -> None:
    """Keep `value` (plain data) under `k`, written whole or not at all; a failure leaves the cache
    as it was."""
    if _folder is None:
        return
    try:
        payload = json.dumps([VERSION, k, _plain(value)], ensure_ascii=False,
                             separators=(",", ":")).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError, RecursionError):  # a value JSON cannot hold exactly: not cached
        return
    if len(payload) + _DIGEST > MAX_ENTRY:
        return
    import tempfile  # writing is rarer than reading: not imported for a read
    try:
        os.makedirs(_folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=_folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blake2b(payload, digest_size=_DIGEST).digest() + payload)
            os.replace(tmp, os.path.join(_folder, f"{k}.parsed"))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _prune(_folder)
    except OSError:
        return


def _prune(where: str) -> None:
    """Drop the oldest entries beyond KEEP."""
    entries = [e for e in os.scandir(where) if e.name.endswith(".parsed")]
    if len(entries) <= KEEP:
        return
    entries.sort(key=lambda e: e.stat().st_mtime)
    for e in entries[:len(entries) - KEEP]:
        with contextlib.suppress(OSError):
            os.unlink(e.path)

