"""Fuzz the entry points with hostile files: the CLI (subprocess, in batches) and the upload path.

    .venv/bin/python benchmarks/fuzz.py [--files 1200] [--seed 1] [--batches 6] [--keep DIR]

Generates at least --files files of every kind issue 6 lists (empty, binary renamed .txt,
UTF-8 with BOM / UTF-16 / cp1252 / latin-1, mixed line endings, 50 MB and 1 GB sparse
files, hostile HTML, malformed JSON lines, broken metadata.csv, the same name in several
folders, unbalanced / never-closing / nested / thousands of quotation marks, random bytes
and random mixes), with known-good articles planted among them (each carries one quote
with a unique marker). Prints: files, crashes (must be 0), files rejected with a reason,
files neither read nor rejected, good articles lost (must be 0), for both paths, and how
extraction time grows with the number of quotes in one article.
"""
from __future__ import annotations

import argparse
import codecs
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

QUOTES = "\"'“”‘’«»„"
NAMES = ["Senator Jane Doe", "Defense Secretary Mark Esper", "a senior official", "Abbas Kadhim, an analyst"]


def good_article(marker: str, rng: random.Random) -> str:
    """An article with one quote the extractor must find: “Marker <m> stands firm,” said X."""
    lead = rng.choice(["Strike in Baghdad", "Officials respond to the attack", "Markets fall after the news"])
    body = rng.choice(["The strike came late on Thursday.", "Officials met on Friday to discuss the response.",
                       "Café owners said the streets were quiet — for now."])
    return (f"{lead}\n\n{body}\n\n“Marker {marker} stands firm,” said {rng.choice(NAMES)}.\n\n"
            f"{rng.choice(['More details were not given.', 'The ministry did not comment.'])}\n")


def hostile_text(rng: random.Random) -> str:
    kind = rng.randrange(7)
    if kind == 0:
        return "“This quote never closes " + "and it goes on " * rng.randint(10, 400)
    if kind == 1:
        return "".join(rng.choice(QUOTES + " ab\n") for _ in range(rng.randint(10, 3000)))
    if kind == 2:
        return '“He said ‘she told me “no” twice’ and left,” Smith said. "A \'b "c" d\' e," Jones said. ' * rng.randint(1, 50)
    if kind == 3:
        return "".join(chr(rng.choice([rng.randrange(32, 0x2FF), rng.randrange(0x370, 0xD7FF), rng.randrange(0xE000, 0x10FFFF)]))
                       for _ in range(rng.randint(1, 800)))
    if kind == 4:
        return "\n\n".join(f"“Point {i},” said {rng.choice(NAMES)}." for i in range(rng.randint(100, 1500)))
    if kind == 5:
        return " date 2020-01-04 Loading...\n\noriginal event\n\nRelated Content\n\nPlease visit original link if the content is unavailable…\n"
    return "\r\n".join(rng.choice(["line one", "“quoted,” he said", "\r", "", "Loading..."]) for _ in range(rng.randint(1, 60)))


HTML_TEMPLATE = """<!doctype html><html><head><title>{title}</title><script>document.write("<p>“Injected,” said Nobody.</p>")</script>
<style>p{{color:red}}</style></head><body><nav class="menu"><li>Home</li></nav><!-- <p>“Commented,” said Ghost.</p> -->
<iframe src="x">“Framed,” said an ad.</iframe><article>{body}</article><footer>©</footer></body></html>"""


def html_page(text: str) -> str:
    paragraphs = "".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>" for p in text.split("\n\n") if p.strip())
    return HTML_TEMPLATE.format(title="A &amp; B &#8220;page&#8221;", body=paragraphs)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"').replace("—", "-").replace("’", "'").replace("…", "...")
    return text.encode(encoding, errors="strict")


def mixed_endings(text: str, rng: random.Random) -> str:
    return re.sub(r"\n", lambda _m: rng.choice(["\n", "\r\n", "\r"]), text)


def generate(root: Path, n_files: int, rng: random.Random, batches: int) -> tuple[dict[str, str], list[Path]]:
    """Write the files; return {marker: expected quote} of the planted good articles and the batch folders."""
    planted: dict[str, str] = {}
    folders = [root / f"batch{b}" for b in range(batches)]
    counter = 0

    def name() -> str:
        nonlocal counter
        counter += 1
        return f"f{counter:05d}"

    def plant(folder: Path) -> None:
        marker = f"fz{len(planted):05d}"
        text = good_article(marker, rng)
        planted[marker] = f"Marker {marker} stands firm,"
        style = rng.randrange(6)
        if style == 0:
            (folder / f"{name()}.txt").write_bytes(encode(text, rng.choice(ENCODINGS)))
        elif style == 1:
            (folder / f"{name()}.txt").write_bytes(mixed_endings(text, rng).encode("utf-8"))
        elif style == 2:
            (folder / f"{name()}.html").write_bytes(encode(html_page(text), rng.choice(["utf-8", "utf-8-sig", "cp1252"])))
        elif style == 3:
            lines = [json.dumps({"id": f"rec-{marker}", "text": text, "outlet": "Fuzz Wire"})]
            lines += ["{broken", "[" * 5000, json.dumps({"id": "x"}), json.dumps("just a string")]
            rng.shuffle(lines)
            (folder / f"{name()}.jsonl").write_text("\n".join(lines), encoding="utf-8")
        elif style == 4:
            sub = folder / rng.choice(["ap", "reuters", "afp"])
            sub.mkdir(exist_ok=True)
            (sub / "story.txt").write_bytes(text.encode("utf-8")) if not (sub / "story.txt").exists() else \
                (sub / f"{name()}.txt").write_bytes(text.encode("utf-8"))
        else:
            (folder / f"{name()}.json").write_text(json.dumps({"id": f"doc-{marker}", "text": text}), encoding="utf-8")

    def hostile(folder: Path) -> None:
        kind = rng.randrange(16)
        path = folder / f"{name()}"
        if kind == 0:
            path.with_suffix(".txt").write_bytes(rng.choice([b"", b"   \n\r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE]))
        elif kind == 1:
            magic = rng.choice([b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\x7fELF", b"\x1f\x8b\x08", b""])
            path.with_suffix(rng.choice([".txt", ".html", ".json"])).write_bytes(magic + rng.randbytes(rng.randint(10, 20000)))
        elif kind == 2:
            path.with_suffix(".txt").write_bytes(encode(hostile_text(rng), rng.choice(["utf-8", "utf-16", "utf-8-sig"])))
        elif kind == 3:
            path.with_suffix(".html").write_text(html_page(hostile_text(rng)) if rng.random() < 0.5 else
                                                 "<div>" * rng.randint(1, 5000) + hostile_text(rng) + "<script>x</script>",
                                                 encoding="utf-8")
        elif kind == 4:
            lines = [rng.choice(["{", "}", "null", "[1,2]", '{"text": 5}', '{"id": null, "text": ""}', "\x00\x01",
                                 json.dumps({"id": "r", "text": hostile_text(rng)}), "[" * 3000, '"\\ud800"'])
                     for _ in range(rng.randint(1, 20))]
            path.with_suffix(".jsonl").write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        elif kind == 5:
            path.with_suffix(".json").write_bytes(rng.choice([b"{", b"[]", b"null", b'{"text": null}', b"[" * 50000,
                                                              rng.randbytes(200)]))
        elif kind == 6 and rng.random() < 0.05:
            with open(path.with_suffix(".txt"), "wb") as fh:
                fh.truncate(rng.choice([50 * 10**6, 10**9]))
        elif kind == 7:
            # random mix: good-looking text with a binary chunk inside
            path.with_suffix(".txt").write_bytes(b"Some words " * 20 + rng.randbytes(rng.randint(1, 4000)) + b" more words")
        elif kind == 8:
            path.with_suffix(".txt").write_bytes(hostile_text(rng).encode("utf-8", "replace") + b"\x93quoted\x94 \xe9")
        elif kind == 9:
            weird = rng.choice(["new\nline", "esc\x1b[31m", "tab\tname", "space name ", "ünï cødé", "'; rm -rf ~"])
            (folder / f"{weird}{counter}.txt").write_bytes(hostile_text(rng).encode("utf-8"))
        elif kind == 10:
            (folder / f"{name()}.txt").write_bytes(rng.randbytes(rng.randint(1, 3000)))
        elif kind == 11:
            path.with_suffix(".htm").write_bytes(rng.randbytes(rng.randint(1, 500)) + b"<p>text</p>")
        elif kind == 12:
            path.with_suffix(".txt").write_text("\u202e\u2066 bidi " + "\u200b" * 100 + hostile_text(rng), encoding="utf-8")
        elif kind == 13:
            path.with_suffix(".txt").write_bytes(("word " * (1_000_001 // 5 + 10)).encode())  # over the character limit
        else:
            path.with_suffix(".txt").write_bytes(encode(hostile_text(rng), "utf-16-le"))

    for i in range(n_files):
        folder = folders[i % batches]
        folder.mkdir(parents=True, exist_ok=True)
        if rng.random() < 0.2:
            plant(folder)
        else:
            hostile(folder)
    for folder in folders:
        # a metadata.csv per batch: duplicated/missing/reordered columns, rows naming files that do not exist
        header = rng.choice(["file,outlet,date,title", "title,file,outlet,outlet,extra", "outlet;file;date", "name,outlet", ""])
        rows = [f"{p.name},Outlet {i},2020-01-0{i % 9 + 1},T" for i, p in enumerate(sorted(folder.glob("*.txt"))[:30])]
        rows += ["ghost.txt,Nowhere,,", "f99999.txt,Missing,,", ",no file,,", '"unclosed,quote']
        (folder / "metadata.csv").write_text("\n".join([header] + rows), encoding="utf-8")
    return planted, folders


def all_files(folders: list[Path]) -> list[Path]:
    return [p for f in folders for p in sorted(f.rglob("*")) if p.is_file() and p.name != "metadata.csv"]


def run_cli(folders: list[Path], work: Path, planted: dict[str, str]) -> dict:
    crashes, rejected_lines, found_quotes, read_articles_n = 0, [], set(), 0
    store = work / "store"
    for b, folder in enumerate(folders):
        out = work / f"claims{b}.jsonl"
        result = subprocess.run([sys.executable, "-m", "extract", str(folder), "--out", str(out), "--store", str(store)],
                                cwd=REPO, capture_output=True, text=True, timeout=3600)
        if result.returncode not in (0, 1) or "Traceback" in result.stderr:
            crashes += 1
            print(f"CRASH in batch {b}: exit {result.returncode}\n{result.stderr[-3000:]}", file=sys.stderr)
        rejected_lines += [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
        m = re.search(r"^(\d+) articles", result.stderr, re.MULTILINE)
        read_articles_n += int(m.group(1)) if m else 0
        if out.exists():
            for line in out.read_text(encoding="utf-8").split("\n"):
                if line:
                    found_quotes.add(json.loads(line)["quote"])
    lost = [m for m, q in planted.items() if q not in found_quotes]
    return {"crashes": crashes, "rejected": rejected_lines, "articles": read_articles_n, "lost": lost}


def run_uploads(files: list[Path], planted: dict[str, str], work: Path) -> dict:
    """The app's own upload path (pages/corpus.py): explorer.uploads.save_uploads checks
    type and size on the server and writes a content-named folder, which extract.ingest
    then reads with every check a folder on disk gets."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from explorer.uploads import save_uploads
    from extract.ingest import MAX_UPLOAD_BYTES, read_articles
    from extract.store import Store

    def read_upload(name: str, data: bytes):
        folder, refused = save_uploads([(name, data)], root=work / "uploads")
        if folder is None:
            return [], refused
        got, errors = read_articles([folder])
        return got, refused + errors

    crashes, rejected, articles, silent = 0, 0, [], 0
    for path in files:
        size = path.stat().st_size
        # The browser would refuse these; the server sees at most one byte more than the limit.
        data = path.read_bytes() if size <= MAX_UPLOAD_BYTES else b"x" * (MAX_UPLOAD_BYTES + 1)
        try:
            got, errors = read_upload(path.name, data)
        except Exception as exc:  # noqa: BLE001 - counting what escapes is the point
            crashes += 1
            print(f"UPLOAD CRASH {path.name}: {exc!r}", file=sys.stderr)
            continue
        rejected += bool(errors) and not got
        silent += not got and not errors
        articles.extend(got)
    with Store(work / "upload-store") as store:
        corpus = store.extract(articles)
    found = set(corpus.claims["quote"])
    lost = [m for m, q in planted.items() if q not in found]
    return {"crashes": crashes, "rejected": rejected, "silent": silent, "articles": len(articles), "lost": lost}


def quote_scaling() -> list[tuple[int, float]]:
    from extract import Article, extract_articles

    extract_articles([Article("warm", "“Warm,” he said.")])
    times = []
    for n in (500, 1000, 2000, 4000):
        text = "\n\n".join(f"“Point number {i} stands,” said Senator Jane Doe." for i in range(n))
        start = time.perf_counter()
        claims = extract_articles([Article("many", text)]).claims
        times.append((n, time.perf_counter() - start, len(claims)))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batches", type=int, default=6)
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    parser.add_argument("--no-scaling", action="store_true")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="claimscope-fuzz-"))
    try:
        planted, folders = generate(work / "files", args.files, rng, args.batches)
        files = all_files(folders)
        kinds = Counter(p.suffix.lower() or "(none)" for p in files)
        print(f"files: {len(files)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}) "
              f"+ {len(folders)} metadata.csv; planted good articles: {len(planted)}")

        start = time.perf_counter()
        cli = run_cli(folders, work, planted)
        rejected_files = {line.split(": ")[0].removeprefix("skipped ").split(":")[0] for line in cli["rejected"]}
        print(f"CLI ({len(folders)} batches, {time.perf_counter() - start:.0f} s): crashes: {cli['crashes']}, "
              f"stderr lines: {len(cli['rejected'])}, files with a reason line (bad file, bad line or metadata row): {len(rejected_files)}, "
              f"articles read: {cli['articles']}, good articles lost: {len(cli['lost'])}")

        start = time.perf_counter()
        up = run_uploads(files, planted, work)
        print(f"upload ({time.perf_counter() - start:.0f} s): crashes: {up['crashes']}, files rejected with a reason: "
              f"{up['rejected']}, files neither read nor rejected: {up['silent']}, articles read: {up['articles']}, "
              f"good articles lost: {len(up['lost'])}")
        if cli["lost"] or up["lost"]:
            print(f"lost markers: {sorted(set(cli['lost']) | set(up['lost']))[:20]}")
        if not args.no_scaling:
            rows = quote_scaling()
            base_n, base_t, _ = rows[0]
            print("quotes in one article -> seconds (x time per quote vs 500): " + ", ".join(
                f"{n}: {t:.2f} s ({(t / n) / (base_t / base_n):.1f}x, {c} claims)" for n, t, c in rows))
        ok = cli["crashes"] == 0 and up["crashes"] == 0 and not cli["lost"] and not up["lost"]
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
