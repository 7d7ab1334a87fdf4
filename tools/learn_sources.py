"""Learn which words head a speaker mention, from the Source spans of PolNeAR train.

    python tools/learn_sources.py ../shared/data/polnear/train > extract/data/source_heads.tsv

A lower-case description is accepted as a speaker mention only when its last word is one
that heads sources in the training data ("official", "spokesman", "campaign", "report"),
so that "the 1969 book" or "Wednesday" are not taken for speakers. Only train is read.
"""
import collections
import re
import sys
from pathlib import Path

WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


def main(root):
    root = Path(root)
    heads = collections.Counter()
    for ann in sorted((root / "gold").glob("*.ann")):
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[1].startswith("Source "):
                continue
            words = WORD.findall(parts[2])
            # The head of "a senior official familiar with the talks" is "official":
            # the last word before a preposition or relative clause, else the last word.
            cut = len(words)
            for i, w in enumerate(words):
                if i and w.lower() in ("of", "for", "with", "at", "from", "in", "who", "close", "familiar", "on", "to", "and"):
                    cut = i
                    break
            if cut and words[cut - 1][:1].islower():
                heads[words[cut - 1].lower()] += 1
    print("# learned from PolNeAR train by tools/learn_sources.py: head words of speaker descriptions")
    print("word\tcount")
    for w, c in heads.most_common():
        if c >= 2:
            print(f"{w}\t{c}")


if __name__ == "__main__":
    main(sys.argv[1])
