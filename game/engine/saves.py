"""Files a run is kept in: JSON written atomically, read only from a regular file of modest size,
and set aside (never deleted) when broken."""
from __future__ import annotations

import json
import os
import stat
import tempfile
import time
from typing import Any, Optional

from .errors import SaveError

MAX_BYTES = 1_000_000  # a week's save is about 1 KB


def write_json_atomic(path: str, data: Any) -> None:
    """Write JSON so that a crash leaves either the old file or the new one, never half. Raises
    OSError when the folder cannot be written (read-only, full disk)."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read_json(path: str, what: str = "file", limit: int = MAX_BYTES) -> Any:
    """The JSON in a regular file of at most `limit` bytes; SaveError with one plain sentence
    otherwise (a FIFO, a device, a huge or broken file). FileNotFoundError when there is none."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise SaveError(f"the {what} cannot be opened ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SaveError(f"the {what} is not a regular file")
        if info.st_size > limit:
            raise SaveError(f"the {what} is {info.st_size // 1000} KB, far more than a {what} holds")
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            raw = fh.read(limit + 1)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > limit:
        raise SaveError(f"the {what} is far larger than a {what} holds")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SaveError(f"the {what} is damaged and cannot be read") from None


def set_aside(path: str) -> Optional[str]:
    """Move a bad file out of the way (never delete it); return where it went."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = f"{path}.broken-{stamp}"
    n = 1
    while os.path.lexists(target):
        n += 1
        target = f"{path}.broken-{stamp}-{n}"
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target
