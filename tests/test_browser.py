"""The explorer in a real browser: Streamlit served on localhost, Debian's Chromium driven
by Playwright. Every page opens, a sidebar filter changes the view and the URL, a CSV
download holds exactly the filtered rows, a URL restores a view, and a quote containing
<script> shows as text without running. Screenshots go to artifacts/screenshots/.

Needs /usr/bin/chromium and the playwright package (scripts/install_browser.sh installs
both). Outside CI the test skips when Chromium is missing; in CI (CI=true) it must run.
"""
from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "artifacts" / "screenshots"
IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic"]
# Wait for the first extraction (spaCy load + the seeds) and for each page to settle.
SERVER_START_S = 120
PAGE_WAIT_MS = 60_000

if not CHROMIUM.exists() and not IN_CI:
    pytest.skip("/usr/bin/chromium is not installed (bash scripts/install_browser.sh installs it); "
                "this test always runs in CI", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (scripts/install_browser.sh)") \
    if not IN_CI else __import__("playwright.sync_api", fromlist=["sync_playwright"])

HOSTILE_QUOTE = "<script>window.__claimscope_xss = 1</script> is plain text here"
HOSTILE_ARTICLE = (
    "Ministry rejects report\n\n"
    f"“{HOSTILE_QUOTE},” said Jane Roe, a spokeswoman for the ministry.\n\n"
    "“We will publish the full figures next week,” Roe said.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    """The seed corpus plus one article whose quote is an HTML script tag."""
    folder = tmp_path_factory.mktemp("corpus")
    for f in (REPO / "data").iterdir():
        shutil.copy(f, folder / f.name)
    (folder / "zz_hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    with open(folder / "metadata.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(["zz_hostile.txt", "Hostile Herald", "2020-01-05", "<b>Ministry</b> rejects", ""])
    return folder


@pytest.fixture(scope="module")
def expected(corpus_dir):
    from extract import extract_paths

    return extract_paths([str(corpus_dir)]).claims


@contextlib.contextmanager
def serve(corpus_dir: Path, store_dir: Path):
    """A fresh Streamlit server process on a free port, on the given corpus and store."""
    port = free_port()
    env = dict(os.environ, CLAIMSCOPE_DATA=str(corpus_dir), CLAIMSCOPE_STORE=str(store_dir),
               STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError("streamlit did not start: " + process.stdout.read().decode(errors="replace")[-2000:])
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("store")


@pytest.fixture(scope="module")
def server(corpus_dir, store_dir):
    with serve(corpus_dir, store_dir) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1400}, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors
    yield pg
    context.close()


def settle(pg, selector: str) -> None:
    """Wait for the page's main element and for Streamlit to finish running the script."""
    pg.wait_for_selector(selector, timeout=PAGE_WAIT_MS)
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=PAGE_WAIT_MS)
    pg.wait_for_timeout(800)


def shoot(pg, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path


def no_exception(pg) -> None:
    assert pg.locator('[data-testid="stException"]').count() == 0, pg.locator('[data-testid="stException"]').first.inner_text()


def query(pg) -> dict[str, list[str]]:
    return parse_qs(urlparse(pg.url).query)


def pick_in_multiselect(pg, label: str, option: str) -> None:
    box = pg.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text=label)
    box.locator("input").click()
    pg.get_by_role("option", name=option, exact=True).click()
    pg.keyboard.press("Escape")


def download_rows(pg, button_text: str) -> list[dict]:
    with pg.expect_download(timeout=PAGE_WAIT_MS) as info:
        pg.get_by_test_id("stDownloadButton").filter(has_text=button_text).first.locator("button").click()
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


PAGES = [
    ("", '[data-testid="stMetricValue"]'),
    ("claims", '[data-testid="stDataFrame"]'),
    ("speakers", '[data-testid="stVegaLiteChart"]'),
    ("outlets", '[data-testid="stVegaLiteChart"]'),
    ("matrix", '[data-testid="stDataFrame"]'),
    ("corpus", '[data-testid="stDataFrame"]'),
]


def test_every_page_renders(server, page, expected):
    for name, selector in PAGES:
        page.goto(f"{server}/{name}")
        settle(page, selector)
        no_exception(page)
        shoot(page, name or "overview")
    page.goto(server)
    settle(page, '[data-testid="stVegaLiteChart"]')
    values = page.get_by_test_id("stMetricValue").all_inner_texts()
    assert values[2] == str(len(expected)), values
    assert page.get_by_test_id("stVegaLiteChart").count() >= 4
    assert not page.js_errors, page.js_errors


def test_filter_changes_table_url_and_download(server, page, expected):
    outlet = "Washington Examiner"
    want = expected[expected["outlet"] == outlet]
    assert 0 < len(want) < len(expected)
    page.goto(f"{server}/claims")
    settle(page, '[data-testid="stDataFrame"]')
    rows = download_rows(page, "Download claims CSV")
    assert len(rows) == len(expected)

    pick_in_multiselect(page, "Outlet", outlet)
    page.wait_for_function("() => location.search.includes('outlet=')", timeout=PAGE_WAIT_MS)
    settle(page, '[data-testid="stDataFrame"]')
    page.get_by_test_id("stDownloadButton").filter(has_text=f"({len(want)} rows)").first.wait_for(timeout=PAGE_WAIT_MS)
    assert query(page)["outlet"] == [outlet]
    shoot(page, "claims-filtered")
    rows = download_rows(page, "Download claims CSV")
    assert len(rows) == len(want)
    assert {r["outlet"] for r in rows} == {outlet}
    assert sorted(r["quote"] for r in rows) == sorted(want["quote"])
    assert list(rows[0]) == ["claim_id", "quote", "speaker", "anonymity", "role", "descriptor", "kind", "cue",
                             "stance", "outlet", "date", "carried_by", "carried_by_independent", "article_id"]

    # The filter follows the user to another page, and stays in the address.
    page.get_by_test_id("stSidebarNav").get_by_text("Speakers", exact=True).click()
    settle(page, '[data-testid="stDataFrame"]')
    page.wait_for_function("() => location.pathname.endsWith('/speakers') && location.search.includes('outlet=')",
                           timeout=PAGE_WAIT_MS)
    speaker_rows = download_rows(page, "Download speakers CSV")
    assert sum(int(r["claims"]) for r in speaker_rows) == int(want["speaker"].notna().sum())


def test_url_restores_view(server, page, expected):
    want = expected[(expected["anonymity"] == "anonymous") & (expected["kind"] == "direct")]
    page.goto(f"{server}/claims?anon=anonymous&kind=direct")
    settle(page, '[data-testid="stDataFrame"]')
    sidebar = page.get_by_test_id("stSidebar")
    assert sidebar.get_by_role("button", name="Remove anonymous").count() == 1
    assert sidebar.get_by_role("button", name="Remove direct").count() == 1
    rows = download_rows(page, "Download claims CSV")
    assert len(rows) == len(want)
    assert {(r["anonymity"], r["kind"]) for r in rows} == {("anonymous", "direct")}
    shoot(page, "claims-from-url")


def test_script_in_a_quote_shows_as_text(server, page, expected):
    assert expected["quote"].str.contains("<script>", regex=False).any(), "the hostile quote must be extracted"
    page.goto(f"{server}/claims?q=window.__claimscope_xss")
    settle(page, '[data-testid="stDataFrame"]')
    article = page.get_by_test_id("stVerticalBlock").filter(has_text="is plain text here").last
    article.wait_for(timeout=PAGE_WAIT_MS)
    body = page.get_by_test_id("stMain").inner_text()
    assert "<script>window.__claimscope_xss = 1</script> is plain text here" in body
    assert page.evaluate("() => window.__claimscope_xss") is None
    assert page.get_by_test_id("stMain").locator("script").count() == 0
    # The quote is highlighted, as text, inside our own markup.
    highlighted = page.get_by_test_id("stMain").locator("span").filter(has_text="<script>window.__claimscope_xss").count()
    assert highlighted >= 1
    shoot(page, "claims-article-view")
    assert not page.js_errors, page.js_errors


APP_NAVIGATION = ["Overview", "Claims", "Speakers", "Outlets", "Claim matrix", "Corpus"]


def test_deep_link_as_the_first_request_of_a_fresh_server(corpus_dir, store_dir, page, expected):
    """With a pages/ folder, Streamlit's first run in a process is in its old multipage mode,
    which runs pages/claims.py without app.py: the page must still have its corpus, filters
    and the app's own navigation, and every page must work after it."""
    outlet = "The Atlantic"
    want = expected[expected["outlet"] == outlet]
    assert 0 < len(want) < len(expected)
    with serve(corpus_dir, store_dir) as base:
        page.goto(f"{base}/claims?outlet={outlet.replace(' ', '+')}")
        settle(page, '[data-testid="stDataFrame"], [data-testid="stException"]')
        no_exception(page)
        assert page.get_by_test_id("stMain").locator("h1").first.inner_text() == "Claims"
        assert page.get_by_test_id("stSidebar").get_by_role("button", name=f"Remove {outlet}").count() == 1
        rows = download_rows(page, "Download claims CSV")
        assert len(rows) == len(want) and {r["outlet"] for r in rows} == {outlet}
        links = page.get_by_test_id("stSidebarNavLink")
        assert [t.strip().splitlines()[-1] for t in links.all_inner_texts()] == APP_NAVIGATION
        shoot(page, "claims-deep-link-first")
        for title in APP_NAVIGATION:
            page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
            page.wait_for_function(
                "t => [...document.querySelectorAll('[data-testid=stMain] h1')].some(h => h.innerText === t)",
                arg=title, timeout=PAGE_WAIT_MS)
            settle(page, '[data-testid="stMain"] h1')
            no_exception(page)
            assert query(page)["outlet"] == [outlet]
            assert [t.strip().splitlines()[-1] for t in links.all_inner_texts()] == APP_NAVIGATION
    assert not page.js_errors, page.js_errors
