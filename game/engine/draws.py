"""The run's random draws: the n-th draw of a key is splitmix64 of the seed, the key and n, so it
depends on nothing else that happened in the week (see run.py)."""
from __future__ import annotations

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
