"""Reported speech (extract/reported.py): the constructions it reads and the filters that
keep cue words that introduce nothing from becoming claims."""
from __future__ import annotations

from extract import Article, extract_articles


def indirect_of(sentence: str):
    """Indirect claims of a one-paragraph article (a headline first: it is never searched)."""
    text = "Headline.\n\n" + sentence
    claims = extract_articles([Article(article_id="a", text=text)]).claims
    rows = claims[claims.kind == "indirect"] if not claims.empty else claims
    for row in rows.itertuples():
        assert text[row.quote_start:row.quote_end] == row.quote
        if row.speaker_start is not None and row.speaker_start == row.speaker_start:
            assert text[int(row.speaker_start):int(row.speaker_end)] == row.mention
    return rows


def only(rows):
    assert len(rows) == 1, rows.quote.tolist()
    return rows.iloc[0]


# --- constructions ----------------------------------------------------------------------

def test_cue_without_readable_subject_keeps_its_content():
    row = only(indirect_of("Republican activists clamoring to block the front-runner from the "
                           "nomination say they are in the midst of a sudden fundraising bump."))
    assert row.quote == "they are in the midst of a sudden fundraising bump"


def test_attribution_interrupting_the_content_spans_both_parts():
    row = only(indirect_of("In any case, Mr. Dale said, the golf industry was vastly over-supplied with courses."))
    assert row.quote == "In any case, Mr. Dale said, the golf industry was vastly over-supplied with courses"
    assert row.mention.endswith("Dale")


# --- filters ----------------------------------------------------------------------------

def test_inverted_attribution_after_a_quote_has_no_reported_content():
    rows = indirect_of("“We will win this state by a mile,” said Mary Lane, a strategist in the capital.")
    assert rows.empty


def test_cue_followed_by_a_time_phrase_only_has_no_content():
    rows = indirect_of("“Taxes are too high,” Rubio said after a campaign stop in South Carolina.")
    assert rows.empty
