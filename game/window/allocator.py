"""Large blocks of memory each in a mapping of its own, for a process that runs for months (the kiosk).

A 1920x1080 window's pixel buffers are megabytes each (a window-sized surface 8 MB, a strip of a
debrief page 1.8 MB, the week's chart 2.9 MB), made and freed as screens come and go, and the
caches of cards and lines of text let old ones go for new ones. glibc's malloc gives a block that
large a mapping of its own (returned to the system when freed) only above a threshold that it
raises whenever such a mapping is freed, up to 32 MB: once a window-sized surface has been freed,
every pixel buffer comes from the heap, and the holes they leave between small blocks that live on
stay resident. Over 1,000 visitors the kiosk's resident memory grew 47 MB while what it held
(Python's objects, the surfaces, malloc's blocks in use) stayed within a few MB. A fixed threshold
keeps large blocks out of the heap: the heap's free space stayed ~6 MB instead of 25-47 MB.
"""
from __future__ import annotations

import ctypes
import platform
import sys

M_MMAP_THRESHOLD = -3  # mallopt's parameter (malloc.h); setting it also stops the raising
LARGE = 256 * 1024     # bytes: a block this large or larger gets a mapping of its own


def keep_large_blocks_mapped(threshold: int = LARGE) -> bool:
    """Fix glibc's threshold for blocks in mappings of their own; True if it was set (Linux with
    glibc only: elsewhere nothing is done)."""
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, threshold))
