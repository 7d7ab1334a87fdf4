"""Page building blocks shared by the pages: a table with its CSV download, headers."""
from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from .filters import describe
from .state import View
from .tables import csv_bytes

# Rows drawn in the browser; the download always holds the whole filtered table.
DISPLAY_ROWS = 5_000


def filter_caption(v: View) -> None:
    total = len(v.corpus.claims)
    if v.filters.active:
        st.caption(f"{len(v.claims):,} of {total:,} claims match the filters ({describe(v.filters)}).")
    else:
        st.caption(f"All {total:,} claims; narrow them with the filters in the sidebar.")


def for_display(table: pd.DataFrame) -> pd.DataFrame:
    """The rows as shown: empty text cells blank (not "None", which reads like a name)."""
    text = [c for c in table.columns if pd.api.types.is_string_dtype(table[c]) or table[c].dtype == object]
    return table.assign(**{c: table[c].fillna("") for c in text}) if text else table


def column_labels(table: pd.DataFrame, column_config: dict | None) -> dict:
    """Every column titled in words (carried_by -> "carried by"), unless the page titled it."""
    config = {c: st.column_config.Column(str(c).replace("_", " ")) for c in table.columns}
    config.update(column_config or {})
    return config


def table_with_download(table: pd.DataFrame, name: str, key: str, column_config: dict | None = None,
                        height: int | str = "auto", column_order: list[str] | None = None,
                        percent_columns: list[str] | None = None) -> None:
    """Show a table (the first DISPLAY_ROWS rows) and offer exactly it, every row, as CSV
    (with the export's own column names, order and units: `column_order` only orders the
    view, and `percent_columns`, fractions in the CSV, are shown as whole percentages)."""
    shown = for_display(table.head(DISPLAY_ROWS))
    if percent_columns:
        shown = shown.assign(**{c: shown[c] * 100 for c in percent_columns})
        column_config = {**{c: st.column_config.NumberColumn(c.replace("_", " "), format="%.0f%%")
                            for c in percent_columns}, **(column_config or {})}
    st.dataframe(shown, hide_index=True, width="stretch", column_config=column_labels(shown, column_config),
                 column_order=column_order, key=f"df_{key}", height=height)
    if len(table) > DISPLAY_ROWS:
        st.caption(f"Showing the first {DISPLAY_ROWS:,} of {len(table):,} rows; the CSV holds all of them.")
    st.download_button(f"Download {name} CSV ({len(table):,} row{'' if len(table) == 1 else 's'})", data=partial(csv_bytes, table),
                       file_name=f"claimscope-{name}.csv", mime="text/csv", key=f"dl_{key}", on_click="ignore",
                       disabled=table.empty)
