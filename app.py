"""Claimscope explorer: `streamlit run app.py` (or `bash scripts/app.sh`).

The pages are the files in pages/, wired with st.navigation (the list is
`explorer.state.PAGES`). This script runs on every page: it opens the corpus (extracted
through the store, kept in memory), draws the sidebar filters, mirrors them to the URL, and
hands the filtered view to the page.

Streamlit 1.67 runs a pages/ folder beside the main script in its old multipage mode until
st.navigation has been called once in the server process, so the very first request for
/claims runs pages/claims.py without this script: `state.current_view()` then bootstraps the
same view and navigation (see its docstring).
"""
from explorer import state

state.run_page(state.navigation())
