"""Learn the gender of first names from PolNeAR train's honorifics, for pronoun agreement.

    python tools/learn_first_names.py ../shared/data/polnear/train > extract/data/first_names.tsv

Newspapers that write `Mr. Sanders` and `Mrs. Clinton` also give the full names (`Bernie
Sanders`, `Hillary Clinton`): within one article, a surname that takes only `Mr.` (or only
`Mrs.`, `Ms.`, `Miss`) gives the gender of the first name written before it, when the
article gives that surname one first name only (`Ivanka Trump` beside `Donald Trump` and
`Mr. Trump` says nothing). A name is kept when train shows it in at least two articles with
one gender at least 90 % of the time; titles and function words (`Senator`, `And`) are no
first names. extract/speakers.py reads the table so that `she` does not resolve to a man the
article names `Mr.`, or whose first name is here. Only the article texts of train are read.
"""
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.speakers import honorific_genders  # noqa: E402

HONORIFICS = ("Mr", "Mrs", "Ms", "Miss")
MIN_ARTICLES = 2
MIN_SHARE = 0.9


def not_first_names() -> frozenset[str]:
    data = Path(__file__).resolve().parents[1] / "extract" / "data"
    words = set()
    for name in ("titles.txt", "function_words.txt"):
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(line.strip().lower())
    return frozenset(words)


def main(root):
    skip = not_first_names()
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for path in sorted((Path(root) / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for last, gender in honorific_genders(text).items():
            # `Hillary Rodham Clinton`, `Donald J. Trump`: a first name, an initial or a
            # middle name, the surname.
            firsts = {m.group(1) for m in re.finditer(
                r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+|[A-Z][a-z]+\s+)?" + re.escape(last) + r"\b", text)}
            firsts = {f for f in firsts if f not in HONORIFICS and f.lower() not in skip}
            if len(firsts) == 1:
                counts[firsts.pop()][gender] += 1
    print("# learned from PolNeAR train by tools/learn_first_names.py: first names and the gender of the")
    print("# honorific (Mr.; Mrs., Ms., Miss) their surnames take in the same article")
    print("name\tgender\tarticles")
    for first in sorted(counts):
        gender, n = counts[first].most_common(1)[0]
        if n >= MIN_ARTICLES and n >= MIN_SHARE * sum(counts[first].values()):
            print(f"{first}\t{gender}\t{n}")


if __name__ == "__main__":
    main(sys.argv[1])
