"""The app opens corpora through the extraction store: the same claims as extract_paths;
a re-open comes from the store's snapshot with the same tables; a changed, added or edited
file invalidates the snapshot and only the new or changed articles are extracted; a damaged
or half-written snapshot is never served and the corpus still opens; article texts come
from the snapshot when a page shows one; the first load reports progress; and without a
usable store the corpus still opens."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from explorer import data
from explorer.data import SNAPSHOT_NOTE, article_text, corpus_signature, default_sources, open_corpus
from explorer.safe_text import article_markdown, escape_markdown
from explorer.uploads import save_uploads
from extract import extract_paths
from extract.store import input_signature, load_snapshot, snapshot_key
from tables import rows

REPO = Path(__file__).resolve().parents[1]
EXTRA_ARTICLE = "Storm hits coast\n\n“The water came fast,” said Mayor Ann Lee.\n"
PAGES = ["pages/overview.py", "pages/claims.py", "pages/speakers.py", "pages/outlets.py", "pages/matrix.py",
         "pages/corpus.py"]


def key_rows(claims: pd.DataFrame) -> list[tuple]:
    return sorted(zip(claims["article_id"], claims["quote_start"], claims["quote_end"], claims["speaker"].fillna(""),
                      claims["claim_id"], claims["carried_by"]))


def assert_same_tables(opened, reference) -> None:
    """Every claim and article row, value for value (the texts apart: a snapshot keeps them
    on disk), and the same input errors."""
    assert list(opened.claims.columns) == list(reference.claims.columns)
    assert rows(opened.claims) == rows(reference.claims)
    articles = [c for c in reference.articles.columns if c != "text"]
    assert [c for c in opened.articles.columns if c != "text"] == articles
    assert rows(opened.articles[articles]) == rows(reference.articles[articles])
    assert [(e.path, e.reason, e.skipped) for e in opened.errors] == [(e.path, e.reason, e.skipped) for e in reference.errors]


def snapshot_folder(folder: Path, store: Path) -> Path:
    return store / "snapshots" / snapshot_key(input_signature([folder]))


def from_snapshot(corpus) -> bool:
    return corpus.store_note == SNAPSHOT_NOTE


@pytest.fixture()
def folder(tmp_path) -> Path:
    target = tmp_path / "articles"
    shutil.copytree(REPO / "data", target)
    return target


def test_same_corpus_as_extract_paths_and_a_reopen_comes_from_the_snapshot(folder, tmp_path):
    store = tmp_path / "store"
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    first = open_corpus([folder], store_dir=store)
    plain = extract_paths([str(folder)])
    assert len(first.claims) == len(plain.claims) > 0
    assert key_rows(first.claims) == key_rows(plain.claims)
    assert list(first.articles["article_id"]) == list(plain.articles["article_id"])
    n = len(plain.articles)
    assert first.store_note.startswith(f"store: 0 reused, {n} extracted")
    assert any("broken.json" in e.path for e in first.errors)
    # No page shows `sentence`, the largest column: the app does not hold it.
    assert "sentence" not in first.claims.columns and "text" in first.articles.columns

    again = open_corpus([folder], store_dir=store)
    assert from_snapshot(again)
    assert "text" not in again.articles.columns
    assert_same_tables(again, first)
    assert again.claims["day"].notna().any()  # the pages' date column is there
    assert rows(again.claims[["day"]]) == rows(first.claims[["day"]])


def test_a_changed_file_invalidates_the_snapshot(folder, tmp_path):
    store = tmp_path / "store"
    first = open_corpus([folder], store_dir=store)
    n = len(first.articles)
    assert from_snapshot(open_corpus([folder], store_dir=store))

    edited = sorted(folder.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\n“We are still counting,” said Ann Lee.\n",
                      encoding="utf-8")
    changed = open_corpus([folder], store_dir=store)
    assert changed.store_note.startswith(f"store: {n - 1} reused, 1 extracted")
    assert changed.claims["quote"].str.startswith("We are still counting").sum() == 1
    again = open_corpus([folder], store_dir=store)
    assert from_snapshot(again)
    assert_same_tables(again, changed)

    # Same content, new modification time: not served from the snapshot, nothing extracted.
    stat = (folder / "metadata.csv").stat()
    os.utime(folder / "metadata.csv", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    touched = open_corpus([folder], store_dir=store)
    assert touched.store_note.startswith(f"store: {n} reused, 0 extracted")
    assert_same_tables(touched, changed)


def test_adding_ten_articles_extracts_only_those_ten(folder, tmp_path):
    store = tmp_path / "store"
    base = open_corpus([folder], store_dir=store)
    n = len(base.articles)
    for i in range(10):
        (folder / f"zz_extra_{i}.txt").write_text(
            f"Storm hits coast, day {i}\n\n“The water came fast on day {i},” said Mayor Ann Lee.\n", encoding="utf-8")
    added = open_corpus([folder], store_dir=store)
    assert added.store_note.startswith(f"store: {n} reused, 10 extracted")
    assert len(added.articles) == n + 10
    assert added.claims["quote"].str.startswith("The water came fast on day").sum() == 10
    assert rows(added.claims[added.claims["article_id"].isin(base.articles["article_id"])][["quote", "speaker"]]) \
        == rows(base.claims[["quote", "speaker"]])
    again = open_corpus([folder], store_dir=store)
    assert from_snapshot(again) and len(again.articles) == n + 10


def _flip_byte(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _half_written(path: Path) -> None:
    """As a save killed before its manifest: the manifest gone, a partial file beside."""
    (path.parent / "manifest.json").unlink()
    (path.parent / ".claims.parquet.partial").write_bytes(path.read_bytes()[:100])


def _manifest_without_checksums(path: Path) -> None:
    manifest = path.parent / "manifest.json"
    content = json.loads(manifest.read_text(encoding="utf-8"))
    del content["files"]
    manifest.write_text(json.dumps(content), encoding="utf-8")


DAMAGE = {
    "claims byte flipped": ("claims.parquet", _flip_byte),
    "articles truncated": ("articles.parquet", _truncate),
    "half-written": ("claims.parquet", _half_written),
    "manifest not JSON": ("manifest.json", lambda p: p.write_text("{\"files\": ", encoding="utf-8")),
    "manifest without checksums": ("claims.parquet", _manifest_without_checksums),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_snapshot_is_not_served_and_the_corpus_still_opens(folder, tmp_path, damage):
    store = tmp_path / "store"
    first = open_corpus([folder], store_dir=store)
    n = len(first.articles)
    name, harm = DAMAGE[damage]
    harm(snapshot_folder(folder, store) / name)

    reopened = open_corpus([folder], store_dir=store)
    assert reopened.store_note == f"store: {n} reused, 0 extracted"  # the store, no word of the snapshot
    assert "text" in reopened.articles.columns
    assert_same_tables(reopened, first)
    # The snapshot was written again, whole: the next open is fast again.
    again = open_corpus([folder], store_dir=store)
    assert from_snapshot(again)
    assert_same_tables(again, first)


def test_texts_come_from_the_snapshot(folder, tmp_path):
    store = tmp_path / "store"
    first = open_corpus([folder], store_dir=store)
    texts = dict(zip(first.articles["article_id"], first.articles["text"]))
    again = open_corpus([folder], store_dir=store)
    assert from_snapshot(again)
    # With the article files gone, the snapshot is the only place the texts are.
    shutil.rmtree(folder)
    for article_id, text in texts.items():
        assert article_text(again, article_id) == text
        assert article_text(first, article_id) == text
    assert article_text(again, "no-such-article") is None


@pytest.mark.parametrize("damage", ["texts byte flipped", "manifest without checksums", "snapshot removed"])
def test_a_damaged_texts_file_is_not_read_and_the_text_comes_from_the_file(folder, tmp_path, damage):
    store = tmp_path / "store"
    first = open_corpus([folder], store_dir=store)
    texts = dict(zip(first.articles["article_id"], first.articles["text"]))
    snapshot = snapshot_folder(folder, store)
    if damage == "texts byte flipped":
        _flip_byte(snapshot / "texts.parquet")
    again = open_corpus([folder], store_dir=store)
    assert from_snapshot(again)  # claims and articles are intact
    if damage == "manifest without checksums":  # damaged after the open
        _manifest_without_checksums(snapshot / "texts.parquet")
    elif damage == "snapshot removed":  # the store keeps a few snapshots
        shutil.rmtree(snapshot)
    article_id = sorted(texts)[1]
    assert article_text(again, article_id) == texts[article_id]
    # A file no longer holding that text gives no text rather than the wrong one.
    path = Path(first.articles.set_index("article_id").loc[article_id, "path"])
    path.write_text("Something else entirely.\n", encoding="utf-8")
    assert article_text(again, article_id) is None


def test_uploads_and_the_demo_corpus_reopen_from_their_snapshot(tmp_path, monkeypatch):
    store = tmp_path / "store"
    files = [(p.name, p.read_bytes()) for p in sorted((REPO / "data").iterdir()) if p.is_file()]
    uploaded, refused = save_uploads(files, root=tmp_path / "uploads")
    assert uploaded is not None and not refused
    monkeypatch.delenv("CLAIMSCOPE_DATA", raising=False)
    for sources in ([uploaded], default_sources()):
        first = open_corpus(sources, store_dir=store)
        assert not from_snapshot(first) and len(first.articles) == 5
        again = open_corpus(sources, store_dir=store)
        assert from_snapshot(again)
        assert_same_tables(again, first)


def test_progress_reaches_every_step(folder, tmp_path):
    calls = []
    open_corpus([folder], progress=lambda done, total, step: calls.append((done, total, step)),
                store_dir=tmp_path / "store")
    steps = [step for _, _, step in calls]
    assert steps[:2] == ["Opening the corpus", "Reading articles"]
    assert steps[-1] == "Matching claims across articles"
    extracting = [(d, t) for d, t, step in calls if step == "Extracting claims"]
    assert extracting[0][0] == 0 and extracting[-1][0] == extracting[-1][1] == 5
    assert all(d <= t for d, t in extracting)
    calls.clear()
    open_corpus([folder], progress=lambda done, total, step: calls.append((done, total, step)),
                store_dir=tmp_path / "store")
    assert [step for _, _, step in calls] == ["Opening the corpus"]


def test_without_a_usable_store_the_corpus_still_opens(folder, tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the store folder should be", encoding="utf-8")
    for _ in range(2):
        corpus = open_corpus([folder], store_dir=blocker / "store")
        assert corpus.store_note.startswith("store not used")
        assert key_rows(corpus.claims) == key_rows(extract_paths([str(folder)]).claims)
        assert article_text(corpus, corpus.articles["article_id"].iloc[0]) == corpus.articles["text"].iloc[0]


def test_a_snapshot_that_cannot_be_written_does_not_stop_the_open(folder, tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    (store / "snapshots").write_text("a file where the snapshots folder should be", encoding="utf-8")
    first = open_corpus([folder], store_dir=store)
    assert first.store_note.startswith("store: 0 reused, 5 extracted; not kept for a fast re-open")
    again = open_corpus([folder], store_dir=store)
    assert again.store_note.startswith("store: 5 reused, 0 extracted")
    assert_same_tables(again, first)


def test_signature_changes_when_a_file_is_added_or_edited(folder):
    before = corpus_signature([folder])
    (folder / "zz_extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    added = corpus_signature([folder])
    assert added != before and len(added) == len(before) + 1
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    assert corpus_signature([folder]) == added  # files the reader skips do not count


def test_signature_is_the_stores_input_signature(tmp_path, monkeypatch):
    """The app's listing and the CLI's (`--snapshot`) give the same snapshot key."""
    root = tmp_path / "inputs"
    for name in ["a/b.txt", "a-b.txt", "a.txt", "A/z.TXT", "a/deep/c.json", ".hidden/h.txt", "x.parquet",
                 "metadata.csv", "notes.md", "trailing.", ".txt", "sub/metadata.csv", "sub/Metadata.csv"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("outside", encoding="utf-8")
    (root / "linked_folder").symlink_to(outside, target_is_directory=True)  # not descended into
    (root / "linked.txt").symlink_to(outside / "o.txt")
    (root / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "via").symlink_to(root, target_is_directory=True)  # an input named through a link
    monkeypatch.chdir(tmp_path)
    inputs = ["inputs", str(outside / "o.txt"), str(tmp_path / "no-such-file.txt"), "inputs/a", "via/a.txt"]
    signature = corpus_signature(inputs)
    assert signature == input_signature(inputs)
    names = [Path(n).relative_to(tmp_path).as_posix() if n.startswith(str(tmp_path)) else n for n, _, _ in signature]
    assert names[:4] == ["inputs/.hidden/h.txt", "inputs/A/z.TXT", "inputs/a/b.txt", "inputs/a/deep/c.json"]
    assert "inputs/notes.md" not in names and not any(n.startswith("inputs/linked_folder") for n in names)
    assert ("outside/o.txt" in names) and ("inputs/linked.txt" in names)


def app_on(folder: Path, store: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("CLAIMSCOPE_DATA", str(folder))
    monkeypatch.setenv("CLAIMSCOPE_STORE", str(store))
    return AppTest.from_file(str(REPO / "app.py"), default_timeout=120)


def test_app_reopens_a_changed_folder_through_the_store(folder, tmp_path, monkeypatch):
    at = app_on(folder, tmp_path / "store", monkeypatch)
    at.switch_page("pages/corpus.py").run()
    assert not at.exception, at.exception
    n = len(at.dataframe[0].value)
    assert any(c.value.startswith(f"Extraction store: 0 reused, {n} extracted") for c in at.caption)
    (folder / "zz_extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == n + 1
    assert any(c.value.startswith(f"Extraction store: {n} reused, 1 extracted") for c in at.caption)


def test_app_shows_a_claim_in_its_article_with_the_text_from_the_snapshot(folder, tmp_path, monkeypatch):
    store = tmp_path / "store"
    first = open_corpus([folder], store_dir=store)
    texts = dict(zip(first.articles["article_id"], first.articles["text"]))
    read = []

    def snapshot_text(key, article_id, store_dir=None):
        read.append(article_id)
        return real_snapshot_text(key, article_id, store_dir)

    real_snapshot_text = data.snapshot_text
    monkeypatch.setattr(data, "snapshot_text", snapshot_text)
    at = app_on(folder, store, monkeypatch)
    at.switch_page("pages/corpus.py").run()
    assert not at.exception, at.exception
    assert any(c.value == f"Extraction {SNAPSHOT_NOTE}." for c in at.caption)

    at.switch_page("pages/claims.py").run()
    assert not at.exception, at.exception
    claims = first.claims
    # A claim with a speaker mention, within one paragraph, outside the first article.
    position = next(i for i, (a, s, q) in enumerate(zip(claims["article_id"], claims["speaker_start"], claims["quote"]))
                    if a != claims["article_id"].iloc[0] and pd.notna(s) and "\n" not in q)
    at.selectbox(key="claims_pick").set_value(position).run()
    assert not at.exception, at.exception
    claim = claims.iloc[position]
    assert read and read[-1] == claim["article_id"]
    text = texts[claim["article_id"]]
    marks = [(claim["quote_start"], claim["quote_end"], "quote"),
             (claim["speaker_start"], claim["speaker_end"], "mention")]
    shown = [m.value for m in at.markdown if "-background[" in m.value]
    assert shown == ["\n\n".join(article_markdown(text, marks))]
    quote = escape_markdown(text[int(claim["quote_start"]):int(claim["quote_end"])]).strip()
    assert f":orange-background[{quote}]" in shown[0]
    mention = escape_markdown(text[int(claim["speaker_start"]):int(claim["speaker_end"])]).strip()
    assert f":blue-background[{mention}]" in shown[0]

    # Every page draws the corpus opened from its snapshot (no `sentence`, no texts in memory).
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        assert at.title and at.title[0].value


def test_app_opens_a_corpus_whose_snapshot_is_damaged_and_says_nothing_of_it(folder, tmp_path, monkeypatch):
    store = tmp_path / "store"
    first = open_corpus([folder], store_dir=store)
    _flip_byte(snapshot_folder(folder, store) / "claims.parquet")
    at = app_on(folder, store, monkeypatch)
    at.switch_page("pages/corpus.py").run()
    assert not at.exception, at.exception
    assert not at.error and not at.warning and not at.sidebar.warning
    assert len(at.dataframe[0].value) == len(first.articles)
    assert any(c.value == f"Extraction store: {len(first.articles)} reused, 0 extracted." for c in at.caption)
    at.switch_page("pages/claims.py").run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == len(first.claims)
    assert load_snapshot(snapshot_key(input_signature([folder])), store) is not None  # written again
