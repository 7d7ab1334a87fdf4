"""Read articles from files and folders: .txt, .html/.htm, .json/.jsonl, with metadata.csv.

Every reader returns `Article` records whose `text` is the article text exactly as the
extractor indexes it: for .txt the decoded file, for HTML the extracted article text, for
JSON the record's `text` field. Problems with one input never stop the others: they are
collected as `InputError`s (path and reason) and the caller decides how to report them.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
METADATA_NAME = "metadata.csv"
# Files above this size are refused before they are read: no news article is this long,
# and reading a scraper's 1 GB dump into memory would take the whole app down.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class Article:
    article_id: str
    text: str
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class InputError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class InputProblem(Exception):
    """A user's input that cannot be read; its message is shown as is."""


# --- decoding -------------------------------------------------------------------------

def decode_bytes(raw: bytes) -> str:
    """Decode article bytes: BOMs first, then strict UTF-8, then a detected legacy codec.

    A UTF-8 BOM is kept as U+FEFF so that offsets match a plain UTF-8 read of the file.
    """
    if not raw:
        return ""
    if raw.startswith(codecs.BOM_UTF32_LE) or raw.startswith(codecs.BOM_UTF32_BE):
        return raw.decode("utf-32")
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        # UTF-16 without a BOM is rare but real (Windows exports): every other byte is NUL.
        sample = raw[:4096]
        if sample[1::2].count(0) > len(sample) // 4:
            return raw.decode("utf-16-le", errors="strict")
        if sample[0::2].count(0) > len(sample) // 4:
            return raw.decode("utf-16-be", errors="strict")
        raise InputProblem("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 is what Western newsroom tools write; it maps 0x93/0x94 to curly quotes,
    # which latin-1 would turn into control characters.
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls > max(8, len(sample) // 50)


def read_text_file(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputProblem(f"file is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MiB limit for one article")
    text = decode_bytes(path.read_bytes())
    if looks_binary(text):
        raise InputProblem("binary file, not text")
    return text


# --- HTML -----------------------------------------------------------------------------

_BLOCK_TAGS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption"
_DROP_TAGS = ["script", "style", "noscript", "iframe", "nav", "header", "footer", "aside",
              "form", "svg", "button", "template", "object", "embed"]


def html_to_text(html: str) -> tuple[str, str | None]:
    """Article text (paragraphs separated by blank lines) and <title> of an HTML page."""
    from selectolax.parser import HTMLParser

    tree = HTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node else None
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    paragraphs: list[str] = []
    if root is not None:
        for node in root.css(_BLOCK_TAGS):
            # Nested blocks (a <p> inside a <blockquote>) are read once, at the innermost level.
            if node.css_first(_BLOCK_TAGS) is not None and node.tag in ("blockquote", "li"):
                continue
            chunk = re.sub(r"\s+", " ", node.text(separator=" ")).strip()
            if chunk:
                paragraphs.append(chunk)
        if not paragraphs:
            chunk = re.sub(r"[ \t]+", " ", root.text(separator="\n")).strip()
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n+", chunk) if p.strip()]
    return "\n\n".join(paragraphs), (title or None)


# --- metadata -------------------------------------------------------------------------

METADATA_FIELDS = ("outlet", "date", "title", "url")


def read_metadata(path: Path, errors: list[InputError]) -> dict[str, dict]:
    """metadata.csv rows keyed by file name; bad rows are reported and skipped."""
    try:
        text = read_text_file(path).lstrip("\ufeff")
    except (OSError, InputProblem, UnicodeError) as exc:
        errors.append(InputError(str(path), f"metadata not read: {exc}"))
        return {}
    rows: dict[str, dict] = {}
    try:
        reader = csv.DictReader(io.StringIO(text))
        fieldnames = [(f or "").strip().lower() for f in (reader.fieldnames or [])]
        if "file" not in fieldnames:
            errors.append(InputError(str(path), "metadata has no 'file' column; ignored"))
            return {}
        reader.fieldnames = fieldnames
        for lineno, row in enumerate(reader, start=2):
            name = (row.get("file") or "").strip()
            if not name:
                errors.append(InputError(f"{path}:{lineno}", "metadata row without a file name; skipped"))
                continue
            clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
            if name in rows:
                errors.append(InputError(f"{path}:{lineno}", f"duplicate metadata row for {name}; the first one is kept"))
                continue
            rows[name] = clean
    except csv.Error as exc:
        errors.append(InputError(str(path), f"metadata is not valid CSV: {exc}"))
    return rows


def _apply_metadata(article: Article, meta: dict | None) -> Article:
    if not meta:
        return article
    for key in METADATA_FIELDS:
        value = meta.get(key)
        if value:
            setattr(article, key, value)
    for key, value in meta.items():
        if key not in METADATA_FIELDS and key != "file" and value not in (None, ""):
            article.extra[key] = value
    return article


# --- readers --------------------------------------------------------------------------

def _record_to_article(record: object, fallback_id: str, path: str) -> Article:
    if not isinstance(record, dict):
        raise InputProblem("record is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputProblem("record has no 'text' string")
    article_id = record.get("id", fallback_id)
    article = Article(article_id=str(article_id), text=text, path=path)
    for key in METADATA_FIELDS:
        value = record.get(key)
        if value not in (None, ""):
            setattr(article, key, str(value))
    for key, value in record.items():
        if key not in METADATA_FIELDS and key not in ("id", "text"):
            article.extra[key] = value
    return article


def read_json_file(path: Path, errors: list[InputError]) -> Iterator[Article]:
    text = read_text_file(path).lstrip("\ufeff")
    if path.suffix.lower() == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield _record_to_article(json.loads(line), f"{path.stem}-{lineno}", f"{path}:{lineno}")
            except (json.JSONDecodeError, InputProblem) as exc:
                errors.append(InputError(f"{path}:{lineno}", f"bad JSON line skipped: {exc}"))
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputProblem(f"not valid JSON: {exc}") from None
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        try:
            yield _record_to_article(record, path.stem if len(records) == 1 else f"{path.stem}-{i}", str(path))
        except InputProblem as exc:
            errors.append(InputError(f"{path}[{i}]", f"record skipped: {exc}"))


def read_article_file(path: Path, errors: list[InputError]) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        yield from read_json_file(path, errors)
        return
    text = read_text_file(path)
    title = None
    if suffix in (".html", ".htm"):
        text, title = html_to_text(text)
    if not text.strip():
        raise InputProblem("empty file: no article text")
    yield Article(article_id=path.stem, text=text, title=title, path=str(path))


def iter_input_files(inputs: Iterable[str | Path], errors: list[InputError]) -> Iterator[Path]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            if path.name == METADATA_NAME:
                continue
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                errors.append(InputError(str(path), f"unsupported file type '{path.suffix}'; expected one of {', '.join(sorted(ARTICLE_SUFFIXES))}"))
                continue
            yield path
        else:
            errors.append(InputError(str(path), "no such file or folder"))


def read_articles(inputs: Iterable[str | Path]) -> tuple[list[Article], list[InputError]]:
    """Read every article under `inputs`; return the articles and the per-file errors."""
    errors: list[InputError] = []
    articles = list(iter_articles(inputs, errors))
    return articles, errors


def iter_articles(inputs: Iterable[str | Path], errors: list[InputError]) -> Iterator[Article]:
    """The articles of read_articles, one at a time (a large corpus is never all in memory);
    per-file problems are appended to `errors` as they are met."""
    metadata_by_dir: dict[Path, dict[str, dict]] = {}
    seen_ids: dict[str, str] = {}
    for path in iter_input_files(inputs, errors):
        folder = path.parent
        if folder not in metadata_by_dir:
            meta_path = folder / METADATA_NAME
            metadata_by_dir[folder] = read_metadata(meta_path, errors) if meta_path.is_file() else {}
        try:
            for article in read_article_file(path, errors):
                if path.suffix.lower() not in (".json", ".jsonl"):
                    _apply_metadata(article, metadata_by_dir[folder].get(path.name))
                # Two files with the same name in different folders are two articles.
                if article.article_id in seen_ids and seen_ids[article.article_id] != article.path:
                    article.article_id = _unique_id(article, seen_ids)
                seen_ids[article.article_id] = article.path or ""
                yield article
        except InputProblem as exc:
            errors.append(InputError(str(path), str(exc)))
        except (OSError, UnicodeError) as exc:
            errors.append(InputError(str(path), f"cannot read: {exc.__class__.__name__}: {exc}"))
    for folder, rows in metadata_by_dir.items():
        for name in rows:
            if not (folder / name).exists():
                errors.append(InputError(str(folder / METADATA_NAME), f"metadata names {name}, which does not exist"))


def _unique_id(article: Article, seen: dict[str, str]) -> str:
    parent = Path(article.path or "").parent.name or "dup"
    candidate = f"{parent}/{article.article_id}"
    n = 2
    while candidate in seen:
        candidate = f"{parent}/{article.article_id}~{n}"
        n += 1
    return candidate
