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


def table_with_download(table: pd.DataFrame, name: str, key: str, column_config: dict | None = None,
                        height: int | str = "auto") -> None:
    """Show a table (the first DISPLAY_ROWS rows) and offer exactly it, every row, as CSV."""
    shown = table.head(DISPLAY_ROWS)
    st.dataframe(shown, hide_index=True, width="stretch", column_config=column_config, key=f"df_{key}",
                 height=height)
    if len(table) > DISPLAY_ROWS:
        st.caption(f"Showing the first {DISPLAY_ROWS:,} of {len(table):,} rows; the CSV holds all of them.")
    st.download_button(f"Download {name} CSV ({len(table):,} row{'' if len(table) == 1 else 's'})", data=partial(csv_bytes, table),
                       file_name=f"claimscope-{name}.csv", mime="text/csv", key=f"dl_{key}", on_click="ignore",
                       disabled=table.empty)
