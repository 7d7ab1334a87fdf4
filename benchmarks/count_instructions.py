"""Per-article extraction work in instructions, not seconds: an A/B that the machine's load
cannot move.

    python benchmarks/count_instructions.py                 # this checkout
    python benchmarks/count_instructions.py --ref c7586e8   # and another commit, side by side (~11 min)
    python benchmarks/count_instructions.py --cython        # and this checkout compiled by Cython (needs `pip install cython`)

On a shared 2-core machine the wall and CPU times of `bench_speed.py` drift by 30 % from one
run to the next (the tokenizer baseline alone has read 0.9 s and 3.0 s), so a change of a
few percent cannot be seen in them. `valgrind --tool=callgrind` counts the instructions the
interpreter executes, the same for the same code and input whatever else runs. Each tree is
counted twice, in a fresh process: reading the articles plus a warm-up extraction alone,
then the same plus one per-article pass (`extract_articles(..., corpus_passes=False)`) over
every Nth article of the input; the difference is the pass. Bytecode is compiled first
(`compileall`), since `PYTHONDONTWRITEBYTECODE` would otherwise make each run compile the
tree's own sources and charge that to whichever tree has more code. `--ref` checks the
commit out in a temporary git worktree. `--cython` copies this checkout's `extract/` to a
temporary folder and compiles its per-article modules there with Cython, unchanged and
untyped, to see what compiling alone would save (the copy's claims can be compared with
`python -m extract` run from it). Needs valgrind (Debian's package).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "polnear" / "train" / "articles"

CHILD = """
import sys
from extract import extract_articles
from extract.ingest import read_articles
articles, _ = read_articles([sys.argv[1]])
extract_articles(articles[:3])
if sys.argv[2] == "pass":
    extract_articles(articles[5::int(sys.argv[3])], corpus_passes=False)
"""


def collected(tree: Path, input_dir: str, every: int, mode: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(CHILD, encoding="utf-8")
        # A fixed hash seed: str hashes are randomised per process, and with them the layout of
        # every set and dict; the same code counted 1,302-1,326 M in three runs without it.
        env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", sys.executable, str(script),
             input_dir, mode, str(every)],
            cwd=tree, env=env, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"callgrind run failed in {tree}:\n{run.stderr[-2000:]}")
        match = re.search(r"Collected : (\d+)", run.stderr)
        if not match:
            sys.exit(f"no instruction count in callgrind's output for {tree}")
        return int(match.group(1))


def pass_instructions(tree: Path, input_dir: str, every: int) -> tuple[int, int]:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "extract")], check=True)
    base = collected(tree, input_dir, every, "base")
    full = collected(tree, input_dir, every, "pass")
    return full - base, base


# The modules of the per-article pass; the package's __init__ stays Python.
CYTHON_MODULES = ("attribution", "reported", "speakers", "textindex", "tokenizer", "quotes", "layout",
                  "pipeline", "quote_model", "logistic")


def cython_copy(dest: Path) -> Path:
    """A copy of this checkout's extract/ with the per-article modules compiled by Cython."""
    shutil.copytree(ROOT / "extract", dest / "extract", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    sources = [f"extract/{name}.py" for name in CYTHON_MODULES]
    build = ("from setuptools import setup\nfrom Cython.Build import cythonize\n"
             f"setup(ext_modules=cythonize({sources!r}, language_level=3, nthreads=2, quiet=True),"
             " script_args=['build_ext', '--inplace'])\n")
    (dest / "build_cython.py").write_text(build, encoding="utf-8")
    subprocess.run([sys.executable, "build_cython.py"], cwd=dest, check=True, capture_output=True)
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(DEFAULT_INPUT), help="folder of articles (PolNeAR train)")
    parser.add_argument("--every", type=int, default=28, help="count the pass over every Nth article (30 of train)")
    parser.add_argument("--ref", help="a git commit to count beside this checkout")
    parser.add_argument("--cython", action="store_true",
                        help="also count this checkout compiled by Cython (unchanged, untyped)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install -y valgrind)", file=sys.stderr)
        return 2
    trees = [("this checkout", ROOT)]
    worktree = None
    if args.ref:
        worktree = Path(tempfile.mkdtemp(prefix="claimscope-ref-")) / "tree"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(worktree), args.ref], cwd=ROOT, check=True)
        trees.insert(0, (args.ref, worktree))
    compiled = None
    if args.cython:
        try:
            import Cython  # noqa: F401
        except ImportError:
            print("--cython needs Cython (.venv/bin/python -m pip install cython)", file=sys.stderr)
            return 2
        compiled = Path(tempfile.mkdtemp(prefix="claimscope-cython-"))
        trees.append(("compiled (Cython)", cython_copy(compiled)))
    try:
        n = len(range(5, len(list(Path(args.input).glob("*.txt"))), args.every))
        print(f"one per-article pass over every {args.every}th article of {args.input} (~{n} .txt articles), "
              "after a 3-article warm-up:")
        counts = []
        for label, tree in trees:
            work, base = pass_instructions(tree, args.input, args.every)
            counts.append(work)
            print(f"  {label:<16} {work / 1e6:>9,.0f} M instructions   (imports, reading, warm-up: {base / 1e6:,.0f} M)")
        for (label, _), work in zip(trees[1:], counts[1:]):
            print(f"  change           {100 * (work - counts[0]) / counts[0]:+.1f} %   ({label} vs {trees[0][0]})")
    finally:
        if compiled is not None:
            shutil.rmtree(compiled, ignore_errors=True)
        if worktree is not None:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
