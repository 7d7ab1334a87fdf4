"""The explorer under streamlit.testing.v1.AppTest: every page renders, every sidebar filter
changes what the tables hold and is written to the URL, a URL restores the view, the
exports hold the filtered rows, and article text never becomes HTML."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from explorer.data import open_corpus
from explorer.filters import Filters, apply_filters, from_query_params, to_query_params
from explorer.tables import CLAIMS_TABLE_COLUMNS, claims_table, csv_bytes, speakers_table

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
PAGES = ["pages/claims.py", "pages/speakers.py", "pages/outlets.py", "pages/matrix.py",
         "pages/corpus.py"]
TIMEOUT = 120

HOSTILE_QUOTE = "<script>alert('x')</script> [click](javascript:alert(1)) :red[boo] $x$ is just text"
HOSTILE_ARTICLE = (
    "Ministry rejects report\n\n"
    f"“{HOSTILE_QUOTE},” said Jane Roe, a spokeswoman for the ministry.\n\n"
    "“We will publish the figures next week,” Roe said.\n"
)


@pytest.fixture(scope="module", autouse=True)
def own_store(tmp_path_factory):
    """The app and the fixtures extract through a store of this module's own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLAIMSCOPE_STORE", str(tmp_path_factory.mktemp("store")))
        yield


@pytest.fixture(scope="module")
def seed_corpus():
    return open_corpus([str(REPO / "data")])


def app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    return at.run()


def on_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def claims_rows(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def test_every_page_renders(seed_corpus):
    at = app()
    assert not at.exception, at.exception
    assert [m.value for m in at.metric][:3] == ["5", str(seed_corpus.claims["outlet"].nunique()),
                                                str(len(seed_corpus.claims))]
    assert len(at.get("vega_lite_chart")) >= 4
    for page in PAGES:
        on_page(at, page)
        assert at.title[0].value
        assert len(at.dataframe) >= 1


FILTER_CASES = [
    ("w_anonymity", ["anonymous"], "anon", lambda c: c["anonymity"] == "anonymous"),
    ("w_role", ["analyst"], "role", lambda c: c["role"] == "analyst"),
    ("w_outlet", ["The Atlantic"], "outlet", lambda c: c["outlet"] == "The Atlantic"),
    ("w_speaker", ["Mark Esper"], "speaker", lambda c: c["speaker_canonical"] == "Mark Esper"),
    ("w_kind", ["indirect"], "kind", lambda c: c["kind"] == "indirect"),
]


@pytest.mark.parametrize("key,value,param,expected", FILTER_CASES, ids=[c[0] for c in FILTER_CASES])
def test_each_filter_changes_the_tables_and_the_url(seed_corpus, key, value, param, expected):
    want = seed_corpus.claims[expected(seed_corpus.claims)]
    assert 0 < len(want) < len(seed_corpus.claims)
    at = on_page(app(), "pages/claims.py")
    assert len(claims_rows(at)) == len(seed_corpus.claims)
    at.multiselect(key=key).set_value(value).run()
    assert not at.exception, at.exception
    table = claims_rows(at)
    assert len(table) == len(want)
    assert sorted(table["quote"]) == sorted(want["quote"])
    assert at.query_params[param] == value[0] or at.query_params[param] == value
    # The same filter holds on every page.
    on_page(at, "pages/speakers.py")
    assert at.dataframe[0].value["claims"].sum() == want["speaker"].notna().sum()
    on_page(at, "pages/corpus.py")
    assert at.dataframe[0].value["claims_in_view"].sum() == len(want)


def test_date_range_and_search(seed_corpus):
    claims = seed_corpus.claims
    at = on_page(app(), "pages/claims.py")
    at.date_input(key="w_date_from").set_value(pd.Timestamp("2020-01-04").date()).run()
    dated = claims[pd.to_datetime(claims["date"], errors="coerce") >= "2020-01-04"]
    assert 0 < len(dated) < len(claims)
    assert len(claims_rows(at)) == len(dated)
    assert at.query_params["from"] == "2020-01-04"

    word = "Soleimani"
    at.text_input(key="w_search").input(word).run()
    both = dated[dated["quote"].str.contains(word, case=False, regex=False)]
    assert len(claims_rows(at)) == len(both)
    assert at.query_params["q"] == word


def test_query_params_restore_the_view(seed_corpus):
    claims = seed_corpus.claims
    at = app({"anon": "named", "kind": "direct", "q": "the"})
    want = claims[(claims["anonymity"] == "named") & (claims["kind"] == "direct")
                  & claims["quote"].str.contains("the", case=False, regex=False)]
    assert 0 < len(want) < len(claims)
    assert at.multiselect(key="w_anonymity").value == ["named"]
    assert at.text_input(key="w_search").value == "the"
    on_page(at, "pages/claims.py")
    assert len(claims_rows(at)) == len(want)
    assert set(claims_rows(at)["anonymity"]) == {"named"}
    # Navigation keeps the view in the address.
    assert at.query_params["anon"] in ("named", ["named"])


def test_a_page_opened_first_has_its_corpus_filters_and_navigation(seed_corpus):
    """A deep link as the first run: Streamlit runs pages/claims.py without app.py (its old
    pages/ mode, which AppTest re-enters on every run); the page bootstraps the same view."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["outlet"] = "The Atlantic"
    at.switch_page("pages/claims.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Claims"
    want = seed_corpus.claims[seed_corpus.claims["outlet"] == "The Atlantic"]
    assert sorted(claims_rows(at)["quote"]) == sorted(want["quote"])
    assert at.multiselect(key="w_outlet").value == ["The Atlantic"]
    at.multiselect(key="w_outlet").set_value([]).run()
    assert len(claims_rows(at)) == len(seed_corpus.claims)


def test_unknown_values_in_the_url_are_dropped_with_a_notice(seed_corpus):
    at = app({"outlet": ["The Atlantic", "No Such Outlet"]})
    assert not at.exception
    assert at.multiselect(key="w_outlet").value == ["The Atlantic"]
    assert any("No Such Outlet" in w.value for w in at.sidebar.warning)


def test_clear_filters(seed_corpus):
    at = on_page(app({"kind": "direct"}), "pages/claims.py")
    assert len(claims_rows(at)) < len(seed_corpus.claims)
    next(b for b in at.sidebar.button if b.label == "Clear filters").click().run()
    assert len(claims_rows(at)) == len(seed_corpus.claims)
    assert "kind" not in at.query_params


def test_filters_round_trip_through_query_params():
    state = Filters(anonymity=["named"], outlet=["A & B", "C"], search="x=1",
                    date_from=pd.Timestamp("2020-01-02").date())
    assert from_query_params(to_query_params(state)) == state
    assert from_query_params({"from": "not a date", "anon": ""}) == Filters()


def test_exports_hold_exactly_the_filtered_rows(seed_corpus):
    state = Filters(outlet=["The Daily Beast"], kind=["direct"])
    view = apply_filters(seed_corpus.claims, state)
    raw = csv_bytes(claims_table(view))
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(view) > 0
    assert list(rows[0]) == CLAIMS_TABLE_COLUMNS
    assert {(r["outlet"], r["kind"]) for r in rows} == {("The Daily Beast", "direct")}
    # Curly quotes and accents survive; formulas do not run.
    hostile = claims_table(view.head(1).assign(quote="=HYPERLINK(\"http://x\")", speaker_canonical="“Zoë”"))
    row = next(csv.DictReader(io.StringIO(csv_bytes(hostile).decode("utf-8-sig"))))
    assert row["quote"].startswith("'=") and row["speaker"] == "“Zoë”"
    speakers = speakers_table(view)
    assert speakers["claims"].sum() == view["speaker"].notna().sum()


def test_speaker_page_lists_the_chosen_speakers_claims(seed_corpus):
    at = on_page(app(), "pages/speakers.py")
    at.selectbox(key="speakers_pick").set_value("Mark Esper").run()
    claims = at.dataframe[1].value
    assert len(claims) == (seed_corpus.claims["speaker_canonical"] == "Mark Esper").sum() > 0
    assert set(claims["speaker"]) == {"Mark Esper"}


def test_matrix_shows_every_claim_in_view_and_its_outlets(seed_corpus):
    at = on_page(app({"outlet": ["Unknown", "The Daily Beast"]}), "pages/matrix.py")
    matrix = at.dataframe[0].value
    view = seed_corpus.claims[seed_corpus.claims["outlet"].isin(["Unknown", "The Daily Beast"])]
    assert set(matrix["claim_id"]) == set(view["claim_id"])
    assert {"Unknown", "The Daily Beast"} <= set(matrix.columns)
    assert "The Atlantic" not in matrix.columns


@pytest.fixture()
def hostile_corpus(tmp_path, monkeypatch):
    for f in (REPO / "data").glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "zz_hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,date,title\nzz_hostile.txt,<img src=x onerror=alert(1)>,2020-01-05,<b>Ministry</b>\n",
        encoding="utf-8")
    monkeypatch.setenv("CLAIMSCOPE_DATA", str(tmp_path))
    return tmp_path


def test_article_text_is_never_html(hostile_corpus):
    at = on_page(app({"q": "alert('x')"}), "pages/claims.py")
    table = claims_rows(at)
    assert len(table) == 1 and "<script>" in table["quote"].iloc[0]
    for element in at.markdown:
        assert not element.proto.allow_html, element.value
    article = next(m.value for m in at.markdown if "spokeswoman" in m.value)
    # The quote is highlighted, its characters escaped so Markdown shows them as written.
    assert ":orange-background[\\<script\\>alert\\(\\'x\\'\\)\\<\\/script\\>" in article
    assert "\\[click\\]\\(javascript\\:alert\\(1\\)\\)" in article and "\\:red\\[boo\\]" in article
    assert "<script>" not in article
    # Titles and outlets from metadata are text elements, not Markdown.
    assert any(t.value == "Article: <b>Ministry</b>" for t in at.text)
    for page in PAGES:
        on_page(at, page)
        for element in at.markdown:
            assert not element.proto.allow_html, element.value


def test_folder_loading_adds_articles(tmp_path, seed_corpus):
    (tmp_path / "extra.txt").write_text("Storm hits coast\n\n“The water came fast,” said Mayor Ann Lee.\n",
                                        encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    at = on_page(app(), "pages/corpus.py")
    at.text_input(key="corpus_folder").input(str(tmp_path))
    next(b for b in at.button if b.label == "Load the folder").click().run()
    assert not at.exception, at.exception
    articles = at.dataframe[0].value
    assert len(articles) == len(seed_corpus.articles) + 1
    assert "extra" in set(articles["article_id"])
    errors = at.dataframe[1].value
    assert any("broken.json" in p for p in errors["file"])
