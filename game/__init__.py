"""Scored: a week inside a social credit score."""

__version__ = "0.2.0"
