"""Data files of the extractor (cue verbs, role words, clutter lines), loaded once."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


def _open(name: str):
    return resources.files("extract").joinpath("data", name).open(encoding="utf-8")


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file."""
    with _open(name) as fh:
        return tuple(line.rstrip("\n") for line in fh if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict, ...]:
    """Rows of a TSV data file (header line first; lines starting with # are comments)."""
    with _open(name) as fh:
        rows = [line for line in fh if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(rows, delimiter="\t"))


@lru_cache(maxsize=None)
def load_words(name: str) -> frozenset[str]:
    """A set of lower-cased words or phrases, one a line."""
    return frozenset(line.strip().lower() for line in load_lines(name))
