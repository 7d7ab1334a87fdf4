"""Read articles from files, folders and uploads: .txt, .html/.htm, .json/.jsonl, metadata.csv.

Every reader returns `Article` records whose `text` is the article text exactly as the
extractor indexes it: for .txt the decoded file, for HTML the extracted article text, for
JSON the record's `text` field. Problems with one input never stop the others: they are
collected as `InputError`s (path and reason, one line each) and the caller decides how to
report them. Nothing a user can put in a file raises out of `read_articles`,
`iter_articles` or `read_uploads`.

Size limits (why these numbers):
- MAX_ARTICLE_CHARS = 1,000,000 characters of article text: spaCy refuses longer texts
  (`Language.max_length`), and the longest real article we have seen is ~140,000
  (PolNeAR), so a text past this is a dump or a scraper loop, not an article.
- MAX_FILE_BYTES = 10 MiB for one article file (.txt, .html, one JSONL line): a saved news
  page with its inline scripts and styles is 0.1-3 MB, and 10 MiB decodes to at most
  ~40 MB of str, so a bad file cannot take a worker's memory. Checked on the file's size
  before anything is read (a 1 GB file costs a stat, not a read).
- MAX_TABLE_BYTES = 64 MiB for files read whole that hold many articles or rows: a .json
  array, metadata.csv (json.loads needs several times the file's size in memory).
- MAX_COLLECTION_BYTES = 256 MiB for a .jsonl file: it is read one line at a time.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
METADATA_NAME = "metadata.csv"

MAX_ARTICLE_CHARS = 1_000_000
MAX_FILE_BYTES = 10 * 2**20
MAX_TABLE_BYTES = 64 * 2**20
MAX_COLLECTION_BYTES = 256 * 2**20


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


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(value: str) -> str:
    """One line, no terminal escapes or bidi overrides: control characters become \\xNN."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


@dataclass
class InputError:
    """A problem met reading the inputs. `skipped`: the file, line or row was left out; else
    it was read and the reason says what was done about the problem (a duplicate metadata
    row ignored, a date that is not one dropped)."""
    path: str
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{printable(self.path)}: {printable(self.reason)}"

    @property
    def label(self) -> str:
        """How the command line opens its line for it: `skipped` or `warning`."""
        return "skipped" if self.skipped else "warning"


class InputProblem(Exception):
    """A user's input that cannot be read; its message is shown as is."""


def _size(n: int) -> str:
    return f"{n / 2**30:.1f} GiB" if n >= 2**30 else f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n:,} bytes"


def _check_size(n: int, limit: int, what: str) -> None:
    if n > limit:
        raise InputProblem(f"file too large: {_size(n)}, over the {_size(limit)} limit for {what}; not read")


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_str(value: str) -> str:
    """A str that can be written as UTF-8: lone surrogates (undecodable file names, JSON
    "\\ud800" escapes) become U+FFFD, one character for one, so offsets do not move."""
    return _SURROGATE.sub("\ufffd", value)


# --- decoding -------------------------------------------------------------------------

# Binary formats editors drop into an article folder by mistake, by their first bytes.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", None),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document (save it as plain text)"),
)


def _signature(raw: bytes) -> str | None:
    for magic, kind in _SIGNATURES:
        if kind and raw.startswith(magic):
            return kind
    return None


def _legacy_byte(exc: UnicodeDecodeError) -> tuple[str, int]:
    # A byte that is not UTF-8 is read as cp1252 (what Western newsroom tools write: 0x93
    # and 0x94 are curly quotes), and as latin-1 for the five bytes cp1252 leaves undefined.
    # One byte at a time, so a UTF-8 file with a few stray cp1252 quotes keeps both.
    byte = exc.object[exc.start:exc.start + 1]
    try:
        return byte.decode("cp1252"), exc.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), exc.start + 1


codecs.register_error("claimscope_legacy", _legacy_byte)

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def looks_binary(text: str) -> bool:
    """Many control characters (other than tabs, line and page breaks): not text."""
    if not text:
        return False
    controls = len(_CONTROL.findall(text, 0, 1 << 16))
    return controls > max(8, min(len(text), 1 << 16) // 100)


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(raw: bytes) -> bool:
    """More well-formed UTF-8 sequences than stray high bytes: UTF-8 with a few bad bytes."""
    sample = raw[:1 << 16]
    sequences = _UTF8_SEQUENCE.findall(sample)
    stray = sum(1 for b in sample if b >= 0x80) - sum(len(s) for s in sequences)
    return len(sequences) >= stray


def _mostly_non_latin(raw: bytes) -> bool:
    """Most letters outside ASCII: a non-Western legacy code page (cp1251, Greek, ...),
    not cp1252, where accented letters are a few percent of an English or French text."""
    high = sum(1 for b in raw[:1 << 16] if b >= 0x80)
    letters = sum(1 for b in raw[:1 << 16] if b >= 0x80 or 0x41 <= (b | 0x20) - 0x20 <= 0x5A or 0x61 <= b <= 0x7A)
    return letters > 0 and high / letters > 0.3


def decode_bytes(raw: bytes) -> str:
    """Article bytes to text: a BOM decides (UTF-8/16/32, the BOM dropped), else UTF-8, with
    any byte that is not UTF-8 read as cp1252; UTF-16 without a BOM is recognised by its
    NULs; a file that is mostly non-ASCII and not UTF-8 goes to charset-normalizer.
    Binary content raises InputProblem."""
    if not raw:
        return ""
    kind = _signature(raw)
    if kind:
        raise InputProblem(f"binary file ({kind}), not text")
    text = None
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputProblem(f"starts with a {codec.upper()} byte-order mark but is not {codec.upper()} "
                                   f"(bad bytes at offset {exc.start})") from None
            break
    if text is None:
        sample = raw[:1 << 16]
        nuls = sample.count(0)
        if nuls > len(sample) // 100:
            # UTF-16 without a BOM (Windows exports): every other byte is NUL in English text.
            for codec, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
                if zeros.count(0) > len(zeros) * 0.4 and len(raw) % 2 == 0:
                    try:
                        text = raw.decode(codec)
                    except UnicodeDecodeError:
                        text = None
                    break
            if text is None:
                raise InputProblem("binary file (contains NUL bytes), not text")
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = None
                if not _mostly_utf8(raw) and _mostly_non_latin(raw):
                    text = _detected(raw)
                if text is None:
                    text = raw.decode("utf-8", errors="claimscope_legacy")
    if looks_binary(text):
        raise InputProblem("binary file (control characters), not text")
    return text


def _detected(raw: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - pinned in requirements.txt
        return None
    best = from_bytes(raw[:1 << 20]).best()
    if best is None or not best.encoding:
        return None
    try:
        return raw.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _check_text(text: str) -> str:
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputProblem(f"article text too long: {len(text):,} characters, over the "
                           f"{MAX_ARTICLE_CHARS:,}-character limit for one article")
    if not text.strip():
        raise InputProblem("empty file: no article text")
    return text


def read_text_file(path: Path, limit: int = MAX_FILE_BYTES, what: str = "one article file") -> str:
    _check_size(path.stat().st_size, limit, what)
    with open(path, "rb") as fh:
        # Read at most one byte past the limit: a file that grows after the stat is still bounded.
        raw = fh.read(limit + 1)
    _check_size(len(raw), limit, what)
    return decode_bytes(raw)


# --- HTML -----------------------------------------------------------------------------

_DROP_TAGS = ["script", "style", "noscript", "iframe", "frame", "frameset", "nav", "header", "footer",
              "aside", "form", "svg", "math", "button", "template", "object", "embed", "canvas", "video",
              "audio", "select", "input", "textarea", "dialog", "menu", "head"]
# Page furniture that is not the article, by role or class/id word (menus, share bars,
# related-links boxes, cookie banners, ads, newsletter sign-ups, comments).
_FURNITURE_WORDS = ("menu", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "share", "social",
                    "related", "newsletter", "subscribe", "cookie", "cookies", "consent", "advert",
                    "advertisement", "ad", "ads", "promo", "sidebar", "comments", "comment", "footer",
                    "header", "masthead", "skip-link", "sr-only", "visually-hidden", "paywall")
_FURNITURE_SELECTORS = ["[hidden]", "[aria-hidden=true]", "[role=navigation]", "[role=banner]",
                        "[role=contentinfo]", "[role=complementary]", "[role=dialog]", "[role=alert]"] + [
    f"[{attr}~={word}]" for attr in ("class", "id") for word in _FURNITURE_WORDS]
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WS = re.compile(r"\s+")


def _parser():
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            node = tree.css_first(f'meta[{attr}="{name}"]')
            value = (node.attributes.get("content") or "").strip() if node is not None else ""
            if value:
                return _WS.sub(" ", value)
    return None


def read_html(html: str) -> tuple[str, dict]:
    """Article text (paragraphs separated by blank lines) and what the page says about
    itself: title, outlet (og:site_name), date (article:published_time), url (canonical)."""
    tree = _parser()(html)
    info: dict[str, str | None] = {}
    title_node = tree.css_first("title")
    title = _meta(tree, "og:title", "twitter:title") or (_WS.sub(" ", title_node.text()).strip() if title_node else None)
    site = _meta(tree, "og:site_name", "application-name")
    if title and site:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(sep + site):
                title = title[: -len(sep + site)].strip()
    published = _meta(tree, "article:published_time", "datePublished", "pubdate", "date", "dc.date")
    date = None
    if published:
        m = re.match(r"\d{4}-\d{2}-\d{2}", published)
        date = m.group() if m else None
    canonical = tree.css_first('link[rel="canonical"]')
    url = (canonical.attributes.get("href") or None) if canonical is not None else None
    info.update(title=title or None, outlet=site, date=date, url=url or _meta(tree, "og:url"))

    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for selector in _FURNITURE_SELECTORS:
        for node in tree.css(selector):
            if node.tag not in ("html", "body", "article", "main"):
                node.decompose()
    for node in tree.css("[style]"):
        if _HIDDEN_STYLE.search(node.attributes.get("style") or "") and node.tag not in ("html", "body"):
            node.decompose()
    for node in tree.css("br"):
        node.replace_with("\n")
    root = tree.css_first("article") or tree.css_first("main") or tree.css_first("[role=main]") or tree.body or tree.root
    paragraphs: list[str] = []
    if root is not None:
        _collect_paragraphs(root, paragraphs)
    return "\n\n".join(paragraphs), info


# Elements that flow inside a paragraph; every other element starts a new one.
_INLINE_TAGS = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
                "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
                "wbr", "ins", "del", "big", "tt", "strike", "nobr", "label", "-text"}
# Deeper than this (hostile pages nest thousands of levels), a subtree is read as one block.
_MAX_DEPTH = 150


def _collect_paragraphs(root, paragraphs: list[str]) -> None:
    """Paragraphs in document order: runs of text and inline elements between block
    elements, split at line breaks, white space collapsed."""
    buffer: list[str] = []

    def flush() -> None:
        for line in "".join(buffer).split("\n"):
            chunk = _WS.sub(" ", line).strip()
            if chunk:
                paragraphs.append(chunk)
        buffer.clear()

    def walk(node, depth: int) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag in ("-comment", "_comment", "!doctype", "-doctype"):
                continue
            if tag in _INLINE_TAGS:
                buffer.append(child.text(deep=True, separator="") or "")
            elif depth >= _MAX_DEPTH:
                flush()
                buffer.append(child.text(deep=True, separator="\n") or "")
                flush()
            else:
                flush()
                walk(child, depth + 1)
                flush()

    walk(root, 0)
    flush()


def html_to_text(html: str) -> tuple[str, str | None]:
    """Article text (paragraphs separated by blank lines) and the page's title."""
    text, info = read_html(html)
    return text, info.get("title")


# --- metadata -------------------------------------------------------------------------

METADATA_FIELDS = ("outlet", "date", "title", "url")


def _metadata_rows(text: str, label: str, errors: list[InputError]) -> dict[str, dict]:
    """metadata.csv rows keyed by file name; bad rows and columns are reported and skipped."""
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in many locales save with ';' (or tabs); the header says which.
    delimiter = max((",", ";", "\t", "|"), key=lambda d: (first_line.count(d), d == ","))
    rows: dict[str, dict] = {}
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = next(reader, None)
        if not header:
            errors.append(InputError(label, "metadata is empty; ignored"))
            return {}
        columns = [unicodedata.normalize("NFKC", h).strip().lower() for h in header]
        if "file" not in columns:
            errors.append(InputError(label, f"metadata has no 'file' column (columns: {', '.join(columns)[:200]}); ignored"))
            return {}
        first_index: dict[str, int] = {}
        for i, name in enumerate(columns):
            if not name:
                continue
            if name in first_index:
                errors.append(InputError(label, f"metadata column '{name}' appears twice; the first one is used", skipped=False))
                continue
            first_index[name] = i
        for row in reader:
            lineno = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                errors.append(InputError(f"{label}:{lineno}", f"metadata row has {len(row)} fields for {len(columns)} columns; extra fields ignored", skipped=False))
            values = {name: (row[i].strip() if i < len(row) else "") for name, i in first_index.items()}
            name = values.get("file", "")
            if not name:
                errors.append(InputError(f"{label}:{lineno}", "metadata row without a file name"))
                continue
            name = name.replace("\\", "/")
            if name in rows:
                errors.append(InputError(f"{label}:{lineno}", f"duplicate metadata row for {name}; the first one is kept", skipped=False))
                continue
            rows[name] = values
    except csv.Error as exc:
        errors.append(InputError(label, f"metadata is not valid CSV (rows after the error ignored): {exc}"))
    return rows


def read_metadata(path: Path, errors: list[InputError]) -> dict[str, dict]:
    """metadata.csv rows keyed by file name; bad rows are reported and skipped."""
    try:
        text = read_text_file(path, MAX_TABLE_BYTES, "metadata.csv")
    except (OSError, InputProblem, UnicodeError) as exc:
        errors.append(InputError(str(path), f"metadata not read: {exc}"))
        return {}
    return _metadata_rows(text, str(path), errors)


def _metadata_for(rows: dict[str, dict], name: str) -> dict | None:
    """The row naming this file: by its name, else by its name without extension."""
    if name in rows:
        return rows[name]
    stem = Path(name).stem
    return rows.get(stem)


def _check_date(article: Article, errors: list[InputError]) -> None:
    """Warn of a date the app's date filters cannot read (they parse dates as pandas does,
    format="mixed"): the date is kept as written, and the article counts as undated there."""
    if article.date and pd.isna(pd.to_datetime(article.date, errors="coerce", format="mixed")):
        errors.append(InputError(article.path or article.article_id,
                                 f"date '{article.date[:60]}' is not a date the app can read "
                                 "(e.g. 2020-01-03, January 3, 2020); kept as text, undated in date filters",
                                 skipped=False))


def _apply_metadata(article: Article, meta: dict | None) -> Article:
    if not meta:
        return article
    for key in METADATA_FIELDS:
        value = meta.get(key)
        if value:
            setattr(article, key, clean_str(value))
    for key, value in meta.items():
        if key not in METADATA_FIELDS and key != "file" and value not in (None, ""):
            article.extra[key] = value
    return article


# --- readers --------------------------------------------------------------------------

def _field_str(value) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = clean_str(str(value)).strip()
    return text or None


def _record_to_article(record: object, fallback_id: str, path: str) -> Article:
    if not isinstance(record, dict):
        raise InputProblem(f"record is a JSON {type(record).__name__}, not an object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputProblem("record has no 'text' string")
    text = _check_text(clean_str(text))
    article_id = _field_str(record.get("id")) or fallback_id
    article = Article(article_id=article_id, text=text, path=path)
    for key in METADATA_FIELDS:
        value = _field_str(record.get(key))
        if value:
            setattr(article, key, value)
    for key, value in record.items():
        if key not in METADATA_FIELDS and key not in ("id", "text"):
            article.extra[str(key)] = value
    return article


def _json_loads(line: str):
    try:
        return json.loads(line)
    except RecursionError:
        raise InputProblem("JSON nested too deeply") from None
    except (json.JSONDecodeError, ValueError) as exc:
        raise InputProblem(f"not valid JSON: {exc}") from None


def jsonl_lines(text: str) -> list[str]:
    """JSONL records: split at "\n" only. str.splitlines would also split at U+2028, U+0085
    and other separators that JSON writers leave raw inside strings (ensure_ascii=False)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _jsonl_articles(lines: Iterable[tuple[int, str]], label: str, stem: str, errors: list[InputError]) -> Iterator[Article]:
    for lineno, line in lines:
        if not line.strip():
            continue
        try:
            yield _record_to_article(_json_loads(line), f"{stem}-{lineno}", f"{label}:{lineno}")
        except InputProblem as exc:
            errors.append(InputError(f"{label}:{lineno}", f"bad JSON line: {exc}"))


def _wrapped_records(data: object) -> list:
    """The records of a JSON file holding one object: the object itself when it has a text,
    else the one list of objects it wraps (`{"articles": [...]}`, `{"data": [...]}`, as news
    APIs and exports write them)."""
    if isinstance(data, dict) and "text" not in data:
        lists = [value for value in data.values()
                 if isinstance(value, list) and value and all(isinstance(v, dict) for v in value)]
        if len(lists) == 1:
            return lists[0]
        keys = ", ".join(map(str, data))[:200]
        raise InputProblem(f"JSON object has no 'text' string and wraps no one list of records (keys: {keys})")
    return [data]


def _json_articles(text: str, label: str, stem: str, errors: list[InputError]) -> Iterator[Article]:
    data = _json_loads(text.lstrip("\ufeff"))
    records = data if isinstance(data, list) else _wrapped_records(data)
    if not records:
        raise InputProblem("JSON holds an empty list: no article")
    for i, record in enumerate(records):
        try:
            yield _record_to_article(record, stem if len(records) == 1 else f"{stem}-{i}", label if len(records) == 1 else f"{label}[{i}]")
        except InputProblem as exc:
            errors.append(InputError(f"{label}[{i}]", f"bad record: {exc}"))


def _stream_jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Lines of a large JSONL file, one at a time, each bounded by MAX_FILE_BYTES."""
    with open(path, "rb") as fh:
        lineno = 0
        while True:
            raw = fh.readline(MAX_FILE_BYTES + 1)
            if not raw:
                return
            lineno += 1
            if len(raw) > MAX_FILE_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):
                    raw = fh.readline(MAX_FILE_BYTES + 1)
                yield lineno, "\0too-long"
                continue
            if lineno == 1 and raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise InputProblem(f"JSONL over {_size(MAX_FILE_BYTES)} must be UTF-8, not UTF-16")
            try:
                yield lineno, decode_bytes(raw.removeprefix(codecs.BOM_UTF8) if lineno == 1 else raw)
            except InputProblem as exc:
                yield lineno, "\0" + str(exc)


def read_json_file(path: Path, errors: list[InputError]) -> Iterator[Article]:
    label = str(path)
    if path.suffix.lower() == ".jsonl":
        size = path.stat().st_size
        _check_size(size, MAX_COLLECTION_BYTES, "a .jsonl file")
        if size <= MAX_FILE_BYTES:
            text = read_text_file(path, MAX_FILE_BYTES, "a .jsonl file")
            lines = enumerate(jsonl_lines(text), start=1)
        else:
            lines = _stream_jsonl_lines(path)
        found = 0
        for lineno, line in lines:
            if line.startswith("\0"):
                reason = "line too long" if line == "\0too-long" else line[1:]
                errors.append(InputError(f"{label}:{lineno}", f"bad JSON line: {reason}"))
                continue
            for article in _jsonl_articles([(lineno, line)], label, path.stem, errors):
                found += 1
                yield article
        return
    text = read_text_file(path, MAX_TABLE_BYTES, "a .json file")
    if not text.strip():
        raise InputProblem("empty file: no article")
    yield from _json_articles(text, label, path.stem, errors)


def _file_article(text: str, suffix: str, article_id: str, label: str) -> Article:
    info: dict = {}
    if suffix in HTML_SUFFIXES:
        if len(text) > 4 * MAX_ARTICLE_CHARS:
            raise InputProblem(f"HTML page too large: {len(text):,} characters")
        text, info = read_html(text)
        if not text.strip():
            raise InputProblem("no article text in the HTML page")
    text = _check_text(text)
    article = Article(article_id=article_id, text=text, path=label)
    for key in METADATA_FIELDS:
        if info.get(key):
            setattr(article, key, clean_str(info[key]))
    return article


def read_article_file(path: Path, errors: list[InputError]) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        yield from read_json_file(path, errors)
        return
    if path.stat().st_size == 0:
        raise InputProblem("empty file: no article text")
    text = read_text_file(path)
    yield _file_article(text, suffix, clean_str(path.stem), clean_str(str(path)))


def _walk(folder: Path, errors: list[InputError]) -> Iterator[Path]:
    """Article files under a folder, in a stable order; symlinked folders are not followed
    (no loops), hidden files and folders (.git, .claimscope) are skipped."""
    def onerror(exc: OSError) -> None:
        errors.append(InputError(str(getattr(exc, "filename", folder)), f"folder not read: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=onerror, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            child = Path(root) / name
            if child.is_file():
                yield child


def iter_input_files(inputs: Iterable[str | Path], errors: list[InputError]) -> Iterator[Path]:
    seen: set[Path] = set()

    def first_time(path: Path) -> bool:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):
            key = path.absolute()
        if key in seen:
            return False
        seen.add(key)
        return True

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        path = Path(item)
        try:
            if path.is_dir():
                for child in _walk(path, errors):
                    if first_time(child):
                        yield child
            elif path.is_file():
                if path.name.lower() == METADATA_NAME:
                    continue
                if path.suffix.lower() not in ARTICLE_SUFFIXES:
                    errors.append(InputError(str(path), f"unsupported file type '{path.suffix or 'none'}'; "
                                                        f"expected one of {', '.join(sorted(ARTICLE_SUFFIXES))}"))
                    continue
                if first_time(path):
                    yield path
            elif path.exists():
                errors.append(InputError(str(path), "not a regular file or folder"))
            else:
                errors.append(InputError(str(path), "no such file or folder"))
        except OSError as exc:
            errors.append(InputError(str(path), f"cannot read: {exc.strerror or exc}"))


def read_articles(inputs: Iterable[str | Path]) -> tuple[list[Article], list[InputError]]:
    """Read every article under `inputs`; return the articles and the per-file errors."""
    errors: list[InputError] = []
    articles = list(iter_articles(inputs, errors))
    return articles, errors


class _Ids:
    """Article ids made unique: a second `a.txt` in another folder becomes `folder/a`."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def claim(self, article: Article, folder: str) -> None:
        base = article.article_id or "article"
        candidate = base
        if candidate in self.seen and folder:
            candidate = f"{folder}/{base}"
        n = 2
        while candidate in self.seen:
            candidate = f"{folder + '/' if folder else ''}{base}~{n}"
            n += 1
        self.seen.add(candidate)
        article.article_id = candidate


def iter_articles(inputs: Iterable[str | Path], errors: list[InputError]) -> Iterator[Article]:
    """The articles of read_articles, one at a time (a large corpus is never all in memory);
    per-file problems are appended to `errors` as they are met."""
    metadata_by_dir: dict[Path, dict[str, dict]] = {}
    used_names: dict[Path, set[str]] = {}
    ids = _Ids()
    for path in iter_input_files(inputs, errors):
        folder = path.parent
        if folder not in metadata_by_dir:
            meta_path = folder / METADATA_NAME
            try:
                has_meta = meta_path.is_file()
            except OSError:
                has_meta = False
            metadata_by_dir[folder] = read_metadata(meta_path, errors) if has_meta else {}
        try:
            for article in read_article_file(path, errors):
                if path.suffix.lower() not in JSON_SUFFIXES:
                    meta = _metadata_for(metadata_by_dir[folder], path.name)
                    if meta is not None:
                        used_names.setdefault(folder, set()).add(meta.get("file", ""))
                    _apply_metadata(article, meta)
                _check_date(article, errors)
                ids.claim(article, clean_str(folder.name))
                yield article
        except InputProblem as exc:
            errors.append(InputError(str(path), str(exc)))
        except (OSError, UnicodeError, ValueError, RecursionError, MemoryError) as exc:
            errors.append(InputError(str(path), f"cannot read: {exc.__class__.__name__}: {exc}"))
    for folder, rows in metadata_by_dir.items():
        for name in rows:
            if name in used_names.get(folder, ()):
                continue
            try:
                exists = (folder / name).exists()
            except (OSError, ValueError):
                exists = False
            if not exists:
                errors.append(InputError(str(folder / METADATA_NAME), f"metadata names {name}, which does not exist", skipped=False))


# --- uploads --------------------------------------------------------------------------

UPLOAD_SUFFIXES = ARTICLE_SUFFIXES | {".csv"}
# The most an upload of one file may weigh: the largest of the per-type limits above that
# applies to content already in memory (a .jsonl upload is read whole).
MAX_UPLOAD_BYTES = MAX_TABLE_BYTES


def upload_name(name: str) -> str:
    """The file name part of what a browser sent: no folders, no control characters."""
    base = re.split(r"[\\/]", clean_str(name or ""))[-1]
    base = _UNPRINTABLE.sub("_", base).strip(" .")
    return base[:200] or "upload"


def _upload_articles(name: str, data: bytes, errors: list[InputError]) -> list[Article]:
    clean = upload_name(name)
    suffix = Path(clean).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise InputProblem(f"unsupported file type '{suffix or 'none'}'; expected one of "
                           f"{', '.join(sorted(ARTICLE_SUFFIXES))} or {METADATA_NAME}")
    limit = {".jsonl": MAX_UPLOAD_BYTES, ".json": MAX_TABLE_BYTES}.get(suffix, MAX_FILE_BYTES)
    _check_size(len(data), limit, f"a {suffix} upload")
    if not data:
        raise InputProblem("empty file: no article text")
    text = decode_bytes(data)
    stem = Path(clean).stem or "upload"
    if suffix == ".jsonl":
        return list(_jsonl_articles(enumerate(jsonl_lines(text), start=1), clean, stem, errors))
    if suffix == ".json":
        if not text.strip():
            raise InputProblem("empty file: no article")
        return list(_json_articles(text, clean, stem, errors))
    return [_file_article(text, suffix, stem, clean)]


def read_uploads(files: Iterable[tuple[str, bytes]]) -> tuple[list[Article], list[InputError]]:
    """Articles from uploaded (name, bytes) pairs, with the same checks as files on disk
    (type, size, decoding, binary content, JSON, HTML); a metadata.csv among them
    describes the others by file name. Never raises on content."""
    errors: list[InputError] = []
    files = list(files)
    metadata: dict[str, dict] = {}
    for name, data in files:
        if upload_name(name).lower() == METADATA_NAME:
            try:
                _check_size(len(data), MAX_TABLE_BYTES, "metadata.csv")
                metadata = _metadata_rows(decode_bytes(data), upload_name(name), errors)
            except InputProblem as exc:
                errors.append(InputError(upload_name(name), f"metadata not read: {exc}"))
    articles: list[Article] = []
    ids = _Ids()
    for name, data in files:
        clean = upload_name(name)
        if clean.lower() == METADATA_NAME:
            continue
        try:
            found = _upload_articles(name, data, errors)
        except InputProblem as exc:
            errors.append(InputError(clean, str(exc)))
            continue
        except (UnicodeError, ValueError, RecursionError, MemoryError) as exc:
            errors.append(InputError(clean, f"cannot read: {exc.__class__.__name__}: {exc}"))
            continue
        for article in found:
            if Path(clean).suffix.lower() not in JSON_SUFFIXES:
                _apply_metadata(article, _metadata_for(metadata, clean))
            _check_date(article, errors)
            ids.claim(article, "upload")
            articles.append(article)
    return articles, errors


def read_upload(name: str, data: bytes) -> tuple[list[Article], list[InputError]]:
    """Articles of one uploaded file (see read_uploads)."""
    return read_uploads([(name, data)])
