"""The command line's contract, through a real subprocess: one stderr line per bad file,
every good article processed, exit 0 / 1 / 2, no traceback for a user's mistake."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data"


def run(*args: str, cwd: Path = REPO, store: Path | None = None) -> subprocess.CompletedProcess:
    store_args = ["--store", str(store)] if store else ["--no-store"]
    return subprocess.run([sys.executable, "-m", "extract", *args, *store_args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def claims(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> Path:
    """Two good articles among one of each kind of bad file."""
    root = tmp_path_factory.mktemp("messy")
    (root / "good.txt").write_text("“We will respond,” Defense Secretary Mark Esper said on Friday.\n", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "good.txt").write_bytes("“It was a mistake,” said Abbas Kadhim, an analyst.\n".encode("cp1252"))
    (root / "empty.txt").write_bytes(b"")
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    (root / "broken.jsonl").write_text('{"id": "ok", "text": "“Fine,” she said."}\n{oops\n', encoding="utf-8")
    with open(root / "huge.txt", "wb") as fh:
        fh.truncate(50 * 10**6)
    (root / "metadata.csv").write_text("file,outlet\ngood.txt,AP\nmissing.txt,Nobody\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def messy_run(messy, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "claims.jsonl"
    return run(str(messy), "--out", str(out)), out


def test_bad_files_are_skipped_one_line_each_and_good_ones_processed(messy_run, messy):
    result, out = messy_run
    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    reasons = {Path(line.split(":")[0].removeprefix("skipped ")).name: line for line in skipped}
    assert set(reasons) == {"empty.txt", "photo.txt", "broken.jsonl", "huge.txt"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["photo.txt"]
    assert "too large" in reasons["huge.txt"] and "bad JSON line:" in reasons["broken.jsonl"]
    # The metadata row naming a missing file is a warning: the metadata itself was read.
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning ")]
    assert len(warnings) == 1 and "metadata.csv" in warnings[0] and "missing.txt" in warnings[0]
    rows = claims(out)
    assert {r["article_id"] for r in rows} == {"good", "sub/good", "ok"}
    assert {r["outlet"] for r in rows if r["article_id"] == "good"} == {"AP"}
    assert "Traceback" not in result.stderr


def test_summary_counts_the_articles_read(messy_run):
    result, _ = messy_run
    assert "3 articles" in result.stderr.splitlines()[-1]


def test_summary_says_one_article_one_claim(tmp_path):
    (tmp_path / "a.txt").write_text("“The road stays shut,” said Mayor Ann Lee.\n", encoding="utf-8")
    result = run(str(tmp_path), "--out", str(tmp_path / "c.csv"))
    assert result.returncode == 0 and result.stderr.splitlines()[-1].startswith("1 article, 1 claim -> ")


def test_exit_1_when_no_article_can_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"%PDF-1.4\n")
    result = run(str(tmp_path), "--out", str(tmp_path / "c.jsonl"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "no article" in result.stderr
    assert result.stderr.count("skipped ") == 2


def test_exit_1_for_a_missing_input(tmp_path):
    result = run(str(tmp_path / "nowhere"), "--out", str(tmp_path / "c.jsonl"))
    assert result.returncode == 1 and "no such file or folder" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [
    [],                                            # no input, no --out
    ["data"],                                      # no --out
    ["data", "--out", "claims.xlsx"],              # unknown output format
    ["data", "--out", "/no/such/folder/c.jsonl"],  # output folder missing
    ["data", "--out", "c.jsonl", "--bogus"],       # unknown option
])
def test_usage_errors_exit_2_without_traceback(args):
    result = subprocess.run([sys.executable, "-m", "extract", *args], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "usage:" in result.stderr and "Traceback" not in result.stderr


def test_store_and_no_store_together_is_a_usage_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "extract", "data", "--out", str(tmp_path / "c.jsonl"),
                             "--store", str(tmp_path), "--no-store"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 2


def test_unwritable_output_is_reported(tmp_path):
    out = tmp_path / "c.jsonl"
    out.symlink_to("/dev/full")  # every write fails with "No space left on device", even as root
    result = run(str(SEEDS), "--out", str(out))
    assert result.returncode == 1 and "cannot write output" in result.stderr and "Traceback" not in result.stderr


def test_store_run_twice_gives_the_same_claims_and_reuses(tmp_path):
    store = tmp_path / "store"
    first = run(str(SEEDS), "--out", str(tmp_path / "a.jsonl"), store=store)
    second = run(str(SEEDS), "--out", str(tmp_path / "b.jsonl"), store=store)
    assert first.returncode == second.returncode == 0
    assert "0 reused, 5 extracted" in first.stderr and "5 reused, 0 extracted" in second.stderr
    assert claims(tmp_path / "a.jsonl") == claims(tmp_path / "b.jsonl")


def test_unusable_store_folder_falls_back_with_a_warning(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run(str(SEEDS), "--out", str(tmp_path / "c.jsonl"), store=blocker / "store")
    assert result.returncode == 0 and "store not used" in result.stderr
    assert len(claims(tmp_path / "c.jsonl")) > 50


def test_crawler_clutter_is_not_article_text(tmp_path):
    (tmp_path / "crawl.txt").write_text(
        " date 2020-01-04 Loading...\n\noriginal event\n\nStrike in Baghdad\n\n“We acted,” Defense Secretary Mark Esper said.\n\n"
        "Related Content\n\n“Loading the guns,” said General John Doe.\n\n"
        "Please visit original link if the content is unavailable…\n", encoding="utf-8")
    result = run(str(tmp_path), "--out", str(tmp_path / "c.jsonl"), "--articles-out", str(tmp_path / "a.jsonl"))
    assert result.returncode == 0
    rows = claims(tmp_path / "c.jsonl")
    assert {r["date"] for r in rows} == {"2020-01-04"}
    assert sorted(r["quote"] for r in rows) == ["Loading the guns,", "We acted,"]
    for r in rows:
        for clutter in ("Loading...", "original event", "Related Content", "Please visit"):
            assert clutter not in r["sentence"]
