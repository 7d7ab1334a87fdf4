"""Claims: the claims table; one claim in its article, with everyone who carries it."""
import pandas as pd
import streamlit as st

from explorer.filters import speaker_column
from explorer.safe_text import article_markdown
from explorer.state import article_text, current_view
from explorer.tables import claims_table, versions_table
from explorer.ui import DISPLAY_ROWS, filter_caption, table_with_download

v = current_view()
claims = v.claims

st.title("Claims")
filter_caption(v)
table = v.memo("claims_table", lambda: claims_table(claims))
table_with_download(table, "claims", "claims", column_config={
    "quote": st.column_config.TextColumn("quote", width="large"),
    "carried_by": st.column_config.NumberColumn("carried by", help="outlets carrying this claim"),
    "carried_by_independent": st.column_config.NumberColumn("independent", help="outlets that sourced it themselves"),
}, column_order=["quote", "speaker", "anonymity", "role", "descriptor", "kind", "outlet", "date", "carried_by",
                 "carried_by_independent", "cue", "stance", "claim_id", "article_id"])

if claims.empty:
    st.stop()

st.subheader("A claim in its article")
shown = claims.head(DISPLAY_ROWS)


def _labels() -> list[str]:
    """'outlet · speaker: quote' per claim shown, built column-wise (one Python call per
    claim would cost a second on 5,000 rows)."""
    quote = shown["quote"].fillna("").astype(str)
    quote = quote.where(quote.str.len() <= 90, quote.str.slice(0, 89) + "…")
    speaker = speaker_column(shown).fillna("no speaker").astype(str)
    return (shown["outlet"].fillna("Unknown").astype(str) + " · " + speaker + ": " + quote).tolist()


labels = v.memo("claim_labels", _labels)
# Total: the pick from before a filter change may be past the end of the new list.
position = st.selectbox("Claim", range(len(shown)), format_func=lambda i: labels[i] if 0 <= i < len(labels) else "",
                        key="claims_pick")
claim = shown.iloc[position]
articles = v.corpus.articles.set_index("article_id")
article = articles.loc[claim["article_id"]]

meta = st.columns(4)
meta[0].markdown("**Speaker**")
meta[0].text(next((s for s in (claim["speaker_canonical"], claim["speaker"]) if isinstance(s, str)), "—"))
meta[1].markdown("**Type**")
meta[1].text(f"{claim['anonymity']} {claim['role']}")
meta[2].markdown("**Cue**")
meta[2].text(f"{claim['cue'] if isinstance(claim['cue'], str) else '—'} ({claim['stance']}, {claim['kind']})")
meta[3].markdown("**Outlet**")
meta[3].text(f"{claim['outlet']} {claim['date'] if isinstance(claim['date'], str) else ''}".strip())
if isinstance(claim["descriptor"], str) and claim["descriptor"]:
    st.text(f"Described as: {claim['descriptor']}")
if isinstance(article["title"], str) and article["title"]:
    st.text(f"Article: {article['title']}")

st.caption(":orange-background[quote]  :blue-background[speaker mention]")
marks = [(claim["quote_start"], claim["quote_end"], "quote")]
if pd.notna(claim["speaker_start"]):
    marks.append((claim["speaker_start"], claim["speaker_end"], "mention"))
text = article_text(v.corpus, claim["article_id"])
with st.container(height=420, border=True, key="claims_article"):
    if text is None:
        st.caption("This article's text is no longer on disk as it was when the corpus was opened; "
                   "reload the page to open the corpus again.")
    else:
        st.markdown("\n\n".join(article_markdown(text, marks)))

st.subheader(f"Carried by {int(claim['carried_by'])} outlet(s), {int(claim['carried_by_independent'])} independently")
table_with_download(versions_table(v.corpus.claims, v.corpus.articles, claim["claim_id"]), "claim-versions",
                    "claims_versions")
