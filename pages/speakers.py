"""Speakers: who is quoted, how often, by which outlets; one speaker's claims."""
import streamlit as st

from explorer import charts
from explorer.filters import speaker_column
from explorer.state import current_view
from explorer.tables import claims_table, speakers_table
from explorer.ui import filter_caption, table_with_download

v = current_view()
claims = v.claims

st.title("Speakers")
filter_caption(v)
table = v.memo("speakers_table", lambda: speakers_table(claims))
st.caption(f"{len(table):,} speakers; claims without an identified speaker are not counted here.")

if not table.empty:
    event = st.altair_chart(charts.top_speakers_chart(v.memo("top_speakers", lambda: charts.top_speakers_by_outlet(claims))), width="stretch",
                            on_select="rerun", selection_mode="speaker_pick", key="speakers_chart")
    st.caption("Click a speaker's bar to list their claims.")
else:
    event = None

table_with_download(table, "speakers", "speakers", column_config={
    "outlet_names": st.column_config.TextColumn("outlet names", width="large"),
})

if table.empty:
    st.stop()

clicked = charts.picked(event, "speaker_pick", "speaker")
names = table["speaker"].tolist()
if clicked and clicked[0] in names and st.session_state.get("speakers_last_click") != clicked[0]:
    st.session_state["speakers_last_click"] = clicked[0]
    st.session_state["speakers_pick"] = clicked[0]
if st.session_state.get("speakers_pick") not in names:
    st.session_state.pop("speakers_pick", None)
speaker = st.selectbox("Speaker", names, key="speakers_pick")
row = table[table["speaker"] == speaker].iloc[0]
st.subheader("Claims of the chosen speaker")
st.text(f"{speaker} — {row['anonymity']} {row['role']}"
        + (f", {row['descriptor']}" if isinstance(row["descriptor"], str) else "")
        + f" — {row['claims']} claims in {row['outlets']} outlet(s)")
table_with_download(v.memo("claims_table", lambda: claims_table(claims[speaker_column(claims) == speaker]),
                           "speaker", speaker), "speaker-claims", "speaker_claims")
