"""Files a run is kept in: JSON written atomically, read only from a regular file of modest size,
and set aside (never deleted) when broken."""
from __future__ import annotations

import json
import os
import stat
import tempfile
import time
from typing import Any, Optional, Union

from .errors import SaveError

MAX_BYTES = 1_000_000  # a week's save is about 1 KB


def write_text_atomic(path: str, text: str, mode: Optional[int] = None) -> None:
    """Write text so that a crash leaves either the old file or the new one, never half; a file
    or symlink of that name is replaced, never followed. `mode`: the file's permissions (else
    private to the user). Raises OSError when the folder cannot be written (read-only, full disk)."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_json_atomic(path: str, data: Any) -> None:
    """Write JSON atomically (see write_text_atomic)."""
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=1))


class Unreadable(Exception):
    """A file that is there but must not be read: the reason, said of the file ("it is not a
    regular file")."""


def read_regular(path: Union[str, "os.PathLike[str]"], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. FileNotFoundError when missing;
    Unreadable for anything else: a FIFO, a device, a folder, too big, unreadable. O_NONBLOCK:
    opening a FIFO with no writer returns at once instead of waiting for one."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise Unreadable(f"it cannot be opened: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("it is not a regular file")
        if info.st_size > limit:
            raise Unreadable(f"it is larger than {limit // 1024} KB")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise Unreadable(f"it cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise Unreadable(f"it is larger than {limit // 1024} KB")
    return b"".join(chunks)


def read_json(path: str, what: str = "file", limit: int = MAX_BYTES) -> Any:
    """The JSON in a regular file of at most `limit` bytes; SaveError with one plain sentence
    otherwise (a FIFO, a device, a huge or broken file). FileNotFoundError when there is none."""
    try:
        raw = read_regular(path, limit)
    except Unreadable as exc:
        raise SaveError(f"the {what} was not read: {exc}") from None
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
