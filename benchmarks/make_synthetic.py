"""A large synthetic corpus made by resampling PolNeAR paragraphs (deterministic seed).

    .venv/bin/python benchmarks/make_synthetic.py OUT [--articles 20000] [--seed 7]
        OUT a folder      -> one .txt per article plus metadata.csv (outlet, date, title)
        OUT ending .parquet -> one Parquet table (id, text, outlet, date, title)

Each synthetic article takes the outlet, date and headline of a random PolNeAR article and
as many paragraphs as that article has, drawn from the paragraphs of all PolNeAR articles.
Paragraphs are drawn in runs of consecutive paragraphs of one source article, so quotes
that continue into the next paragraph, and `X said:` before a quote, keep their context.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

POLNEAR = REPO.parent / "shared" / "data" / "polnear"
SOURCES = [POLNEAR / "train" / "articles", POLNEAR / "dev" / "articles"]
MAX_RUN = 4


def load_sources(folders: list[Path]):
    from extract.ingest import read_articles

    articles, _errors = read_articles([str(f) for f in folders if f.is_dir()])
    docs = []
    for a in articles:
        paragraphs = [line.strip() for line in a.text.splitlines() if line.strip()]
        if len(paragraphs) >= 2:
            docs.append((a, paragraphs))
    return docs


def synthesise(docs, n: int, seed: int):
    """(id, text, outlet, date, title) of n articles."""
    rng = random.Random(seed)
    width = len(str(n))
    for i in range(n):
        frame, frame_paragraphs = docs[rng.randrange(len(docs))]
        want = len(frame_paragraphs)
        body = [frame_paragraphs[0]]            # the headline line of the frame article
        while len(body) < want:
            _source, paragraphs = docs[rng.randrange(len(docs))]
            start = rng.randrange(1, len(paragraphs))
            body.extend(paragraphs[start:start + rng.randint(1, MAX_RUN)][:want - len(body)])
        yield f"synthetic-{i:0{width}d}", "\n\n".join(body) + "\n", frame.outlet, frame.date, frame.title


def write_folder(out: Path, records) -> int:
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(out / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "outlet", "date", "title"])
        for article_id, text, outlet, date, title in records:
            (out / f"{article_id}.txt").write_text(text, encoding="utf-8")
            writer.writerow([f"{article_id}.txt", outlet or "", date or "", title or ""])
            count += 1
    return count


def write_parquet(out: Path, records, batch: int = 1000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.string()) for c in ("id", "text", "outlet", "date", "title")])
    count = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with pq.ParquetWriter(out, schema) as writer:
        rows = []
        for article_id, text, outlet, date, title in records:
            rows.append({"id": article_id, "text": text, "outlet": outlet, "date": date, "title": title})
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count += len(rows)
                rows = []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="a folder, or a file ending in .parquet")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    docs = load_sources(SOURCES)
    if not docs:
        sys.exit(f"no PolNeAR articles under {POLNEAR}")
    out = Path(args.out)
    records = synthesise(docs, args.articles, args.seed)
    count = write_parquet(out, records) if out.suffix == ".parquet" else write_folder(out, records)
    print(f"{count} articles from {len(docs)} PolNeAR articles (seed {args.seed}) -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
