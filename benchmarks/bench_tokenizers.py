"""What a faster tokenizer would give the pipeline, and what it would cost library users.

    .venv/bin/python benchmarks/bench_tokenizers.py [--input DIR] [--repeat 3] [--limit N]

Claimscope's components read character offsets of the doc's text, never tokens, so the
tokenizer only matters (a) for speed: spaCy's default English tokenizer is about a fifth of
the per-article time, and (b) for users who want spaCy Spans for claims:
`doc.char_span(start, end)` is None unless both offsets fall on token boundaries.

Candidates, each used as nlp.tokenizer of the extraction pipeline:
  default              spacy.blank("en")'s tokenizer (the pipeline's until it had its own)
  whitespace           text.split(" "), spaCy's documented whitespace tokenizer
  regex+punct          words (inner - ' ’ . kept) and single punctuation marks, one regex, Doc(words, spaces)
  spacy-minimal-rules  spaCy's own Tokenizer with one-character prefix/suffix rules, dashes as
                       infixes, no exception table
  claimscope-words     the pipeline's tokenizer (extract/tokenizer.py): attribution's words and
                       the marks between them, from the scan attribution reuses

Printed per candidate: make_doc time (best of --repeat, CPU), tokens, the share of claims
whose quote / speaker mention / cue offsets give a Span with doc.char_span (strict; with
alignment_mode="expand" a Span always comes back, and it has the claim's exact offsets in
the same share), the pipeline's time (one pass after a warm-up pass, CPU) and whether its claims equal the
default tokenizer's.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_INPUT = REPO.parent / "shared" / "data" / "polnear" / "train" / "articles"



class WhitespaceTokenizer:
    """Tokens are the text split on single spaces (spaCy's documented whitespace tokenizer):
    doc.text equals the input exactly, which is all our components read."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text):
        from spacy.tokens import Doc

        words = text.split(" ")
        spaces = [True] * len(words)
        if "" in words:
            for i, word in enumerate(words):
                if word == "":
                    words[i] = " "
                    spaces[i] = False
        if words[-1] == " ":
            words, spaces = words[:-1], spaces[:-1]
        else:
            spaces[-1] = False
        return Doc(self.vocab, words=words, spaces=spaces)

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|\S")


class RegexTokenizer:
    """Words and single punctuation marks; white space other than one space after a token
    is a token of its own, as in spaCy, so doc.text is the input exactly."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text):
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        prev = 0
        for m in _TOKEN.finditer(text):
            if m.start() != prev:
                gap = text[prev:m.start()]
                if gap[0] == " " and words and not spaces[-1]:
                    spaces[-1], gap = True, gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
            words.append(m.group())
            spaces.append(False)
            prev = m.end()
        if prev != len(text):
            gap = text[prev:]
            if gap[0] == " " and words:
                spaces[-1], gap = True, gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


def minimal_rules_tokenizer(vocab):
    from spacy.tokenizer import Tokenizer

    return Tokenizer(vocab, rules={}, prefix_search=re.compile(r"^[^\w\s]").search,
                     suffix_search=re.compile(r"[^\w\s]$").search,
                     infix_finditer=re.compile(r"(?<=\w)[^\w\s'’.-](?=\w)|--|—|–").finditer)


def claimscope_tokenizer(vocab):
    from extract.tokenizer import WordTokenizer

    return WordTokenizer(vocab)


CANDIDATES = {
    "default": None,
    "whitespace": WhitespaceTokenizer,
    "regex+punct": RegexTokenizer,
    "spacy-minimal-rules": minimal_rules_tokenizer,
    "claimscope-words": claimscope_tokenizer,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", default=str(DEFAULT_INPUT))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args(argv)

    import spacy

    from extract.ingest import read_articles
    from extract.pipeline import build_nlp, make_doc

    articles, _errors = read_articles([args.input])
    texts = [a.text for a in articles[:args.limit]]
    nlp = build_nlp()
    pipeline_tokenizer = nlp.tokenizer
    default_tokenizer = spacy.blank("en", vocab=nlp.vocab).tokenizer
    reference = None
    # A first pass warms what every candidate shares (lexicons, regexes, memoised lookups),
    # so that the candidates are timed in the same state.
    list(nlp.pipe(make_doc(nlp, t) for t in texts))
    print(f"{len(texts)} articles from {args.input}")
    for name, make in CANDIDATES.items():
        nlp.tokenizer = default_tokenizer if make is None else make(nlp.vocab)
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.process_time()
            docs = [nlp.make_doc(t) for t in texts]
            best = min(best, time.process_time() - t0)
        assert all(d.text == t for d, t in zip(docs, texts)), name
        t0 = time.process_time()
        done = list(nlp.pipe(make_doc(nlp, t) for t in texts))
        pipeline_seconds = time.process_time() - t0
        claims = [[(c.kind, c.start, c.end, c.cue_start, c.cue_end, c.mention_start, c.mention_end, c.speaker,
                    c.anonymity, c.role, c.descriptor, c.stance, c.rule) for c in d._.claims] for d in done]
        if reference is None:
            reference = claims
        aligned = {}
        for field, (s, e) in {"quote": (1, 2), "speaker": (5, 6), "cue": (3, 4)}.items():
            spans = [(doc, c[s], c[e]) for doc, cs in zip(done, claims) for c in cs if c[s] is not None]
            strict = sum(doc.char_span(a, b) is not None for doc, a, b in spans)
            aligned[field] = strict / len(spans) if spans else float("nan")
        print(f"{name:20s} make_doc {best:5.2f} s  {sum(len(d) for d in docs):8,} tokens  "
              + "  ".join(f"{f} {v:6.1%}" for f, v in aligned.items())
              + f"  pipeline {pipeline_seconds:5.2f} s  claims same as default: {claims == reference}")
    nlp.tokenizer = pipeline_tokenizer   # build_nlp's pipeline is shared (lru_cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
