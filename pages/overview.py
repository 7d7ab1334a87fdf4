"""Overview: the corpus at a glance and the headline charts, under the sidebar filters."""
import streamlit as st

from explorer import charts
from explorer.filters import speaker_column
from explorer.state import current_view
from explorer.tables import claims_table
from explorer.ui import filter_caption, table_with_download

v = current_view()
claims = v.claims

st.title("Overview")
filter_caption(v)

outlets, speakers, anonymous_share = v.memo("overview_metrics", lambda: (
    claims["outlet"].nunique(), speaker_column(claims).nunique(),
    claims["anonymity"].eq("anonymous").mean() if len(claims) else 0.0))
cols = st.columns(5)
cols[0].metric("Articles", f"{claims['article_id'].nunique() if v.filters.active else len(v.articles):,}")
cols[1].metric("Outlets", f"{outlets:,}")
cols[2].metric("Claims", f"{len(claims):,}")
cols[3].metric("Speakers", f"{speakers:,}")
cols[4].metric("Anonymous sourcing", f"{anonymous_share:.0%}")

if claims.empty:
    st.info("No claim matches the filters.")
    st.stop()

left, right = st.columns(2)
with left:
    st.subheader("Who is quoted, by outlet")
    shares = st.toggle("Show shares instead of counts", key="overview_shares")
    st.altair_chart(charts.role_anonymity_chart(v.memo("role_anonymity", lambda: charts.role_anonymity_by_outlet(claims)),
                                               normalise=shares),
                    width="stretch")
with right:
    st.subheader("Anonymous share per outlet")
    event = st.altair_chart(charts.anonymous_share_chart(v.memo("anonymous_share", lambda: charts.anonymous_share_by_outlet(claims))),
                            width="stretch", on_select="rerun", selection_mode="outlet_pick",
                            key="overview_anonymous_chart")
    st.caption("Click a bar to list that outlet's claims below.")

left, right = st.columns(2)
with left:
    st.subheader("Top speakers by outlet")
    st.altair_chart(charts.top_speakers_chart(v.memo("top_speakers", lambda: charts.top_speakers_by_outlet(claims))), width="stretch")
with right:
    st.subheader("Claims carried by the most outlets")
    st.altair_chart(charts.carriage_chart(v.memo("carriage", lambda: charts.claims_by_carriage(claims))), width="stretch")

over_time = v.memo("over_time", lambda: charts.claims_over_time(claims))
st.subheader("Claims over time")
if over_time.empty:
    st.caption("No claim in view has a date.")
else:
    st.altair_chart(charts.time_chart(over_time), width="stretch")
    undated = int(claims["day"].isna().sum())
    if undated:
        st.caption(f"{undated:,} claims without a date are not in this chart.")

picked = charts.picked(event, "outlet_pick", "outlet")
if picked:
    st.subheader("Claims of " + ", ".join(picked))
    chosen = claims[claims["outlet"].isin(picked)]
    table_with_download(v.memo("claims_table", lambda: claims_table(chosen), tuple(picked)), "overview-claims",
                        "overview_pick")
