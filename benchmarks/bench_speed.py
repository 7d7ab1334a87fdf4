"""Speed of the extractor against spaCy's own tokenizer, on one core.

    .venv/bin/python benchmarks/bench_speed.py [--input DIR] [--repeat 3] [--no-experiments]
    .venv/bin/python benchmarks/bench_speed.py --pyspy-summary /tmp/spy.txt   # see docs/scale.md

Each measurement runs in a fresh subprocess (`--child NAME`) so its peak memory (ru_maxrss)
is its own. Printed, on the same articles (default ../shared/data/polnear/train/articles):

  read        ingest.read_articles (decoding, metadata), timed apart from extraction
  tokenizer   spacy.blank("en").pipe(texts): the floor our pipeline is held against
  extract     extract.extract_articles(articles): pipeline + claims/articles DataFrames
  write       the claims table to JSONL, CSV and Parquet, timed apart from extraction
  components  where extraction time goes: make_doc (tokenizer), each pipeline component,
              row building and DataFrame construction, timed per article
  fast-tok    experiment: the same pipeline with a whitespace tokenizer registered in spaCy
              (our components read character offsets of doc.text, never tokens); its claims
              must equal the default pipeline's, which the child checks and prints

Times are the best of --repeat runs after a warm-up (the first build of the pipeline loads
lexicons and compiles regular expressions).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_INPUT = REPO.parent / "shared" / "data" / "polnear" / "train" / "articles"
WARMUP_ARTICLES = 20
TOKENIZER_NAME = "claimscope_whitespace_tokenizer"


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best_time(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def load(input_dir: str):
    from extract.ingest import read_articles

    t0 = time.perf_counter()
    articles, errors = read_articles([input_dir])
    return articles, errors, time.perf_counter() - t0


# --- the experimental tokenizer -------------------------------------------------------

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

    def pipe(self, texts, batch_size=1000):
        for text in texts:
            yield self(text)


def register_tokenizer() -> None:
    import spacy

    @spacy.registry.tokenizers(TOKENIZER_NAME)
    def create_whitespace_tokenizer():
        def make(nlp):
            return WhitespaceTokenizer(nlp.vocab)
        return make


def nlp_with_fast_tokenizer():
    """The extraction pipeline, same components and configs, on the whitespace tokenizer."""
    import spacy
    from extract.pipeline import build_nlp

    register_tokenizer()
    reference = build_nlp()
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    for name in reference.pipe_names:
        factory = reference.get_pipe_meta(name).factory
        config = {k: v for k, v in reference.get_pipe_config(name).items() if k != "factory"}
        nlp.add_pipe(factory, name=name, config=config)
    return nlp


# --- children: one measurement each, in a fresh process ------------------------------

def child_tokenizer(args) -> dict:
    import spacy

    articles, _errors, _t = load(args.input)
    texts = [a.text for a in articles]
    nlp = spacy.blank("en")
    list(nlp.pipe(texts[:WARMUP_ARTICLES]))
    seconds, n_tokens = best_time(lambda: sum(len(d) for d in nlp.pipe(texts, batch_size=64)), args.repeat)
    out = {"seconds": seconds, "tokens": n_tokens}
    if not args.no_experiments:
        register_tokenizer()
        fast = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
        fast_seconds, fast_tokens = best_time(lambda: sum(len(d) for d in fast.pipe(texts, batch_size=64)), args.repeat)
        out.update(fast_seconds=fast_seconds, fast_tokens=fast_tokens)
    out["peak_mib"] = peak_rss_mib()
    return out


def child_extract(args) -> dict:
    from extract import extract_articles
    from extract.export import write_table

    articles, errors, read_seconds = load(args.input)
    extract_articles(articles[:WARMUP_ARTICLES])
    seconds, corpus = best_time(lambda: extract_articles(articles), args.repeat)
    writes = {}
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".jsonl", ".csv"):
            t0 = time.perf_counter()
            write_table(corpus.claims, Path(tmp) / f"claims{suffix}")
            writes[suffix] = time.perf_counter() - t0
        t0 = time.perf_counter()
        corpus.claims.to_parquet(Path(tmp) / "claims.parquet", index=False)
        writes[".parquet"] = time.perf_counter() - t0
    return {
        "articles": len(articles), "errors": len(errors), "read_seconds": read_seconds,
        "words": sum(len(a.text.split()) for a in articles), "chars": sum(len(a.text) for a in articles),
        "seconds": seconds, "claims": len(corpus.claims), "write_seconds": writes,
        "peak_mib": peak_rss_mib(),
    }


def child_components(args) -> dict:
    import pandas as pd
    from extract import _rows_from_doc
    from extract.pipeline import build_nlp, make_doc
    from extract.schema import ARTICLE_COLUMNS, CLAIM_COLUMNS

    articles, _errors, _t = load(args.input)
    nlp = build_nlp()
    list(nlp.pipe(a.text for a in articles[:WARMUP_ARTICLES]))
    spent: dict[str, float] = defaultdict(float)
    clock = time.perf_counter
    article_rows, claim_rows = [], []
    for article in articles:
        t0 = clock()
        doc = make_doc(nlp, article.text)   # as extract_articles does: the doc keeps its text
        t1 = clock()
        spent["tokenizer (make_doc)"] += t1 - t0
        for name, proc in nlp.pipeline:
            doc = proc(doc)
            t2 = clock()
            spent[name] += t2 - t1
            t1 = t2
        row, claims = _rows_from_doc(article, doc)
        article_rows.append(row)
        claim_rows.extend(claims)
        spent["rows (_rows_from_doc)"] += clock() - t1
    t0 = clock()
    pd.DataFrame(article_rows, columns=ARTICLE_COLUMNS)
    pd.DataFrame(claim_rows, columns=CLAIM_COLUMNS)
    spent["DataFrame construction"] += clock() - t0
    # The cost of one doc.text: spaCy rebuilds the string from the tokens on every access.
    docs = [nlp.make_doc(a.text) for a in articles]
    t0 = clock()
    for doc in docs:
        doc.text
    spent_doc_text = clock() - t0
    return {"spent": dict(spent), "doc_text_once_per_article": spent_doc_text}


def child_fast_tokenizer(args) -> dict:
    from extract import extract_articles
    import extract.pipeline as pipeline_module

    articles, _errors, _t = load(args.input)
    reference = extract_articles(articles)
    fast_nlp = nlp_with_fast_tokenizer()
    # extract_articles builds its pipeline through pipeline.build_nlp; point it at ours.
    pipeline_module.build_nlp = lambda *a, **k: fast_nlp
    extract_articles(articles[:WARMUP_ARTICLES])
    seconds, corpus = best_time(lambda: extract_articles(articles), args.repeat)
    same = reference.claims.equals(corpus.claims) and reference.articles.equals(corpus.articles)
    return {"seconds": seconds, "claims": len(corpus.claims), "identical": bool(same)}


CHILDREN = {"tokenizer": child_tokenizer, "extract": child_extract, "components": child_components,
            "fast-tokenizer": child_fast_tokenizer}


def run_child(name: str, args) -> dict:
    cmd = [sys.executable, __file__, "--child", name, "--input", args.input, "--repeat", str(args.repeat)]
    if args.no_experiments:
        cmd.append("--no-experiments")
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if done.returncode != 0:
        sys.exit(f"child {name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- py-spy output, summarised ------------------------------------------------------

def summarise_pyspy(path: str, top: int = 30) -> None:
    """Inclusive time per function and self time per line from `py-spy record -f raw`."""
    inclusive, own = Counter(), Counter()
    total = 0
    for line in open(path, encoding="utf-8"):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        n = int(count)
        total += n
        frames = stack.split(";")
        for function in {f.rsplit(":", 1)[0] + ")" for f in frames}:
            inclusive[function] += n
        own[frames[-1]] += n
    print(f"{total} samples\n-- inclusive, per function")
    for name, n in inclusive.most_common(top):
        print(f"{100 * n / total:5.1f}%  {name}")
    print("-- self, per line")
    for name, n in own.most_common(top):
        print(f"{100 * n / total:5.1f}%  {name}")


# --- report -------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", default=str(DEFAULT_INPUT), help="folder of articles")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    parser.add_argument("--no-experiments", action="store_true", help="skip the fast-tokenizer experiment")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--pyspy-summary", metavar="RAW", help="summarise a `py-spy record -f raw` file and exit")
    args = parser.parse_args(argv)
    if args.pyspy_summary:
        summarise_pyspy(args.pyspy_summary)
        return 0
    if args.child:
        print(json.dumps(CHILDREN[args.child](args)))
        return 0

    ext = run_child("extract", args)
    tok = run_child("tokenizer", args)
    comp = run_child("components", args)
    n, words = ext["articles"], ext["words"]
    print(f"input: {args.input}\n{n} articles, {words:,} words, {ext['chars']:,} chars, {ext['claims']} claims "
          f"(best of {args.repeat} runs, one process each)")
    print(f"read (ingest)         {ext['read_seconds']:7.2f} s")
    print(f"tokenizer only        {tok['seconds']:7.2f} s  {n / tok['seconds']:7.1f} articles/s  "
          f"{words / tok['seconds']:9,.0f} words/s  peak {tok['peak_mib']:.0f} MiB")
    print(f"extraction            {ext['seconds']:7.2f} s  {n / ext['seconds']:7.1f} articles/s  "
          f"{words / ext['seconds']:9,.0f} words/s  peak {ext['peak_mib']:.0f} MiB")
    print(f"extraction / tokenizer  {ext['seconds'] / tok['seconds']:.2f}x   (target <= 2x; "
          f">= 150 articles/s; peak < 1024 MiB)")
    print("write claims          " + "  ".join(f"{k} {v:.2f} s" for k, v in ext["write_seconds"].items()))
    total = sum(comp["spent"].values())
    print(f"where extraction time goes (per-article timers, {total:.2f} s in all):")
    for name, seconds in sorted(comp["spent"].items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {seconds:6.2f} s  {100 * seconds / total:5.1f}%")
    print(f"  (one doc.text per article costs {comp['doc_text_once_per_article']:.2f} s: spaCy rebuilds it from tokens)")
    if not args.no_experiments:
        fast = run_child("fast-tokenizer", args)
        print(f"experiment: whitespace tokenizer  make_doc {tok['fast_seconds']:.2f} s "
              f"({tok['fast_tokens']:,} tokens vs {tok['tokens']:,}); extraction {fast['seconds']:.2f} s "
              f"{n / fast['seconds']:.1f} articles/s; claims identical to default: {fast['identical']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
