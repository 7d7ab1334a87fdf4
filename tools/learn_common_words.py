"""Learn which words are ordinary lower-case words from PolNeAR train, so that one
capitalised only because it opens a sentence or a headline (`Killing Soleimani was …`) is
not read as a first name.

    python tools/learn_common_words.py ../shared/data/polnear/train > extract/data/common_words.txt

A word counts when train writes it in lower case in the middle of a sentence (after a
lower-case word or a comma) in at least three articles, and capitalised there less than a
tenth as often: `killing`, `does`, `maybe` are in; `bill`, `rush`, `bush`, `trump`, which
train capitalises mid-sentence as names, are not. Only the article texts of train are read.
"""
import collections
import re
import sys
from pathlib import Path

MIN_ARTICLES = 3
MAX_CAPITALISED = 0.1
# A word in the middle of a sentence: after a lower-case letter or a comma and one space.
_MID_SENTENCE_WORD = re.compile(r"(?<=[a-z,;] )([A-Za-z][a-z]+)\b")


def main(root: str) -> None:
    articles: collections.Counter = collections.Counter()
    lower: collections.Counter = collections.Counter()
    capitalised: collections.Counter = collections.Counter()
    for path in sorted((Path(root) / "articles").glob("*.txt")):
        seen = set()
        for m in _MID_SENTENCE_WORD.finditer(path.read_text(encoding="utf-8")):
            word = m.group(1)
            if word[0].islower():
                seen.add(word)
                lower[word] += 1
            else:
                capitalised[word.lower()] += 1
        articles.update(seen)
    print("# learned from PolNeAR train by tools/learn_common_words.py: words written in lower case mid-sentence")
    print("# in at least three articles, and capitalised there less than a tenth as often")
    for word in sorted(articles):
        if articles[word] >= MIN_ARTICLES and capitalised[word] < MAX_CAPITALISED * lower[word]:
            print(word)


if __name__ == "__main__":
    main(sys.argv[1])
