"""Figures of claim matching (extract/matching.py) and copy detection (extract/copies.py).

    .venv/bin/python benchmarks/report_matching.py [--polnear-claims FILE] [--sample 25] [--show-errors]

1. Seed gold (../shared/gold/seeds.jsonl, field claim_group): the gold claims themselves
   are matched (so the figure measures matching, not extraction): pairwise precision and
   recall of "same claim", and the copies found vs ../shared/gold/seeds_outlets.csv.
2. The same on the extractor's output for the seeds, each gold claim matched to the
   predicted claim overlapping it most (at least half the gold span), pairs counted over
   the gold claims that were found.
3. PolNeAR train+dev: the extractor's claims (or --polnear-claims, a claims .jsonl from
   `python -m extract`), how many cross-outlet groups, and a random sample for a hand check.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"


def seed_articles() -> pd.DataFrame:
    """The seed articles with the gold outlets and dates."""
    from extract.ingest import read_articles

    articles, _ = read_articles([str(REPO / "data")])
    with open(SHARED / "gold" / "seeds_outlets.csv", encoding="utf-8") as fh:
        gold = {Path(r["file"]).stem: r for r in csv.DictReader(fh)}
    return pd.DataFrame([{"article_id": a.article_id, "text": a.text,
                          "outlet": gold.get(a.article_id, {}).get("outlet") or a.outlet,
                          "date": gold.get(a.article_id, {}).get("date") or a.date} for a in articles])


def gold_copies() -> dict[str, str]:
    with open(SHARED / "gold" / "seeds_outlets.csv", encoding="utf-8") as fh:
        return {Path(r["file"]).stem: Path(r["copy_of"]).stem for r in csv.DictReader(fh) if r["copy_of"]}


def gold_claims(articles: pd.DataFrame) -> pd.DataFrame:
    with open(SHARED / "gold" / "seeds.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    meta = articles.set_index("article_id")
    frame = pd.DataFrame(rows)
    frame["article_id"] = frame["file"].map(lambda f: Path(f).stem)
    frame["outlet"] = frame["article_id"].map(meta["outlet"])
    frame["date"] = frame["article_id"].map(meta["date"])
    return frame


def pairwise(gold_group: list[str], predicted: list[str]) -> tuple[float, float, int, int, list, list]:
    """Pairwise precision and recall of 'same claim', with the wrong pairs."""
    tp = fp = fn = 0
    false_pos, false_neg = [], []
    for a, b in combinations(range(len(gold_group)), 2):
        same_gold = gold_group[a] == gold_group[b]
        same_pred = predicted[a] == predicted[b]
        tp += same_gold and same_pred
        if same_pred and not same_gold:
            fp += 1
            false_pos.append((a, b))
        if same_gold and not same_pred:
            fn += 1
            false_neg.append((a, b))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp + fn, tp + fp, false_pos, false_neg


def print_pairs(title: str, pairs, frame: pd.DataFrame) -> None:
    for a, b in pairs:
        x, y = frame.iloc[a], frame.iloc[b]
        print(f"  {title}: [{x['article_id'][:3]} {x['speaker']}] {x['quote'][:70]!r}\n"
              f"  {' ' * len(title)}  [{y['article_id'][:3]} {y['speaker']}] {y['quote'][:70]!r}")


def report_seeds(show_errors: bool) -> None:
    from extract import extract_articles
    from extract.ingest import read_articles
    from extract.matching import link

    articles = seed_articles()
    gold = gold_claims(articles)
    expected_copies = gold_copies()

    linked_articles, linked = link(articles, gold)
    p, r, n_gold, n_pred, fp, fn = pairwise(gold["claim_group"].tolist(), linked["claim_id"].tolist())
    print("== seeds, gold claims as input")
    print(f"claims {len(gold)}  gold groups {gold['claim_group'].nunique()}  predicted groups {linked['claim_id'].nunique()}")
    print(f"same-claim pairs: gold {n_gold}  predicted {n_pred}  precision {p:.3f}  recall {r:.3f}")
    found = {a: c for a, c in zip(linked_articles["article_id"], linked_articles["copy_of"]) if c}
    print(f"copies found {found}  expected {expected_copies}  {'OK' if found == expected_copies else 'WRONG'}")
    if show_errors:
        print_pairs("false +", fp, gold)
        print_pairs("false -", fn, gold)

    print("\n== seeds, extractor output matched to gold by span overlap")
    seed_list, _ = read_articles([str(REPO / "data")])
    corpus = extract_articles(seed_list)
    claims = corpus.claims
    if "claim_id" not in claims:  # extract_articles without link wired in
        _, claims = link(corpus.articles, claims)
    by_article = defaultdict(list)
    for i, row in claims.iterrows():
        by_article[row["article_id"]].append((int(row["quote_start"]), int(row["quote_end"]), row["claim_id"]))
    kept, predicted, spans = [], [], []
    for i, g in gold.iterrows():
        g0, g1 = int(g["quote_start"]), int(g["quote_end"])
        # The prediction overlapping most; of equals, the one closest in length (a nested
        # quote rather than the reported claim around it).
        best = max(((min(e, g1) - max(s, g0), -abs((e - s) - (g1 - g0)), cid, (s, e))
                    for s, e, cid in by_article.get(g["article_id"], [])), default=(0, 0, None, None))
        if best[2] is not None and best[0] * 2 >= g1 - g0:
            kept.append(i)
            predicted.append(best[2])
            spans.append((g["article_id"], best[3]))
    sub = gold.loc[kept].reset_index(drop=True)
    p, r, n_gold, n_pred, fp, fn = pairwise(sub["claim_group"].tolist(), predicted)
    print(f"gold claims found {len(kept)}/{len(gold)}  gold same-claim pairs among them {n_gold}  predicted {n_pred}")
    print(f"all pairs:  precision {p:.3f}  recall {r:.3f}")
    # Two gold claims found as one predicted span (the extractor merged them) are 'same' by
    # extraction, not by matching: the figure of matching leaves those pairs out.
    merged = {span for span, n in pd.Series(spans).value_counts().items() if n > 1}
    solo = [k for k, span in enumerate(spans) if span not in merged]
    p2, r2, n_gold2, n_pred2, fp, fn = pairwise([sub["claim_group"].iloc[k] for k in solo],
                                                [predicted[k] for k in solo])
    sub = sub.iloc[solo].reset_index(drop=True)
    print(f"without the {len(spans) - len(solo)} gold claims sharing a predicted span: gold pairs {n_gold2}  "
          f"predicted {n_pred2}  precision {p2:.3f}  recall {r2:.3f}")
    found = {a: c for a, c in zip(corpus.articles["article_id"], corpus.articles.get("copy_of", [])) if isinstance(c, str)}
    print(f"copies found (extractor's articles) {found}")
    if show_errors:
        print_pairs("false +", fp, sub)
        print_pairs("false -", fn, sub)


def report_polnear(claims_path: str | None, sample: int, seed: int) -> None:
    from extract import extract_paths
    from extract.matching import claim_outlet_matrix, link

    folders = [str(POLNEAR / split / "articles") for split in ("train", "dev")]
    print("\n== PolNeAR train+dev")
    if claims_path:
        from extract.ingest import read_articles

        claims = pd.read_json(claims_path, lines=True, dtype=False)
        articles_list, _ = read_articles(folders)
        articles = pd.DataFrame([{"article_id": a.article_id, "text": a.text, "outlet": a.outlet, "date": a.date}
                                 for a in articles_list])
        claims = claims.drop(columns=[c for c in ("claim_id", "claim_text", "version", "carried_by",
                                                  "carried_by_independent", "first_seen") if c in claims])
    else:
        corpus = extract_paths(folders)
        articles, claims = corpus.articles, corpus.claims
    start = time.perf_counter()
    stats: dict = {}
    articles, linked = link(articles, claims, stats=stats)
    took = time.perf_counter() - start
    groups = linked.groupby("claim_id")
    sizes = groups.size()
    outlets = groups["outlet"].nunique()
    cross = outlets[outlets >= 2].index
    print(f"articles {len(articles)}  claims {len(linked)}  groups {len(sizes)}  "
          f"groups of 2+ occurrences {(sizes >= 2).sum()}  cross-outlet groups {len(cross)}  "
          f"copies {articles['copy_of'].notna().sum()}  link {took:.1f}s  {stats}")
    print(f"versions: {linked['version'].value_counts().to_dict()}")
    copies = articles[articles["copy_of"].notna()]
    for _, row in copies.head(10).iterrows():
        print(f"  copy: {row['article_id']} ({row['outlet']}) of {row['copy_of']}")
    rng = random.Random(seed)
    picked = sorted(rng.sample(sorted(cross), min(sample, len(cross))))
    print(f"\nsample of {len(picked)} cross-outlet groups (seed {seed}) for a hand check:")
    for cid in picked:
        rows = linked[linked["claim_id"] == cid]
        print(f"-- {cid}  carried_by {rows['carried_by'].iloc[0]}  independent {rows['carried_by_independent'].iloc[0]}")
        for _, row in rows.iterrows():
            print(f"   {row['outlet'][:12]:12} {str(row['speaker'])[:22]:22} {row['version']:11} {row['quote'][:110]!r}")
    matrix = claim_outlet_matrix(linked)
    print(f"\nclaims x outlets table: {matrix.shape[0]} rows x {matrix.shape[1]} columns; top 5:")
    print(matrix.head(5).drop(columns=["claim_text"]).to_string())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear-claims", help="claims .jsonl of PolNeAR train+dev (skips extraction)")
    parser.add_argument("--sample", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--seeds-only", action="store_true")
    args = parser.parse_args()
    report_seeds(args.show_errors)
    if not args.seeds_only:
        report_polnear(args.polnear_claims, args.sample, args.seed)


if __name__ == "__main__":
    main()
