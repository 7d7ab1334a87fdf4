"""Outlets: sourcing patterns per outlet and what they share with other outlets."""
import streamlit as st

from explorer import charts
from explorer.state import current_view
from explorer.tables import claims_table, outlets_table
from explorer.ui import filter_caption, table_with_download

v = current_view()
claims = v.claims

st.title("Outlets")
filter_caption(v)
table = v.memo("outlets_table", lambda: outlets_table(claims, v.articles))

if not claims.empty:
    left, right = st.columns(2)
    with left:
        st.subheader("Role mix per outlet")
        st.altair_chart(charts.role_anonymity_chart(v.memo("role_anonymity", lambda: charts.role_anonymity_by_outlet(claims)),
                                                    normalise=True),
                        width="stretch")
    with right:
        st.subheader("Anonymous share per outlet")
        event = st.altair_chart(charts.anonymous_share_chart(v.memo("anonymous_share", lambda: charts.anonymous_share_by_outlet(claims))),
                                width="stretch", on_select="rerun", selection_mode="outlet_pick",
                                key="outlets_chart")
        st.caption("Click a bar to list that outlet's claims below.")
else:
    event = None

PERCENT = "%.0f%%"
st.caption("Role columns: the share of the outlet's claims whose speaker has that role.")
table_with_download(table, "outlets", "outlets", column_config={
    "direct_share": st.column_config.NumberColumn("direct share", format=PERCENT),
    "anonymous_share": st.column_config.NumberColumn("anonymous share", format=PERCENT),
    **{c: st.column_config.NumberColumn(c.replace("role_", ""), format=PERCENT,
                                        help=f"share of the outlet's claims from speakers in the role {c[5:]}")
       for c in table.columns if c.startswith("role_")},
    "shared_claims": st.column_config.NumberColumn("shared claims", help="claims other outlets carry too"),
    "exclusive_claims": st.column_config.NumberColumn("exclusive claims", help="claims only this outlet carries"),
}, percent_columns=[c for c in table.columns if c.endswith("_share") or c.startswith("role_")])

picked = charts.picked(event, "outlet_pick", "outlet")
if picked:
    st.subheader("Claims of " + ", ".join(picked))
    table_with_download(v.memo("claims_table", lambda: claims_table(claims[claims["outlet"].isin(picked)]),
                               tuple(picked)), "outlet-claims", "outlets_pick")
