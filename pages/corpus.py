"""Corpus: the articles, and adding more by upload or from a folder on this machine."""
from pathlib import Path

import pandas as pd
import streamlit as st

from explorer import state
from explorer.data import default_sources
from explorer.state import current_view
from explorer.uploads import UPLOAD_SUFFIXES, save_uploads
from explorer.ui import table_with_download

v = current_view()
corpus = v.corpus

st.title("Corpus")


def _articles_table():
    counts = v.claims.groupby("article_id").size()
    articles = v.articles.assign(
        claims_in_view=v.articles["article_id"].map(counts).fillna(0).astype("int64"),
        file=v.articles["path"].map(lambda p: Path(p).name if isinstance(p, str) else None),
    )
    return articles[["article_id", "outlet", "date", "title", "copy_of", "n_claims", "claims_in_view", "file"]]


table = v.memo("articles_table", _articles_table)
st.caption(f"{len(table):,} of {len(corpus.articles):,} articles under the outlet and date filters; "
           "“claims in view” counts the claims that pass every filter.")
table_with_download(table, "articles", "corpus", column_config={
    "title": st.column_config.TextColumn("title", width="large"),
    "copy_of": st.column_config.TextColumn("copy of", help="the article this one is a copy of"),
    "n_claims": st.column_config.NumberColumn("claims", help="claims found in the article"),
    "claims_in_view": st.column_config.NumberColumn("claims in view", help="claims that pass every filter"),
})

# Inputs left out, then inputs read despite a problem (a duplicate metadata row, a date the
# filters cannot read): an editor checks the first list for missing articles.
for skipped, heading, key in ((True, "Files not loaded", "corpus_errors"), (False, "Read with warnings", "corpus_warnings")):
    problems = [e for e in corpus.errors if e.skipped == skipped]
    if problems:
        st.subheader(f"{heading} ({len(problems)})")
        st.dataframe(pd.DataFrame([{"file": e.path, "problem": e.reason} for e in problems]),
                     hide_index=True, width="stretch", key=key)

st.subheader("Sources")
for source in state.sources():
    st.text(source)
if corpus.store_note:
    st.caption(f"Extraction {corpus.store_note}.")

st.subheader("Add articles")
keep = st.checkbox("Keep the articles already loaded", value=True, key="corpus_keep")
upload_tab, folder_tab = st.tabs(["Upload files", "A folder on this machine"])
with upload_tab:
    st.caption("txt, html, json or jsonl articles, with or without a metadata.csv (file,outlet,date,title,url).")
    with st.form("upload_form", clear_on_submit=True):
        files = st.file_uploader("Article files", type=UPLOAD_SUFFIXES, accept_multiple_files=True,
                                 key="corpus_upload")
        submitted = st.form_submit_button("Add the uploaded files")
    if submitted and files:
        folder, refused = save_uploads([(f.name, f.getvalue()) for f in files])
        if refused:
            st.session_state["corpus_refused"] = [{"file": e.path, "problem": e.reason} for e in refused]
        if folder is not None:
            state.set_sources((state.sources() if keep else []) + [str(folder)])
            st.rerun()
with folder_tab:
    with st.form("folder_form"):
        path = st.text_input("Folder (read recursively)", key="corpus_folder", placeholder="/path/to/articles")
        add_folder = st.form_submit_button("Load the folder")
    if add_folder and path:
        folder = Path(path).expanduser()
        if folder.is_dir():
            state.set_sources((state.sources() if keep else []) + [str(folder.resolve())])
            st.rerun()
        else:
            st.error("No such folder on this machine.")
if st.session_state.get("corpus_refused"):
    st.warning("Some uploaded files were refused:")
    st.dataframe(pd.DataFrame(st.session_state["corpus_refused"]), hide_index=True, width="stretch",
                 key="corpus_refused_table")

if state.sources() != default_sources():
    if st.button("Back to the starting corpus", key="corpus_reset"):
        st.session_state.pop("corpus_refused", None)
        state.set_sources(default_sources())
        st.rerun()
