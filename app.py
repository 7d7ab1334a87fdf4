"""Claimscope explorer: `streamlit run app.py` (or `bash scripts/app.sh`).

Pages live in app_pages/, not pages/: Streamlit 1.67 treats a pages/ folder beside the main
script as an old-style multipage app and runs its files without this script.

This script runs on every page: it loads the corpus (cached by content), draws the sidebar
filters, mirrors them to the URL, and hands the filtered view to the page.
"""
import streamlit as st

from explorer import state

st.set_page_config(page_title="Claimscope", page_icon=":material/format_quote:", layout="wide")

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("app_pages/claims.py", title="Claims", icon=":material/format_quote:", url_path="claims"),
    st.Page("app_pages/speakers.py", title="Speakers", icon=":material/record_voice_over:", url_path="speakers"),
    st.Page("app_pages/outlets.py", title="Outlets", icon=":material/newspaper:", url_path="outlets"),
    st.Page("app_pages/matrix.py", title="Claim matrix", icon=":material/grid_on:", url_path="matrix"),
    st.Page("app_pages/corpus.py", title="Corpus", icon=":material/folder_open:", url_path="corpus"),
]

page = st.navigation(PAGES)
corpus = state.load_corpus()
filters = state.sidebar(corpus)
state.publish(state.view(corpus, filters))
page.run()
