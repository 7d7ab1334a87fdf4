"""Claim matching at scale: a synthetic corpus of claims made by resampling and perturbing
PolNeAR's gold attributions, grouped by extract.matching.link; prints time and peak memory.

    .venv/bin/python benchmarks/bench_matching.py [--claims 100000] [--seed 7]

Each synthetic claim is a PolNeAR gold Content span with its Source as speaker, put in a
synthetic article of a random outlet, and perturbed as outlets do: case and quote marks
changed, punctuation dropped, a truncation to a part of the quote, a word dropped, the
speaker written as a surname, a pronoun or not at all. Also prints how many candidate pairs
the index proposed against the n*(n-1)/2 pairs of comparing everything.
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
POLNEAR = REPO.parent / "shared" / "data" / "polnear"
OUTLETS = ["Breitbart", "HuffPost", "Politico", "The New York Times", "The Washington Post", "USA Today",
           "Western Journalism", "Reuters", "AP", "Bloomberg"]


def polnear_attributions() -> list[tuple[str, str]]:
    """(content, source) of every PolNeAR train/dev attribution with both spans."""
    pairs = []
    for split in ("train", "dev"):
        for ann in sorted((POLNEAR / split / "gold").glob("*.ann")):
            text = (POLNEAR / split / "articles" / (ann.stem + ".txt")).read_text(encoding="utf-8")
            spans, events = {}, []
            for line in ann.read_text(encoding="utf-8").splitlines():
                if line.startswith("T") and line.count("\t") >= 1:
                    tid, info = line.split("\t")[:2]
                    label, offsets = info.split(" ", 1)
                    pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
                    spans[tid] = (label, " ".join(text[a:b] for a, b in pieces))
                elif line.startswith("E"):
                    events.append(dict(part.split(":") for part in line.split("\t")[1].split()))
            for e in events:
                content, source = spans.get(e.get("Content", ""), (None, None))[1], spans.get(e.get("Source", ""), (None, None))[1]
                if content and len(content.split()) >= 2:
                    pairs.append((content, source))
    return pairs


_CURLY = str.maketrans({'"': "\u201c", "'": "\u2019"})


def perturb(quote: str, speaker: str | None, rng: random.Random) -> tuple[str, str | None]:
    words = quote.split()
    roll = rng.random()
    if roll < 0.15 and len(words) >= 6:
        start = rng.randrange(0, len(words) // 3)
        quote = " ".join(words[start:start + max(3, int(len(words) * rng.uniform(0.5, 0.9)))])
    elif roll < 0.25 and len(words) >= 5:
        del words[rng.randrange(len(words))]
        quote = " ".join(words)
    elif roll < 0.35:
        quote = quote.translate(_CURLY)
    elif roll < 0.45:
        quote = re.sub(r"[,.;:!?]", "", quote).lower()
    roll = rng.random()
    if speaker and roll < 0.1:
        speaker = None
    elif speaker and roll < 0.2:
        speaker = speaker.split()[-1]
    elif speaker and roll < 0.25:
        speaker = "he"
    return quote, speaker


def synthetic_claims(n: int, seed: int) -> pd.DataFrame:
    rng = random.Random(seed)
    source = polnear_attributions()
    rows = []
    per_article = 20
    for i in range(n):
        picked = rng.randrange(len(source))
        content, speaker = source[picked]
        quote, speaker = perturb(content, speaker, rng)
        article = i // per_article
        rows.append({"article_id": f"synthetic-{article:06d}", "outlet": OUTLETS[article % len(OUTLETS)],
                     "date": f"2016-{1 + article % 12:02d}-{1 + article % 28:02d}", "kind": "direct",
                     "quote": quote, "quote_start": (i % per_article) * 1000,
                     "quote_end": (i % per_article) * 1000 + len(quote), "speaker": speaker,
                     "anonymity": "named", "role": "other", "source": picked})
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-posting", type=int, help="override MatchRules.max_posting (index cut-off)")
    args = parser.parse_args()
    import dataclasses

    from extract.matching import RULES, link

    rules = dataclasses.replace(RULES, max_posting=args.max_posting) if args.max_posting else RULES

    made = time.perf_counter()
    claims = synthetic_claims(args.claims, args.seed)
    articles = claims[["article_id", "outlet", "date"]].drop_duplicates("article_id").assign(text="")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(claims)} claims in {len(articles)} articles, made in {time.perf_counter() - made:.1f}s "
          f"(process peak so far {rss_before:.0f} MiB)")
    stats: dict = {}
    start, cpu = time.perf_counter(), time.process_time()
    _articles, linked = link(articles, claims, rules=rules, stats=stats)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(claims)
    sizes = linked.groupby("claim_id").size()
    print(f"link: {took:.1f}s wall, {cpu:.1f}s CPU  process peak RSS {peak:.0f} MiB  (max_posting {rules.max_posting})")
    print(f"candidate pairs {stats['candidate_pairs']:,} of {n * (n - 1) // 2:,} possible "
          f"({stats['candidate_pairs'] / max(n * (n - 1) // 2, 1):.5%}); edges: whole {stats['full_edges']:,}, "
          f"contained {stats['contained_edges']:,}")
    # Against the resampling: occurrences of one PolNeAR attribution should share a claim_id
    # (an upper bound: a perturbed copy without a speaker and few words rightly stays apart,
    # and two attributions with the same words count as different here).
    pairs = lambda counts: int((counts * (counts - 1) // 2).sum())
    same_source = pairs(linked.groupby("source").size())
    same_group = pairs(sizes)
    both = pairs(linked.groupby(["source", "claim_id"]).size())
    print(f"pairwise vs resampled source: recall {both / max(same_source, 1):.3f}  precision {both / max(same_group, 1):.3f}")
    print(f"groups {len(sizes):,}  of 2+ occurrences {(sizes >= 2).sum():,}  largest {sizes.max()}  "
          f"versions {linked['version'].value_counts().to_dict()}")


if __name__ == "__main__":
    main()
