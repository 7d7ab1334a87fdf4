"""Command line: python -m extract INPUT... --out claims.jsonl|csv"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUTPUT_SUFFIXES = (".jsonl", ".json", ".ndjson", ".csv")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract quoted claims, their speakers and outlets from news articles.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="article files (.txt, .html, .json, .jsonl) or folders, read recursively")
    parser.add_argument("--out", required=True, metavar="FILE",
                        help="where to write the claims: .jsonl or .csv (by extension)")
    parser.add_argument("--articles-out", metavar="FILE",
                        help="also write the articles table (.jsonl or .csv), without article text")
    parser.add_argument("--matrix-out", metavar="FILE",
                        help="also write the claims x outlets table (.jsonl or .csv): articles of each outlet carrying each claim")
    parser.add_argument("--quiet", action="store_true", help="no summary line on stderr")
    stored = parser.add_mutually_exclusive_group()
    stored.add_argument("--store", metavar="DIR",
                        help="keep extraction results in DIR and reuse them (default: .claimscope/ at the "
                             "repo root, or $CLAIMSCOPE_STORE)")
    stored.add_argument("--no-store", action="store_true", help="extract everything, keep nothing")
    args = parser.parse_args(argv)
    for name in ("out", "articles_out", "matrix_out"):
        value = getattr(args, name)
        if value and Path(value).suffix.lower() not in OUTPUT_SUFFIXES:
            parser.error(f"--{name.replace('_', '-')} must end in .jsonl or .csv, not '{Path(value).suffix or value}'")
        # Checked before extracting, so a typo in the output path costs no extraction run.
        if value and (Path(value).is_dir() or not Path(value).absolute().parent.is_dir()):
            parser.error(f"--{name.replace('_', '-')} {value}: not a file in an existing folder")
    return args


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from .export import write_table
    from .store import extract_paths_stored

    def warn(message: str) -> None:
        print(message, file=sys.stderr)

    corpus, store_stats = extract_paths_stored(args.inputs, store_dir=args.store, use_store=not args.no_store, warn=warn)
    for error in corpus.errors:
        print(f"{error.label} {error}", file=sys.stderr)
    if corpus.articles.empty:
        print("error: no article could be read from the inputs", file=sys.stderr)
        return 1
    try:
        write_table(corpus.claims, args.out)
        if args.articles_out:
            write_table(corpus.articles.drop(columns=["text"]), args.articles_out)
        if args.matrix_out:
            from .matching import claim_outlet_matrix

            write_table(claim_outlet_matrix(corpus.claims).reset_index(), args.matrix_out)
    except OSError as exc:
        print(f"error: cannot write output: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"{_count(len(corpus.articles), 'article')}, {_count(len(corpus.claims), 'claim')} -> {args.out}", file=sys.stderr)
        if store_stats is not None:
            print(store_stats.summary(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
