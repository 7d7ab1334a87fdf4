"""The app opens corpora through the extraction store: the same claims as extract_paths,
a re-open extracts nothing, an added or edited article is the only one extracted, the
first load reports progress, and without a usable store the corpus still opens."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from explorer.data import corpus_signature, open_corpus
from extract import extract_paths

REPO = Path(__file__).resolve().parents[1]
EXTRA_ARTICLE = "Storm hits coast\n\n“The water came fast,” said Mayor Ann Lee.\n"


def key_rows(claims: pd.DataFrame) -> list[tuple]:
    return sorted(zip(claims["article_id"], claims["quote_start"], claims["quote_end"], claims["speaker"].fillna(""),
                      claims["claim_id"], claims["carried_by"]))


@pytest.fixture()
def folder(tmp_path) -> Path:
    target = tmp_path / "articles"
    shutil.copytree(REPO / "data", target)
    return target


def test_same_corpus_as_extract_paths_and_a_reopen_extracts_nothing(folder, tmp_path):
    store = tmp_path / "store"
    first = open_corpus([folder], store_dir=store)
    plain = extract_paths([str(folder)])
    assert len(first.claims) == len(plain.claims) > 0
    assert key_rows(first.claims) == key_rows(plain.claims)
    assert list(first.articles["article_id"]) == list(plain.articles["article_id"])
    n = len(plain.articles)
    assert first.store_note.startswith(f"store: 0 reused, {n} extracted")

    again = open_corpus([folder], store_dir=store)
    assert again.store_note.startswith(f"store: {n} reused, 0 extracted")
    assert key_rows(again.claims) == key_rows(first.claims)
    assert again.claims["day"].notna().any()  # the pages' date column is there


def test_added_and_edited_articles_are_the_only_ones_extracted(folder, tmp_path):
    store = tmp_path / "store"
    base = open_corpus([folder], store_dir=store)
    n = len(base.articles)
    (folder / "zz_extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    added = open_corpus([folder], store_dir=store)
    assert added.store_note.startswith(f"store: {n} reused, 1 extracted")
    assert len(added.articles) == n + 1
    assert added.claims["quote"].str.startswith("The water came fast").sum() == 1

    edited = sorted(folder.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\n“We are still counting,” said Ann Lee.\n",
                      encoding="utf-8")
    again = open_corpus([folder], store_dir=store)
    assert again.store_note.startswith(f"store: {n} reused, 1 extracted")
    assert again.claims["quote"].str.startswith("We are still counting").sum() == 1


def test_progress_reaches_every_step(folder, tmp_path):
    calls = []
    open_corpus([folder], progress=lambda done, total, step: calls.append((done, total, step)),
                store_dir=tmp_path / "store")
    steps = [step for _, _, step in calls]
    assert steps[0] == "Reading articles" and steps[-1] == "Matching claims across articles"
    extracting = [(d, t) for d, t, step in calls if step == "Extracting claims"]
    assert extracting[0][0] == 0 and extracting[-1][0] == extracting[-1][1] == 5
    assert all(d <= t for d, t in extracting)


def test_without_a_usable_store_the_corpus_still_opens(folder, tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the store folder should be", encoding="utf-8")
    corpus = open_corpus([folder], store_dir=blocker / "store")
    assert corpus.store_note.startswith("store not used")
    assert key_rows(corpus.claims) == key_rows(extract_paths([str(folder)]).claims)


def test_signature_changes_when_a_file_is_added_or_edited(folder):
    before = corpus_signature([folder])
    (folder / "zz_extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    added = corpus_signature([folder])
    assert added != before and len(added) == len(before) + 1
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    assert corpus_signature([folder]) == added  # files the reader skips do not count


def test_app_reopens_a_changed_folder_through_the_store(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMSCOPE_DATA", str(folder))
    monkeypatch.setenv("CLAIMSCOPE_STORE", str(tmp_path / "store"))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.switch_page("pages/corpus.py").run()
    assert not at.exception, at.exception
    n = len(at.dataframe[0].value)
    assert any(c.value.startswith(f"Extraction store: 0 reused, {n} extracted") for c in at.caption)
    (folder / "zz_extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == n + 1
    assert any(c.value.startswith(f"Extraction store: {n} reused, 1 extracted") for c in at.caption)
