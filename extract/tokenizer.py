"""The pipeline's tokenizer: spaCy's own Tokenizer with a few affix rules and no exceptions.

Claimscope's components read character offsets of the doc's text, never its tokens. The
tokenizer only has to keep `doc.text` equal to the input (every spaCy tokenizer does) and
give library users a Span at a claim's offsets (`doc.char_span(claim.start, claim.end)`).
spaCy's default English tokenizer, with its hundreds of exceptions and affix patterns, was
a quarter of the extraction time; this one splits on white space, takes one punctuation
mark at a time off either end of a word and splits words at dashes. Claims are the same
with either (the components never see tokens) and 99.8 % of claim offsets still fall on
token boundaries (benchmarks/bench_tokenizers.py compares the candidates).

It is registered with spaCy, so the pipeline stays a `spacy.blank("en")` pipeline that
saves with `nlp.to_disk` and loads with `spacy.load` once this module is imported.
"""
from __future__ import annotations

import re

import spacy
from spacy.tokenizer import Tokenizer
from spacy.vocab import Vocab

TOKENIZER_NAME = "claimscope_tokenizer.v1"

# One mark of punctuation (anything but a word character or white space) at a time.
_PREFIX = re.compile(r"^[^\w\s]")
_SUFFIX = re.compile(r"[^\w\s]$")
# Dashes and other marks between two word characters, except those inside words
# (apostrophes, hyphens, dots: "O'Brien", "al-Haq", "U.S."); runs of dashes anywhere.
_INFIX = re.compile(r"(?<=\w)[^\w\s'’.-](?=\w)|--|—|–")


def make_tokenizer(vocab: Vocab) -> Tokenizer:
    return Tokenizer(vocab, rules={}, prefix_search=_PREFIX.search, suffix_search=_SUFFIX.search,
                     infix_finditer=_INFIX.finditer)


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer():
    def tokenizer_factory(nlp):
        return make_tokenizer(nlp.vocab)
    return tokenizer_factory
