"""The pipeline's tokenizer: the words the attribution rules read, and what lies between them.

Claimscope's components read character offsets of the doc's text, never its tokens. The
tokenizer only has to keep `doc.text` equal to the input (it does: the tokens and their
trailing spaces are the text, cut) and give library users a Span at a claim's offsets:
`doc.char_span(claim.start, claim.end)`. spaCy's default English tokenizer, with its
hundreds of exceptions and affix patterns, was a quarter of the extraction time.

Here the tokens are the matches of attribution's word pattern (`U.S.`, `O’Brien’s`,
`al-Haq`), found by one scan of the text that attribution then reuses
(extract.textindex keeps it), so claims, cues and mentions, which begin and end on those
words or on the marks next to them, fall on token boundaries. The text between two words
becomes tokens too: each mark (`,` `.` `”` `—`) is one, one space after a token is that
token's trailing space, and other white space is a token of its own, as in spaCy.

It is registered with spaCy, so the pipeline stays a `spacy.blank("en")` pipeline that
saves with `nlp.to_disk` and loads with `spacy.load` once this module is imported.
"""
from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from . import textindex
from .attribution import _WORD

TOKENIZER_NAME = "claimscope_tokenizer.v1"

# Runs of white space, and single other characters, for the text between two words.
_GAP_PARTS = re.compile(r"\s+|\S")


class _Orths(dict):
    """Token string -> its lexeme's orth id in one vocab, filled on first sight.

    `Doc(vocab, words=strings)` hashes every string again (UTF-8 and MurmurHash, in
    `vocab.get`); a word seen before is one dict look-up here, and `Doc` takes its orth id
    straight to the lexeme table. The first sight only adds the string to the vocab's
    strings; `Doc` then makes the lexeme from it as it would from the word, so the vocab
    ends up with the same lexemes either way."""

    def __init__(self, vocab: Vocab):
        super().__init__()
        self.vocab = vocab

    def __missing__(self, word: str) -> int:
        orth = self[word] = self.vocab.strings.add(word)
        return orth


class WordTokenizer:
    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._orths = _Orths(vocab)

    def _doc(self, words: list[str], spaces: list[bool]) -> Doc:
        if self.vocab.in_memory_zone:
            # Lexemes made inside a memory zone are dropped when it closes: an orth id kept
            # from one would no longer name a lexeme (nor a string) afterwards.
            return Doc(self.vocab, words=words, spaces=spaces)
        return Doc(self.vocab, words=list(map(self._orths.__getitem__, words)), spaces=spaces)

    def __call__(self, text: str) -> Doc:
        table = textindex.match_table(text, _WORD)
        found, gaps = table.words, table.gaps
        # gaps[k] is the text before the k-th word, gaps[-1] the text after the last. Most
        # are one space or nothing: then the tokens are the words, and a word followed by
        # one space has it as its trailing space. The other gaps (and white space opening
        # the text) are cut into tokens and put between their words.
        space_after = [gap == " " for gap in gaps[1:]]
        special = [k for k, gap in enumerate(gaps) if gap and (gap != " " or k == 0)]
        if not special:
            return self._doc(found, space_after)
        words: list[str] = []
        spaces: list[bool] = []
        done = 0
        for k in special:
            words.extend(found[done:k])
            spaces.extend(space_after[done:k])
            _add_gap(gaps[k], words, spaces)
            done = k
        words.extend(found[done:])
        spaces.extend(space_after[done:])
        return self._doc(words, spaces)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # Nothing to save: the tokenizer is its code.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "WordTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "WordTokenizer":
        return self


def _add_gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Tokens for the text between two words, after the first of them (if any)."""
    if len(gap) == 2 and gap[1] == " " and not gap[0].isspace():
        words.append(gap[0])        # `, ` `. ` `: `: a mark and its trailing space
        spaces.append(True)
        return
    for part in _GAP_PARTS.findall(gap):
        if part[0] == " " and words and not spaces[-1]:
            spaces[-1] = True
            part = part[1:]
            if not part:
                continue
        words.append(part)
        spaces.append(False)


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer():
    def tokenizer_factory(nlp):
        return WordTokenizer(nlp.vocab)
    return tokenizer_factory
