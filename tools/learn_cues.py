"""Learn the cue lexicon from PolNeAR train: which words introduce attributions, how often.

    python tools/learn_cues.py ../shared/data/polnear/train > extract/data/cues.tsv
    python tools/learn_cues.py ../shared/data/polnear/train --phrases > extract/data/cue_phrases.tsv
    python tools/learn_cues.py ../shared/data/polnear/train --infinitives > extract/data/infinitive_cues.tsv

For every word form that heads a gold Cue span, counts how often it is a cue and how often
it occurs at all in the training articles; the ratio is the cue's precision, which the
extractor uses to keep reliable cues and drop words that are cues only sometimes
("see", "call"). Stances are assigned from tools/stances.tsv, a short hand-made list.
With --phrases, the same for cues that end on a preposition ("called for", "referring to",
"talked about"): a cue word and the particle after it, how often the pair heads or ends a
gold Cue span and how often it occurs; the extractor lets the content of such a cue start
after the particle.
With --infinitives, words followed by an infinitive (`vowed to repeal`, `declined to say`):
how often `WORD to` occurs and how often a gold Content starts at its `to`; the extractor
lets the content of such a cue be the infinitive.
Only train is read, never dev.
"""
import collections
import re
import sys
from pathlib import Path

WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
AUX = {"has", "have", "had", "also", "is", "was", "were", "are", "been", "be", "would", "will",
       "did", "does", "do", "not", "never", "later", "then", "publicly", "previously", "repeatedly",
       "recently", "once", "already", "often", "just", "even", "still", "reportedly", "has", "n't"}


def cue_spans(ann: Path):
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            label, _, rng = parts[1].partition(" ")
            if label == "Cue":
                pieces = [tuple(map(int, p.split())) for p in rng.split(";")]
                yield pieces


def head(words):
    """The cue's main word: skip auxiliaries and adverbs ('has also said' -> 'said')."""
    content = [w for w in words if w.lower() not in AUX and not (w.lower().endswith("ly") and len(w) > 4)]
    return content[0].lower() if content else None


# Particles that a cue can end on, its content following them.
PARTICLES = ("about", "against", "at", "for", "of", "on", "to", "with")


def phrases(root: Path):
    """(cue word, particle) pairs ending gold Cue spans: counts, occurrences, precision."""
    cue_count = collections.Counter()
    all_count = collections.Counter()
    for ann in sorted((root / "gold").glob("*.ann")):
        text = (root / "articles" / f"{ann.stem}.txt").read_text(encoding="utf-8")
        words = [w.lower() for w in WORD.findall(text)]
        for pair in zip(words, words[1:]):
            if pair[1] in PARTICLES:
                all_count[pair] += 1
        for pieces in cue_spans(ann):
            words = [w.lower() for w in WORD.findall(" ".join(text[s:e] for s, e in pieces))]
            if len(words) >= 2 and words[-1] in PARTICLES:
                cue_count[(words[-2], words[-1])] += 1
    print("# learned from PolNeAR train by tools/learn_cues.py --phrases; columns: cue word, particle, gold cue count, occurrences, precision")
    print("word\tparticle\tcue_count\ttotal\tprecision")
    for (w, particle), c in sorted(cue_count.items(), key=lambda kv: (-kv[1], kv[0])):
        total = max(all_count[(w, particle)], c)
        if c >= 2:
            print(f"{w}\t{particle}\t{c}\t{total}\t{c / total:.3f}")


_INFINITIVE = re.compile(r"\b([a-z]+)[ \t]+(to)[ \t]+[a-z]")


def infinitives(root: Path):
    """Words whose infinitive complement (`vowed to …`) gold marks as attributed content."""
    content_count = collections.Counter()
    all_count = collections.Counter()
    for ann in sorted((root / "gold").glob("*.ann")):
        text = (root / "articles" / f"{ann.stem}.txt").read_text(encoding="utf-8")
        starts = set()
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 3 and parts[1].startswith("Content "):
                starts.add(int(parts[1].split()[1]))
        for m in _INFINITIVE.finditer(text):
            all_count[m.group(1)] += 1
            content_count[m.group(1)] += m.start(2) in starts
    print("# learned from PolNeAR train by tools/learn_cues.py --infinitives; columns: word, gold contents starting at its `to`, occurrences of `word to`, precision")
    print("word\tcontent_count\ttotal\tprecision")
    for w, c in sorted(content_count.items(), key=lambda kv: (-kv[1], kv[0])):
        if c >= 2:
            print(f"{w}\t{c}\t{all_count[w]}\t{c / all_count[w]:.3f}")


def main(root):
    root = Path(root)
    cue_count = collections.Counter()
    phrase_count = collections.Counter()
    all_count = collections.Counter()
    for ann in sorted((root / "gold").glob("*.ann")):
        text = (root / "articles" / f"{ann.stem}.txt").read_text(encoding="utf-8")
        for w in WORD.findall(text):
            all_count[w.lower()] += 1
        for pieces in cue_spans(ann):
            words = WORD.findall(" ".join(text[s:e] for s, e in pieces))
            h = head(words)
            if h:
                cue_count[h] += 1
            if len(words) > 1:
                phrase_count[" ".join(w.lower() for w in words)] += 1
    print("# learned from PolNeAR train by tools/learn_cues.py; columns: word, gold cue count, occurrences, precision")
    print("word\tcue_count\ttotal\tprecision")
    for w, c in sorted(cue_count.items(), key=lambda kv: -kv[1]):
        total = max(all_count[w], c)
        if c >= 2:
            print(f"{w}\t{c}\t{total}\t{c / total:.3f}")


if __name__ == "__main__":
    if "--phrases" in sys.argv[2:]:
        phrases(Path(sys.argv[1]))
    elif "--infinitives" in sys.argv[2:]:
        infinitives(Path(sys.argv[1]))
    else:
        main(sys.argv[1])
