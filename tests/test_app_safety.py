"""Article text shown as written (never as HTML or Markdown syntax) and uploads checked on
the server, whatever the browser let through."""
from __future__ import annotations

import re
import string

from hypothesis import given, settings, strategies as st

from explorer.safe_text import article_markdown, escape_markdown, labelled_segments
from explorer.uploads import MAX_FILE_BYTES, safe_name, save_uploads


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@given(st.text(alphabet=string.printable + "“”‘’é\u00a0<>&", max_size=200))
@settings(max_examples=200, deadline=None)
def test_escaped_text_reads_back_as_the_text(text):
    escaped = escape_markdown(text)
    # No Markdown or HTML mark survives unescaped.
    assert not re.search(r"(?<!\\)[<>\[\]()*_`#:$&!|~]", escaped.replace("\\\\", ""))
    assert unescape(escaped) == re.sub(r"\s+", " ", text)


def test_quote_and_mention_highlighted_across_paragraphs():
    text = "Head\n\n“First part\n\nsecond part,” said Ann <Lee>.\n\nTail"
    q_start, q_end = text.index("First"), text.index(",”")
    m_start = text.index("Ann")
    paragraphs = article_markdown(text, [(q_start, q_end, "quote"), (m_start, m_start + 9, "mention")])
    assert paragraphs[0] == "Head"
    assert paragraphs[1] == "“:orange-background[First part]"
    assert paragraphs[2].startswith(":orange-background[second part]")
    assert ":blue-background[Ann \\<Lee\\>]" in paragraphs[2]
    assert paragraphs[3] == "Tail"


def test_overlapping_marks_do_not_lose_text():
    text = "abcdefghij"
    segments = labelled_segments(text, 0, len(text), [(2, 8, "quote"), (5, 9, "mention")])
    assert "".join(s for s, _ in segments) == text
    assert segments == [("ab", None), ("cde", "quote"), ("fgh", "mention"), ("i", "mention"), ("j", None)]


def test_uploads_are_checked_again_on_the_server(tmp_path):
    files = [
        ("../../etc/passwd.txt", b"Officials said the plan was ready."),
        ("evil.exe", b"MZ\x00\x00"),
        ("big.txt", b"x" * (MAX_FILE_BYTES + 1)),
        ("empty.txt", b""),
        ("METADATA.CSV", b"file,outlet\npasswd.txt,Daily\n"),
        ("a.html", b"<p>Hello</p>"),
        ("a.html", b"<p>Another one</p>"),
    ]
    folder, errors = save_uploads(files, root=tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["a.html", "a~2.html", "metadata.csv", "passwd.txt"]
    assert folder.parent == tmp_path
    refused = {e.path: e.reason for e in errors}
    assert set(refused) == {"evil.exe", "big.txt", "empty.txt"}
    assert "unsupported" in refused["evil.exe"] and "MiB" in refused["big.txt"]
    # The same upload is the same folder (and so the same cached corpus).
    again, _ = save_uploads(list(files), root=tmp_path)
    assert again == folder
    assert save_uploads([("x.pdf", b"%PDF")], root=tmp_path)[0] is None


def test_safe_name_strips_folders_and_odd_characters():
    assert safe_name("..\\..\\a<b>.txt") == "a_b_.txt"
    assert safe_name("/") == "upload"
