"""Writing claims and other tables to JSONL and CSV files an editor can open safely."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

# Spreadsheet programs run a cell that begins with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV for spreadsheets: UTF-8 with BOM (accents and curly quotes show right) and no
    cell that a spreadsheet would evaluate as a formula."""
    safe = _whole_offsets(frame).copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_formula)
    return safe.to_csv(index=False).encode("utf-8-sig")


def _clean(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _whole_offsets(frame: pd.DataFrame) -> pd.DataFrame:
    """Offset columns hold whole numbers or nothing; pandas stores a column with gaps as
    floats, which would write `413.0`."""
    offsets = [c for c in frame.columns if c.endswith(("_start", "_end"))]
    return frame.astype({c: "Int64" for c in offsets}) if offsets else frame


def write_jsonl(frame: pd.DataFrame, path: Path) -> None:
    frame = _whole_offsets(frame)
    with open(path, "w", encoding="utf-8") as fh:
        for record in frame.to_dict(orient="records"):
            fh.write(json.dumps({k: _clean(v) for k, v in record.items()}, ensure_ascii=False) + "\n")


def write_table(frame: pd.DataFrame, path: str | Path) -> None:
    """Write by the file's extension: .jsonl / .json (lines) or .csv."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        write_jsonl(frame, path)
    elif suffix == ".csv":
        path.write_bytes(to_csv_bytes(frame))
    else:
        raise ValueError(f"unknown output format '{suffix}': use .jsonl or .csv")
