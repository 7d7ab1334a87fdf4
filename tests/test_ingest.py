"""Reading articles: encodings, sizes, binary files, HTML, JSON, metadata.csv, uploads."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract import extract_articles
from extract.ingest import (MAX_ARTICLE_CHARS, MAX_COLLECTION_BYTES, MAX_FILE_BYTES, Article, InputError,
                            decode_bytes, html_to_text, read_articles, read_html, read_upload, read_uploads)

REPO = Path(__file__).resolve().parents[1]
CURLY = "“It’s a grave mistake,” said Senator Jane Doe, the committee’s chair. Café naïve — déjà vu."


def one(tmp_path: Path, name: str, data: bytes) -> tuple[list[Article], list[InputError]]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return read_articles([path])


# --- encodings ------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"])
def test_encodings_decode_with_curly_quotes_intact(tmp_path, encoding):
    articles, errors = one(tmp_path, "a.txt", CURLY.encode(encoding))
    assert errors == []
    assert articles[0].text == CURLY


def test_latin1_file_decodes_its_accents():
    text = "Le président a déclaré : « c'est fini », señor. Ñandú, œuvre? No: latin-1 has no œ."
    text = text.replace("œ", "oe")
    assert decode_bytes(text.encode("latin-1")) == text


def test_cp1252_quote_bytes_become_curly_quotes_not_control_characters():
    # 0x93/0x94 are curly quotes in cp1252 and C1 controls in latin-1: cp1252 is the right guess.
    assert decode_bytes(b"\x93Yes,\x94 he said. \x85 \x96 caf\xe9") == "“Yes,” he said. … – café"


def test_utf8_file_with_a_stray_cp1252_byte_keeps_both():
    raw = "“Fine,” she said — naïve.".encode("utf-8") + b" \x93Also\x94"
    assert decode_bytes(raw) == "“Fine,” she said — naïve. “Also”"


def test_non_latin_legacy_code_page_is_detected():
    text = "Президент заявил, что удар был необходим для защиты граждан страны."
    assert decode_bytes(text.encode("cp1251")) == text


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    articles, _ = one(tmp_path, "bom.txt", b"\xef\xbb\xbf" + "Headline\n\nBody text here.".encode())
    assert articles[0].text.startswith("Headline")


def test_mixed_line_endings_keep_offsets_and_find_the_same_claims(tmp_path):
    paras = ['“We will respond,” Defense Secretary Mark Esper said on Friday.',
             "The strike came late on Thursday.",
             '“This was a mistake,” said Abbas Kadhim, the director of the Iraq Initiative.']
    plain = "\n\n".join(paras)
    mixed = paras[0] + "\r\n\r\n" + paras[1] + "\r\r" + paras[2] + "\n"
    articles, errors = one(tmp_path, "mixed.txt", mixed.encode())
    assert errors == [] and articles[0].text == mixed
    got = extract_articles(articles).claims
    want = extract_articles([Article("plain", plain)]).claims
    assert sorted(got["quote"]) == sorted(want["quote"]) and len(got) >= 2
    for row in got.itertuples():
        assert mixed[row.quote_start:row.quote_end] == row.quote


# --- empty, binary, too large -----------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  ", "\ufeff".encode("utf-8")])
def test_empty_files_are_refused_as_empty(tmp_path, data):
    articles, errors = one(tmp_path, "empty.txt", data)
    assert articles == [] and len(errors) == 1 and "empty" in errors[0].reason


@pytest.mark.parametrize("data,kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\x7fELF\x02\x01\x01" + bytes(100), "executable"),
    (bytes(range(256)) * 40, "binary"),
    (bytes((i * 7919) % 251 for i in range(20000)), "binary"),
])
def test_binary_files_renamed_txt_are_refused_with_a_reason(tmp_path, data, kind):
    articles, errors = one(tmp_path, "photo.txt", data)
    assert articles == []
    assert len(errors) == 1 and "binary" in errors[0].reason and kind.lower() in errors[0].reason.lower()


@pytest.mark.parametrize("size", [50 * 10**6, 10**9])
def test_huge_files_are_refused_by_size_without_being_read(tmp_path, monkeypatch, size):
    path = tmp_path / "dump.txt"
    with open(path, "wb") as fh:
        fh.truncate(size)  # sparse: no disk used, and any read would return NULs
    real_open = open

    def no_read(file, mode="r", *args, **kwargs):
        assert Path(file) != path, "the oversize file was opened"
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", no_read)
    articles, errors = read_articles([path])
    assert articles == []
    assert len(errors) == 1 and "too large" in errors[0].reason and "MiB limit" in errors[0].reason


def test_huge_jsonl_is_refused_by_size(tmp_path):
    path = tmp_path / "dump.jsonl"
    with open(path, "wb") as fh:
        fh.truncate(MAX_COLLECTION_BYTES + 1)
    articles, errors = read_articles([path])
    assert articles == [] and "too large" in errors[0].reason


def test_text_longer_than_the_pipeline_accepts_is_refused(tmp_path):
    articles, errors = one(tmp_path, "long.txt", b"word " * (MAX_ARTICLE_CHARS // 5 + 10))
    assert articles == [] and "too long" in errors[0].reason


def test_pipeline_accepts_the_longest_article_ingest_lets_through():
    from extract.pipeline import build_nlp

    assert build_nlp().max_length >= MAX_ARTICLE_CHARS


def test_limit_is_between_real_articles_and_dumps():
    longest = max(p.stat().st_size for p in (REPO.parent / "shared" / "data" / "polnear").rglob("*") if p.is_file())
    assert 10 * longest < MAX_FILE_BYTES < 50 * 10**6


# --- HTML -------------------------------------------------------------------------------

HOSTILE_HTML = """<!doctype html><html><head><title>Strike kills general | The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2020-01-03T10:00:00Z">
<script>document.write("<p>“Injected,” said Nobody.</p>")</script><style>p { color: red }</style></head>
<body><nav class="menu"><ul><li>Home</li><li>World</li></ul></nav>
<div class="share-bar">Share on Facebook</div>
<article><h1>Strike kills general</h1>
<!-- <p>“Commented out,” said Ghost.</p> -->
<p>&ldquo;We acted to stop a war,&rdquo; said President Trump &amp; his aides.<br>Second line</p>
<iframe src="https://ads.example/x">“Framed,” said the ad.</iframe>
<p>Tom &lt;script&gt; is text, not a tag &#8212; and &#x201C;entities&#x201D; decode.</p>
<div hidden>Hidden text</div><aside>Related: more stories</aside>
</article><footer>© The Daily</footer></body></html>"""


def test_html_keeps_article_text_only():
    text, info = read_html(HOSTILE_HTML)
    assert "“We acted to stop a war,” said President Trump & his aides." in text
    assert "Tom <script> is text, not a tag — and “entities” decode." in text
    for clutter in ("Injected", "color", "Home", "Share", "Commented", "Framed", "Hidden", "Related", "©"):
        assert clutter not in text
    assert info["title"] == "Strike kills general" and info["outlet"] == "The Daily" and info["date"] == "2020-01-03"


def test_html_file_becomes_an_article_with_page_metadata(tmp_path):
    articles, errors = one(tmp_path, "page.html", HOSTILE_HTML.encode("utf-8"))
    assert errors == []
    assert articles[0].outlet == "The Daily" and articles[0].title == "Strike kills general"
    claims = extract_articles(articles).claims
    assert "We acted to stop a war," in set(claims["quote"])
    assert not claims["quote"].str.contains("Injected|Framed|Commented").any()


def test_html_to_text_keeps_its_signature():
    text, title = html_to_text("<title>T</title><p>a <b>bold</b> word</p><p>two</p>")
    assert text == "a bold word\n\ntwo" and title == "T"


def test_deeply_nested_html_does_not_raise():
    text, _ = read_html("<div>" * 20000 + "deep text" + "</div>" * 20000)
    assert "deep text" in text


def test_html_without_article_text_is_refused(tmp_path):
    articles, errors = one(tmp_path, "x.html", b"<html><script>alert(1)</script><nav>menu</nav></html>")
    assert articles == [] and "no article text" in errors[0].reason


# --- JSON -------------------------------------------------------------------------------

def test_malformed_json_lines_are_skipped_and_good_ones_kept(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "“One,” she said.", "outlet": "AP"}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "no-text"}),
        "[" * 100000,
        json.dumps({"id": "b", "text": "Two.", "outlet": {"nested": 1}}),
        "",
        json.dumps({"id": "c", "text": "\ud800 lone surrogate"}),
    ]
    articles, errors = one(tmp_path, "batch.jsonl", "\n".join(lines).encode("utf-8"))
    assert [a.article_id for a in articles] == ["a", "b", "c"]
    assert articles[0].outlet == "AP" and articles[1].outlet is None
    assert articles[2].text == "\ufffd lone surrogate"
    assert sorted(e.path.rsplit(":", 1)[1] for e in errors) == ["2", "3", "4", "5"]
    assert all("bad JSON line" in e.reason for e in errors)


def test_jsonl_records_with_raw_line_separators_inside_strings(tmp_path):
    text = "First\u2028second\x85third\x1cfourth “quoted,” he said."
    lines = [json.dumps({"id": "sep", "text": text}, ensure_ascii=False), json.dumps({"id": "next", "text": "Next."})]
    articles, errors = one(tmp_path, "sep.jsonl", "\r\n".join(lines).encode("utf-8"))
    assert errors == [] and [a.text for a in articles] == [text, "Next."]
    articles, errors = read_upload("sep.jsonl", "\n".join(lines).encode("utf-8"))
    assert errors == [] and articles[0].text == text


def test_json_document_with_bad_records(tmp_path):
    data = [{"id": "x", "text": "fine"}, "string", {"text": 5}]
    articles, errors = one(tmp_path, "doc.json", json.dumps(data).encode())
    assert [a.article_id for a in articles] == ["x"] and len(errors) == 2


def test_invalid_json_document_is_one_error(tmp_path):
    articles, errors = one(tmp_path, "doc.json", b'{"id": "x", "text": ')
    assert articles == [] and len(errors) == 1 and "not valid JSON" in errors[0].reason


def test_json_object_wrapping_a_list_of_records(tmp_path):
    data = {"status": "ok", "total": 2, "articles": [{"id": "n1", "text": "First text."}, {"id": "n2", "text": "Second."}]}
    articles, errors = one(tmp_path, "export.json", json.dumps(data).encode())
    assert [a.article_id for a in articles] == ["n1", "n2"] and errors == []


@pytest.mark.parametrize("data", [{"status": "ok"}, {"a": [{"text": "x"}], "b": [{"text": "y"}]}, {"items": [1, 2]}])
def test_json_object_without_text_or_one_list_of_records_is_refused_with_its_keys(tmp_path, data):
    articles, errors = one(tmp_path, "odd.json", json.dumps(data).encode())
    assert articles == [] and len(errors) == 1 and "no 'text'" in errors[0].reason
    assert all(key in errors[0].reason for key in data)


def test_duplicate_record_ids_get_distinct_ids(tmp_path):
    lines = [json.dumps({"id": "same", "text": f"text {i}"}) for i in range(3)]
    articles, _ = one(tmp_path, "d.jsonl", "\n".join(lines).encode())
    assert len({a.article_id for a in articles}) == 3


# --- metadata.csv -----------------------------------------------------------------------

def corpus(tmp_path: Path, metadata: str, files=("a.txt", "b.txt")) -> tuple[list[Article], list[InputError]]:
    for name in files:
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(metadata, encoding="utf-8")
    return read_articles([tmp_path])


def by_id(articles):
    return {a.article_id: a for a in articles}


def test_metadata_reordered_and_extra_columns(tmp_path):
    articles, errors = corpus(tmp_path, "title,desk,file,outlet\nTitle A,World,a.txt,AP\n")
    a = by_id(articles)["a"]
    assert (a.outlet, a.title, a.extra) == ("AP", "Title A", {"desk": "World"}) and errors == []


def test_metadata_missing_columns_and_short_rows(tmp_path):
    articles, errors = corpus(tmp_path, "file,outlet\na.txt\nb.txt,Reuters,extra,fields\n")
    assert by_id(articles)["a"].outlet is None and by_id(articles)["b"].outlet == "Reuters"
    assert len(errors) == 1 and "extra fields" in errors[0].reason


def test_metadata_duplicated_column_and_row(tmp_path):
    articles, errors = corpus(tmp_path, "file,outlet,outlet\na.txt,First,Second\na.txt,Again,Again\n")
    assert by_id(articles)["a"].outlet == "First"
    assert {("twice" in e.reason) or ("duplicate" in e.reason) for e in errors} == {True} and len(errors) == 2


def test_metadata_without_file_column_is_ignored_with_a_reason(tmp_path):
    articles, errors = corpus(tmp_path, "name,outlet\na.txt,AP\n")
    assert len(articles) == 2 and all(a.outlet is None for a in articles)
    assert "no 'file' column" in errors[0].reason


def test_metadata_rows_naming_missing_files_are_reported(tmp_path):
    articles, errors = corpus(tmp_path, "file,outlet\na.txt,AP\nghost.txt,Nowhere\n")
    assert len(articles) == 2
    assert [e.reason for e in errors] == ["metadata names ghost.txt, which does not exist"]


def test_problems_that_leave_the_input_read_are_warnings_not_skips(tmp_path):
    _, errors = corpus(tmp_path, "file,outlet,outlet\na.txt,AP,X\na.txt,Again,Y\nb.txt,Reuters,Z,extra\nghost.txt,Nobody\n")
    assert len(errors) == 4 and not any(e.skipped for e in errors) and {e.label for e in errors} == {"warning"}
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "c.jsonl").write_text('{"id": "c", "text": "Some text."}\n{oops\n', encoding="utf-8")
    _, errors = read_articles([tmp_path / "records"])
    assert [(e.skipped, e.label) for e in errors] == [(True, "skipped")] and "skipped" not in errors[0].reason


@pytest.mark.parametrize("date, readable", [("2021-03-04", True), ("March 4, 2021", True), ("2021-03-04T09:30:00Z", True),
                                            ("2021-13-40", False), ("next Tuesday", False)])
def test_a_date_the_app_cannot_read_is_kept_with_a_warning(tmp_path, date, readable):
    articles, errors = corpus(tmp_path, f'file,date\na.txt,"{date}"\n')
    assert by_id(articles)["a"].date == date                 # kept as written either way
    assert errors == [] if readable else (len(errors) == 1 and not errors[0].skipped and date in errors[0].reason
                                          and errors[0].path.endswith("a.txt"))


def test_a_record_date_the_app_cannot_read_is_reported_too(tmp_path):
    articles, errors = one(tmp_path, "r.jsonl", json.dumps({"id": "r", "text": "Some text.", "date": "31/31/2020"}).encode())
    assert articles[0].date == "31/31/2020" and len(errors) == 1 and "31/31/2020" in errors[0].reason


def test_metadata_with_semicolons_and_cp1252(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_bytes(b"file;outlet;title\na.txt;Le Monde;\x93Cit\xe9e\x94\n")
    articles, errors = read_articles([tmp_path])
    assert (articles[0].outlet, articles[0].title) == ("Le Monde", "“Citée”") and errors == []


def test_metadata_that_is_binary_or_broken_does_not_stop_the_articles(tmp_path):
    articles, errors = corpus(tmp_path, "file,outlet\na.txt,\"never closed\n")
    assert len(articles) == 2
    (tmp_path / "metadata.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    articles, errors = read_articles([tmp_path])
    assert len(articles) == 2 and "metadata not read" in errors[0].reason


# --- files and folders ------------------------------------------------------------------

def test_same_name_in_two_folders_gives_two_articles_with_distinct_ids(tmp_path):
    for folder in ("ap", "reuters"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from {folder}.", encoding="utf-8")
    articles, errors = read_articles([tmp_path])
    assert errors == [] and len(articles) == 2
    assert len({a.article_id for a in articles}) == 2
    assert {a.text for a in articles} == {"Story from ap.", "Story from reuters."}


def test_the_same_file_given_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("Once.", encoding="utf-8")
    articles, _ = read_articles([tmp_path, tmp_path / "a.txt", str(tmp_path / "a.txt")])
    assert len(articles) == 1


def test_symlink_loop_and_odd_names_do_not_hang_or_raise(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub" / "new\nline\x1b[31m.txt").write_text("Odd name.", encoding="utf-8")
    articles, errors = read_articles([tmp_path])
    assert [a.text for a in articles] == ["Odd name."]
    assert "\n" not in str(InputError("a\nb\x1b[31m", "r\ns"))


def test_unsupported_and_missing_inputs_are_reported(tmp_path):
    (tmp_path / "x.docx").write_bytes(b"PK\x03\x04")
    articles, errors = read_articles([tmp_path / "x.docx", tmp_path / "nope"])
    assert articles == [] and ["unsupported" in errors[0].reason, "no such" in errors[1].reason] == [True, True]


# --- uploads ----------------------------------------------------------------------------

def test_upload_has_the_same_checks_as_files():
    articles, errors = read_upload("story.txt", CURLY.encode("cp1252"))
    assert articles[0].text == CURLY and errors == []
    for name, data, reason in [("x.exe", b"MZ", "unsupported"), ("x.txt", b"", "empty"),
                               ("x.txt", b"%PDF-1.4 ...", "binary"), ("x.txt", b"a" * (MAX_FILE_BYTES + 1), "too large"),
                               ("x.json", b"{", "not valid JSON")]:
        articles, errors = read_upload(name, data)
        assert articles == [] and reason in errors[0].reason, (name, errors)


def test_upload_name_cannot_climb_folders_or_break_lines():
    articles, _ = read_upload("../../etc/pa\nss.txt", b"Text.")
    assert articles[0].article_id == "pa_ss" and "/" not in articles[0].path


def test_uploads_with_metadata_and_same_names():
    files = [("metadata.csv", b"file,outlet\na.txt,AP\n"), ("a.txt", b"One."), ("dir/a.txt", b"Two."),
             ("b.jsonl", b'{"id": "r1", "text": "Three."}\nnot json\n')]
    articles, errors = read_uploads(files)
    assert [a.text for a in articles] == ["One.", "Two.", "Three."]
    assert articles[0].outlet == "AP" and len({a.article_id for a in articles}) == 3
    assert len(errors) == 1 and "b.jsonl:2" in str(errors[0])


# --- quotation marks that do not behave -----------------------------------------------

PATHOLOGICAL = {
    "unbalanced": "He said “this is open and ‘nested” and then he left. “Another.\n\n“Third,” he said.”",
    "never_closes": "“This quote never closes " + "and goes on " * 500,
    "nested_both": '“He said ‘she told me “no” twice’ and left,” Smith said. "A \'b "c" d\' e," Jones said.',
    "only_marks": "“”‘’\"\"''«»" * 200,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_quotes_extract_with_consistent_offsets(name):
    text = PATHOLOGICAL[name]
    claims = extract_articles([Article(name, text)]).claims
    for row in claims.itertuples():
        assert text[row.quote_start:row.quote_end] == row.quote
        if row.mention is not None and row.mention == row.mention:
            assert text[int(row.speaker_start):int(row.speaker_end)] == row.mention


def test_thousands_of_quotes_in_one_article_are_all_found():
    n = 1500
    text = "\n\n".join(f"“Point number {i} stands,” said Senator Jane Doe." for i in range(n))
    claims = extract_articles([Article("many", text)]).claims
    assert len(claims) == n
    assert (claims["quote"] == [text[s:e] for s, e in zip(claims["quote_start"], claims["quote_end"])]).all()
