"""How fast the explorer redraws after a filter change on a 5,000-article corpus.

    .venv/bin/python benchmarks/bench_app.py [--articles 5000] [--workdir /tmp/claimscope-bench-app]
                                             [--changes 8] [--warm]

Builds a synthetic corpus (benchmarks/make_synthetic.py: PolNeAR paragraphs resampled, with
PolNeAR outlets and dates) in WORKDIR/corpus unless it is there, extracts it once through the
store in WORKDIR/store (a second run of this benchmark reuses it), then drives the app with
streamlit.testing.v1.AppTest, which runs app.py in this process as the server would: for each
page, CHANGES reruns, each after one sidebar filter change (outlet, anonymity, role, kind,
search, clear), timed from the change to the rerun's end. Prints the median and max per page.
The app's table cache is emptied before each page, so every page pays for filtering too.
The script runs in AppTest's own thread; to see where a rerun's time goes:
`.venv/bin/py-spy record -o /tmp/app.svg -- .venv/bin/python benchmarks/bench_app.py --warm`.

Opening the corpus (store lookups, then speakers, claim matching and copy detection over the
whole corpus) is timed too and its frames saved in WORKDIR; `--warm` puts those saved frames
in the app's memory instead of opening again (for profiling reruns; the first-load figure is
then not measured).
"""
from __future__ import annotations

import argparse
import os
import pickle
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

PAGES = ["overview", "claims", "speakers", "outlets", "matrix", "corpus"]
TARGET_S = 1.0


def build_corpus(folder: Path, articles: int, seed: int) -> None:
    import make_synthetic

    if (folder / "metadata.csv").exists() and sum(1 for _ in folder.glob("*.txt")) == articles:
        return
    t0 = time.perf_counter()
    make_synthetic.main([str(folder), "--articles", str(articles), "--seed", str(seed)])
    print(f"corpus generated in {time.perf_counter() - t0:.1f} s")


def open_once(folder: Path, store: Path, warm: bool):
    """The corpus the app will show, in the app's memory cache (as its first run leaves it)."""
    from explorer import state
    from explorer.data import LoadedCorpus, open_corpus
    from extract import EXTRACTOR_VERSION

    paths = (str(folder),)
    key = state.corpus_key(paths)
    saved = folder.parent / "opened.pickle"
    if warm and saved.exists():
        with open(saved, "rb") as fh:
            version, saved_key, corpus = pickle.load(fh)
        if saved_key == key:
            stale = "" if version == EXTRACTOR_VERSION else f", made by extractor {version}"
            print(f"warm: frames from the last run put in the app's memory (first load not measured{stale})")
            return state.remember(key, corpus)
        print("warm: the corpus files changed since the frames were saved, opening again")
    t0 = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int, step: str) -> None:
        if time.perf_counter() - last[0] > 15 or done == total:
            last[0] = time.perf_counter()
            print(f"  {step}: {done:,}/{total:,} ({last[0] - t0:.0f} s)", flush=True)

    corpus = open_corpus([folder], progress, store_dir=store)
    print(f"first load (what the app's first run does, through the store) {time.perf_counter() - t0:.1f} s "
          f"({corpus.store_note})", flush=True)
    with open(saved, "wb") as fh:
        pickle.dump((EXTRACTOR_VERSION, key, LoadedCorpus(**{**corpus.__dict__, "key": ""})), fh)
    return state.remember(key, corpus)


def filter_changes(corpus, n: int) -> list[tuple[str, object]]:
    """n widget changes, cycling through the sidebar's kinds of filter."""
    claims = corpus.claims
    outlets = claims["outlet"].value_counts().index.tolist()
    roles = claims["role"].value_counts().index.tolist()
    cycle = [
        ("w_outlet", [outlets[0]]),
        ("w_anonymity", ["anonymous"]),
        ("w_outlet", outlets[1:3]),
        ("w_role", [roles[1 % len(roles)]]),
        ("w_kind", ["direct"]),
        ("w_search", "president"),
        ("clear", None),
        ("w_outlet", [outlets[-1]]),
    ]
    return [cycle[i % len(cycle)] for i in range(n)]


def apply_change(at, change) -> None:
    key, value = change
    if key == "clear":
        next(b for b in at.sidebar.button if b.label == "Clear filters").click()
    elif key == "w_search":
        at.text_input(key=key).input(value)
    else:
        at.multiselect(key=key).set_value(value)


def bench_page(at, page: str, changes) -> list[float]:
    from explorer import state

    state._derived()[0].clear()
    at.switch_page("pages/overview.py" if page == "overview" else f"pages/{page}.py").run()
    assert not at.exception, at.exception
    times = []
    for change in changes:
        apply_change(at, change)
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
        assert not at.exception, (page, change, at.exception)
        assert at.title and at.title[0].value, (page, change)
    # Leave the next page an unfiltered start.
    if at.sidebar.button and any(b.label == "Clear filters" and not b.disabled for b in at.sidebar.button):
        apply_change(at, ("clear", None))
        at.run()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", default="/tmp/claimscope-bench-app")
    parser.add_argument("--changes", type=int, default=8)
    parser.add_argument("--warm", action="store_true", help="reuse the frames the last run opened")
    args = parser.parse_args(argv)

    workdir = Path(args.workdir)
    folder, store = workdir / "corpus", workdir / "store"
    build_corpus(folder, args.articles, args.seed)
    os.environ["CLAIMSCOPE_DATA"] = str(folder)
    os.environ["CLAIMSCOPE_STORE"] = str(store)
    corpus = open_once(folder, store, args.warm)
    print(f"{len(corpus.articles):,} articles, {len(corpus.claims):,} claims, "
          f"{corpus.claims['outlet'].nunique()} outlets, {corpus.claims['speaker_canonical'].nunique():,} speakers")

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
    t0 = time.perf_counter()
    at.run()
    assert not at.exception, at.exception
    print(f"first app run on the corpus in memory: {time.perf_counter() - t0:.2f} s")

    changes = filter_changes(corpus, args.changes)
    print(f"\nrerun after a filter change, {len(changes)} changes per page "
          f"({len(corpus.articles):,} articles, {len(corpus.claims):,} claims):")
    print(f"{'page':<10} {'median s':>9} {'max s':>7}")
    worst = 0.0
    for page in PAGES:
        times = bench_page(at, page, changes)
        worst = max(worst, max(times))
        print(f"{page:<10} {statistics.median(times):>9.3f} {max(times):>7.3f}", flush=True)
    verdict = "under" if worst < TARGET_S else "OVER"
    print(f"\nslowest rerun {worst:.3f} s: {verdict} the {TARGET_S:.0f} s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
