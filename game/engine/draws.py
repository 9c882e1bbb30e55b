"""The run's random draws: the n-th draw of a key is splitmix64 of the seed, the key and n, so it
depends on nothing else that happened in the week (see run.py)."""
from __future__ import annotations

import sys
from array import array

MASK = (1 << 64) - 1
_SEED, KEY, _COUNT = 0x9E3779B97F4A7C15, 0xD1B54A32D192ED03, 0x94D049BB133111EB


def seed_part(seed: int) -> int:
    """The seed's share of every draw's input, reduced once per run (the sum is taken mod 2**64)."""
    return (seed * _SEED) & MASK


def key_part(key: int) -> int:
    """A key's share of its draws' input."""
    return (key * KEY) & MASK


def unit(seed_share: int, key_share: int, n: int) -> float:
    """The n-th draw (from 1) of a key, in [0, 1); `key_share` may be `key * KEY` unreduced."""
    x = (seed_share + key_share + n * _COUNT) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return (x ^ (x >> 31)) / 18446744073709551616.0


_BIG_ENDIAN = sys.byteorder == "big"  # an array reads its items in the machine's byte order


class Batch:
    """Many draws at once, each an int in its range low..high as `low + int(unit(seed_share,
    key_share, n) * (high - low + 1))` draws it: the draws are the 64-bit lanes of one int, 128
    bits apart, so that every operation of the mix acts on all of them, and a product's high bits
    stay in its own lane (masked off after each step). A few operations on one long int cost far
    less than the same operations draw by draw."""

    __slots__ = ("size", "_packed", "_ones", "_mask", "_bytes", "_lows", "_scales")

    def __init__(self, draws: "list[tuple[int, int, int, int]]") -> None:
        """`draws`: (key_share, n, low, high) of each."""
        self.size = len(draws)
        self._ones = sum(1 << (128 * i) for i in range(self.size))
        self._mask = MASK * self._ones
        self._packed = sum(((key_share + n * _COUNT) & MASK) << (128 * i)
                           for i, (key_share, n, _, _) in enumerate(draws))
        self._bytes = 16 * self.size
        self._lows = tuple(low for _, _, low, _ in draws)
        # v * ((high - low + 1) / 2**64) is (v / 2**64) * (high - low + 1) exactly: the scale is a power of two apart
        self._scales = tuple((high - low + 1) / 18446744073709551616.0 for _, _, low, high in draws)

    def draw(self, seed_share: int) -> "list[int]":
        """The draws for a seed (its `seed_part`), in the order given."""
        mask = self._mask
        x = (seed_share * self._ones + self._packed) & mask
        x = ((x ^ (x >> 30)) & mask) * 0xBF58476D1CE4E5B9 & mask
        x = ((x ^ (x >> 27)) & mask) * 0x94D049BB133111EB & mask
        x = (x ^ (x >> 31)) & mask
        lanes = array("Q", x.to_bytes(self._bytes, "little"))
        if _BIG_ENDIAN:
            lanes.byteswap()
        return [low + int(v * scale) for v, low, scale in zip(lanes[::2], self._lows, self._scales)]
