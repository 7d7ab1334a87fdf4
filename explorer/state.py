"""Session state of the app: which corpus is open, the filters, the view every page reads.

Only non-widget keys hold state (widget keys vanish when a page without the widget runs);
the filters are mirrored to st.query_params on every run, so the URL is the view.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, TypeVar

import pandas as pd
import streamlit as st

from . import data
from .data import LoadedCorpus, corpus_signature, default_sources, folders_stamp, open_corpus
from .filters import (ALL_PARAMS, Filters, apply_filters, filter_articles, from_query_params, speaker_column,
                      to_query_params)

FILTERS_KEY = "claimscope_filters"
SOURCES_KEY = "claimscope_sources"
NOTICE_KEY = "claimscope_notices"
# Widget keys of the sidebar; their values are copied into FILTERS_KEY by callbacks.
WIDGET_KEYS = {"anonymity": "w_anonymity", "role": "w_role", "outlet": "w_outlet", "speaker": "w_speaker",
               "kind": "w_kind", "date_from": "w_date_from", "date_to": "w_date_to", "search": "w_search"}
# Corpora kept in memory at once (the demo, plus what the user added).
CORPORA_KEPT = 3
# Seconds a corpus' file listing is trusted without a stat per file (the folders' own
# times are checked on every run, so added, removed or renamed files show at once; a file
# edited in place shows within this time).
SIGNATURE_TTL_S = 5.0
# Tables and aggregates kept, each for one (corpus, filter state) and one name.
DERIVED_KEPT = 96
# Article texts kept (one read from a snapshot costs ~50 ms at 20,000 articles).
TEXTS_KEPT = 64

T = TypeVar("T")


@dataclass(frozen=True)
class View:
    corpus: LoadedCorpus
    filters: Filters
    claims: pd.DataFrame       # the filtered claims
    articles: pd.DataFrame     # the articles under the outlet/date filters
    key: tuple = ()            # (corpus key, filter state): what the claims depend on

    def memo(self, name: str, build: Callable[[], T], *extra) -> T:
        """`build()` (a table or aggregate of this view, never mutated by its users) computed
        once per corpus, filter state, name and `extra`, and shared by every session: a rerun
        that does not change the filters (a toggle, a row picked, coming back to a page)
        and a filter state seen before cost a lookup."""
        return memo(self.key + (name,) + extra, build)


# --- corpus ------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def _corpora() -> tuple[OrderedDict, threading.Lock]:
    """Extracted corpora by content key, shared by all sessions, read-only."""
    return OrderedDict(), threading.Lock()


def sources() -> list[str]:
    if SOURCES_KEY not in st.session_state:
        st.session_state[SOURCES_KEY] = default_sources()
    return st.session_state[SOURCES_KEY]


def set_sources(paths: list[str]) -> None:
    st.session_state[SOURCES_KEY] = list(dict.fromkeys(paths))


@st.cache_resource(show_spinner=False)
def _signatures() -> dict:
    """sources -> (checked at, folders stamp, signature): the last file listing seen."""
    return {}


def sources_signature(paths: tuple[str, ...]) -> tuple:
    """corpus_signature, recomputed (a stat per file: 0.1 s and more for 5,000 files) only
    when the folders changed or SIGNATURE_TTL_S has passed since the last listing."""
    known = _signatures()
    stamp = folders_stamp(paths)
    now = time.monotonic()
    seen = known.get(paths)
    if seen and seen[1] == stamp and now - seen[0] < SIGNATURE_TTL_S:
        return seen[2]
    signature = corpus_signature(paths)
    known[paths] = (now, stamp, signature)
    return signature


def corpus_key(paths: tuple[str, ...]) -> tuple:
    return (paths, sources_signature(paths))


def remember(key: tuple, corpus: LoadedCorpus) -> LoadedCorpus:
    """Keep an opened corpus in memory under `key`, named for the derived-table caches by its
    snapshot key (the inputs' files and the extractor version) when it has one."""
    name = corpus.snapshot or hashlib.sha1(repr(key).encode("utf-8", "surrogatepass")).hexdigest()
    corpus = dataclasses.replace(corpus, key=name)
    corpora, lock = _corpora()
    with lock:
        corpora[key] = corpus
        while len(corpora) > CORPORA_KEPT:
            corpora.popitem(last=False)
    return corpus


def load_corpus() -> LoadedCorpus:
    """The corpus of the current sources: from memory when its files have not changed,
    else from the store's snapshot of these files, else extracted through the store (only
    new or changed articles) with a progress bar."""
    paths = tuple(sources())
    key = corpus_key(paths)
    corpora, lock = _corpora()
    with lock:
        if key in corpora:
            corpora.move_to_end(key)
            return corpora[key]
    bar = st.progress(0.0, text="Opening the corpus…")

    def progress(done: int, total: int, step: str) -> None:
        text = f"{step}: {done:,} of {total:,} articles" if total else f"{step}…"
        bar.progress(done / total if total else 0.0, text=text)

    corpus = remember(key, open_corpus(paths, progress, signature=key[1]))
    bar.empty()
    return corpus


@st.cache_resource(show_spinner=False)
def _texts() -> tuple[OrderedDict, threading.Lock]:
    """Article texts by (corpus key, article id), shared by all sessions."""
    return OrderedDict(), threading.Lock()


def article_text(corpus: LoadedCorpus, article_id: str) -> str | None:
    """data.article_text, kept for the last TEXTS_KEPT articles shown; a text not found is
    not kept, so the next run looks for it again."""
    key = (corpus.key, article_id)
    cache, lock = _texts()
    with lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    text = data.article_text(corpus, article_id)
    if text is not None and corpus.key:
        with lock:
            cache[key] = text
            while len(cache) > TEXTS_KEPT:
                cache.popitem(last=False)
    return text


@st.cache_resource(show_spinner=False)
def _derived() -> tuple[OrderedDict, threading.Lock]:
    """Tables and aggregates by (corpus key, filter state, name), shared, read-only."""
    return OrderedDict(), threading.Lock()


def memo(key: tuple, build: Callable[[], T]) -> T:
    """build(), kept under `key`, whose first item names the corpus; a corpus that
    load_corpus did not open has no name and nothing of it is kept."""
    if not key or not key[0]:
        return build()
    cache, lock = _derived()
    with lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    value = build()
    with lock:
        cache[key] = value
        while len(cache) > DERIVED_KEPT:
            cache.popitem(last=False)
    return value


# --- filters -----------------------------------------------------------------------------

def filters() -> Filters:
    if FILTERS_KEY not in st.session_state:
        st.session_state[FILTERS_KEY] = from_query_params(st.query_params)
    return st.session_state[FILTERS_KEY]


def set_filters(state: Filters) -> None:
    st.session_state[FILTERS_KEY] = state
    sync_url(state)


def sync_url(state: Filters) -> None:
    """Write the filters into the address bar, touching only our own parameters."""
    wanted = to_query_params(state)
    for name in ALL_PARAMS:
        if name in wanted:
            value = wanted[name]
            current = st.query_params.get_all(name)
            if current != (value if isinstance(value, list) else [value]):
                st.query_params[name] = value
        elif name in st.query_params:
            del st.query_params[name]


def _from_widget(attr: str) -> None:
    state = filters().copy()
    value = st.session_state.get(WIDGET_KEYS[attr])
    if attr == "search":
        value = (value or "").strip()
    elif attr in ("date_from", "date_to"):
        value = value if isinstance(value, dt.date) else None
    else:
        value = list(value or [])
    setattr(state, attr, value)
    set_filters(state)


def _reset() -> None:
    for key in WIDGET_KEYS.values():
        st.session_state.pop(key, None)
    set_filters(Filters())


def _sanitise(state: Filters, corpus: LoadedCorpus, options: dict[str, list[str]]) -> Filters:
    """Drop values the corpus does not have (a stale or hand-edited URL) and say so."""
    clean = state.copy()
    dropped = []
    for attr, allowed in options.items():
        kept = [v for v in getattr(clean, attr) if v in allowed]
        dropped += [f"{attr} “{v}”" for v in getattr(clean, attr) if v not in allowed]
        setattr(clean, attr, kept)
    if dropped:
        st.session_state[NOTICE_KEY] = "Not in this corpus, ignored: " + ", ".join(dropped)
    return clean


def filter_options(corpus: LoadedCorpus) -> dict[str, list[str]]:
    return memo((corpus.key, "filter_options"), lambda: _filter_options(corpus))


def _filter_options(corpus: LoadedCorpus) -> dict[str, list[str]]:
    claims = corpus.claims
    from extract.schema import ANONYMITY, KINDS, ROLES

    def values(column: pd.Series) -> set:
        # unique() first: iterating 600,000 Arrow-backed strings one by one takes seconds.
        return set(column.dropna().unique().tolist())

    def present(column: pd.Series, order: tuple) -> list[str]:
        found = values(column)
        return [v for v in order if v in found] + sorted(found - set(order))

    return {
        "anonymity": present(claims["anonymity"], ANONYMITY),
        "role": present(claims["role"], ROLES),
        "outlet": sorted(values(claims["outlet"]) | values(corpus.articles["outlet"])),
        "speaker": speaker_column(claims).dropna().value_counts().index.tolist(),
        "kind": present(claims["kind"], KINDS),
    }


def sidebar(corpus: LoadedCorpus) -> Filters:
    """The filters, set once here and applied on every page."""
    options = filter_options(corpus)
    state = filters()
    clean = _sanitise(state, corpus, options)
    if clean != state:
        for attr in options:
            st.session_state.pop(WIDGET_KEYS[attr], None)
        set_filters(clean)
        state = clean
    sync_url(state)

    side = st.sidebar
    side.header("Filters")
    labels = {"anonymity": "Speaker anonymity", "role": "Speaker role", "outlet": "Outlet",
              "speaker": "Speaker", "kind": "Kind of claim"}
    for attr, label in labels.items():
        side.multiselect(label, options[attr], default=getattr(state, attr), key=WIDGET_KEYS[attr],
                         on_change=_from_widget, args=(attr,), placeholder="All")
    days = corpus.claims["day"].dropna()
    help_text = ("Claims without a date are left out once a bound is set." if len(days)
                 else "No article in this corpus has a date.")
    low, high = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
    col_from, col_to = side.columns(2)
    col_from.date_input("From", value=state.date_from, min_value=low, max_value=high, key=WIDGET_KEYS["date_from"],
                        on_change=_from_widget, args=("date_from",), help=help_text, format="YYYY-MM-DD")
    col_to.date_input("To", value=state.date_to, min_value=low, max_value=high, key=WIDGET_KEYS["date_to"],
                      on_change=_from_widget, args=("date_to",), help=help_text, format="YYYY-MM-DD")
    side.text_input("Search quotes", value=state.search, key=WIDGET_KEYS["search"], on_change=_from_widget,
                    args=("search",), placeholder="words in the quote")
    side.button("Clear filters", on_click=_reset, disabled=not state.active)
    if NOTICE_KEY in st.session_state:
        side.warning(st.session_state.pop(NOTICE_KEY))
    side.caption("The address bar holds these filters: copy it to share this view.")
    return state


def filter_key(state: Filters) -> tuple:
    """The filter state as a hashable key (its URL parameters, lists as tuples)."""
    return tuple(sorted((name, tuple(v) if isinstance(v, list) else v) for name, v in to_query_params(state).items()))


def view(corpus: LoadedCorpus, state: Filters) -> View:
    key = (corpus.key, filter_key(state))
    claims, articles = memo(key + ("view",), lambda: (apply_filters(corpus.claims, state),
                                                      filter_articles(corpus.articles, state)))
    return View(corpus=corpus, filters=state, claims=claims, articles=articles, key=key)


VIEW_KEY = "claimscope_view"
# The app's pages: (file, title, icon, url_path); the first is the default page.
PAGES = (
    ("pages/overview.py", "Overview", ":material/dashboard:", None),
    ("pages/claims.py", "Claims", ":material/format_quote:", "claims"),
    ("pages/speakers.py", "Speakers", ":material/record_voice_over:", "speakers"),
    ("pages/outlets.py", "Outlets", ":material/newspaper:", "outlets"),
    ("pages/matrix.py", "Claim matrix", ":material/grid_on:", "matrix"),
    ("pages/corpus.py", "Corpus", ":material/folder_open:", "corpus"),
)


def navigation():
    """The page settings and st.navigation over the app's pages (the sidebar menu); returns
    the page to run."""
    st.set_page_config(page_title="Claimscope", page_icon=":material/format_quote:", layout="wide")
    return st.navigation([st.Page(path, title=title, icon=icon, url_path=url_path, default=url_path is None)
                          for path, title, icon, url_path in PAGES])


def open_view() -> View:
    """Open the corpus, draw the sidebar filters (mirrored to the URL), filter: what every
    run does before the page, whether app.py or a page's bootstrap runs it."""
    corpus = load_corpus()
    return view(corpus, sidebar(corpus))


def run_page(page) -> None:
    """app.py's run: the view published for the page only while the page runs, so a page
    that finds none knows app.py did not run this time (see current_view)."""
    st.session_state[VIEW_KEY] = open_view()
    try:
        page.run()
    finally:
        st.session_state.pop(VIEW_KEY, None)


def current_view() -> View:
    """The view app.py published for this run; when there is none, the page bootstraps.

    Why: Streamlit 1.67 decides once per server process (`PagesManager.uses_pages_directory`,
    from whether a pages/ folder sits beside the main script) to run in its old multipage
    mode until some script calls st.navigation, and AppTest even re-decides on every run. In
    that mode a deep link such as /claims runs pages/claims.py without app.py. The page then
    draws the app's own navigation (which also turns the old mode off for the process, so
    the next run goes through app.py) and opens the view itself, by the same code app.py
    uses, in this run, so a button or form submitted in this run is not lost."""
    v = st.session_state.get(VIEW_KEY)
    if v is None:
        navigation()
        v = open_view()
    return v
