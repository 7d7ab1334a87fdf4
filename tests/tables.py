"""Comparing extracted tables across code paths (single process, parallel, Dask, snapshots)."""
from __future__ import annotations

import math

import pandas as pd


def rows(frame: pd.DataFrame) -> list[dict]:
    """Records with missing values as None and whole floats as ints, for comparing tables
    whatever dtypes the missing values gave each column."""
    def clean(value):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value.item() if hasattr(value, "item") else value
    return [{k: clean(v) for k, v in record.items()} for record in frame.to_dict(orient="records")]
