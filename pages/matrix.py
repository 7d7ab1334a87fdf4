"""Claim matrix: which outlet carries which claim."""
import streamlit as st

from explorer.state import current_view
from explorer.tables import MATRIX_LEAD_COLUMNS, matrix_table
from explorer.ui import filter_caption, table_with_download

v = current_view()

st.title("Claim matrix")
filter_caption(v)
st.caption("One row per claim, one column per outlet: how many of the outlet's articles carry it. "
           "“Carried by” counts outlets across the whole corpus, “independent” leaves out copies. "
           "Click a column header to sort.")
matrix = v.memo("matrix_table", lambda: matrix_table(v.claims))
only_shared = st.toggle("Only claims carried by more than one outlet", key="matrix_shared")
if only_shared and not matrix.empty:
    matrix = matrix[matrix["carried_by"] > 1].reset_index(drop=True)
outlet_columns = [c for c in matrix.columns if c not in MATRIX_LEAD_COLUMNS]
table_with_download(matrix, "matrix", "matrix", column_config={
    "claim_text": st.column_config.TextColumn("claim", width="large"),
    "carried_by": st.column_config.NumberColumn("carried by", help="outlets carrying the claim, whole corpus"),
    "carried_by_independent": st.column_config.NumberColumn("independent", help="the same, leaving out copies"),
    **{c: st.column_config.NumberColumn(c, help=f"articles of {c} carrying the claim")
       for c in outlet_columns},
}, column_order=["claim_text", "speaker", "carried_by", "carried_by_independent", *outlet_columns, "claim_id"])
