"""Reported speech: claims without quotation marks, introduced by a cue.

Each cue word from the learned lexicon (extract/data/cues.tsv, less the codebook's
private-state verbs) opens a candidate, read with the same mention rules as direct quotes
(extract.attribution):
  `X said (that) CONTENT.`   `X told reporters CONTENT.`   `X hit back, saying CONTENT.`
  `CONTENT, X said.`         `CONTENT, said X.`
  `According to X, CONTENT.` `CONTENT, according to X.`
  `X: CONTENT`  (a line labelled with its speaker: headlines, transcripts)
Content that is one quotation and nothing else is left to the direct claim.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import logistic, textindex
from .attribution import (MIN_CONTENT_WORDS, NOT_SPEECH, _MAX_MENTION_WORDS, _PREPOSITIONS, _TRAILING_NOISE, _ADJUNCT_PREPOSITIONS,
                          _WORD, _PASSIVE_AUXILIARIES, _PASSIVE_BEFORE, _apposed, _clause_subject, _word_before, _earlier_cue_subject, _in_opening_clause, _is_cue, description_subject, _words, cue_table, cues_in, mention_after,
                          mention_before, sentence_subject, speech_verbs, subject_of, valid_mention)
from .attribution import Mention, _NOT_NAMES
from .lexicon import load_table, load_words
from .quotes import Quote
from .schema import Claim

_THAT = re.compile(r"\s*(?:that\s+|,\s*)?", re.IGNORECASE)
# Words that open what was said or asked (`warned that …`, `asked whether …`): no listener,
# no agent's name, runs on past them.
_OPENS_CONTENT = "that|whether|if|why|what|how|when|where|who"
_TOLD_OBJECT = re.compile(r"\s+((?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}(?:reporters|journalists|supporters|the crowd|[A-Z][\w.’'-]*|him|her|them|us|me|CNN|lawmakers|voters)|(?!(?:" + _OPENS_CONTENT + r"|which|by)\b)[a-z]+(?:\s+[a-z]+)?)(?=\s+(?:that\b|on\b|in\b|[a-z]))", re.UNICODE)


# Candidates come from every cue the training data shows introducing attributions at least
# this often; the reported-speech model then decides which candidates are claims.
CANDIDATE_MIN_PRECISION = 0.05
CANDIDATE_MIN_COUNT = 2
# A candidate is kept when the model gives it at least the probability stored with its
# weights (chosen on PolNeAR train by tools/train_reported_model.py for the best F1 there).
DEFAULT_THRESHOLD = 0.5


def find_reported(text: str, sent: tuple[int, int], quotes: list[Quote], keep_all: bool = False) -> list[Claim]:
    """Indirect claims in one sentence, one per cue that frames reported content.

    keep_all keeps the candidates the model rejects (their features and probability are in
    claim.extra), for training that model."""
    s_start, s_end = sent
    claims: list[Claim] = []
    cues = reported_cues()
    inside = [(q.open_mark, q.outer[1]) for q in quotes if q.end > s_start and q.start < s_end] if quotes else []

    def in_quote(pos: int) -> bool:
        return any(a <= pos < b for a, b in inside)

    # Only cue words can open a candidate: look them up in the article's cue index rather
    # than walking every word of the sentence.
    title = None
    for w in cues_in(text, s_start, s_end, _candidate_words()):
        low = w[2].lower()
        if inside and in_quote(w[0]):
            continue
        nxt = _WORD.search(text, w[1], s_end) if low == "according" else None
        if nxt is not None and nxt.group().lower() == "to":
            claim = _according_to(text, sent, w, (nxt.start(), nxt.end(), nxt.group()))
        elif low == "asked" and not text[s_start:w[0]].strip(" “\"‘("):
            claim = _asked_opening(text, sent, w)
        elif low == "asked" and (lead := _WHEN_ASKED.search(text, max(s_start, w[0] - 12), w[0])) is not None \
                and (claim := _asked_opening(text, sent, w, opens=_CLAUSE_LEAD.fullmatch(text, s_start, lead.start()) is not None)) is not None:
            pass
        elif low in load_words("raising_passives.txt") and (raised := _raising_passive(text, sent, w)) is not None:
            claim = raised
        elif _is_cue(text, w, cues, s_start) or low in cues and text[w[0] - 1:w[0]] not in ("-", "‐") \
                and (title if title is not None else (title := _title_case(text, s_start, s_end))):
            claim = _reported_after(text, sent, w) or _reported_before(text, sent, w)
        else:
            continue
        if claim is None or _all_quoted(text, claim.start, claim.end, inside):
            continue
        if low in load_words("physical_sense_cues.txt") and _physical_target(text, claim.start, claim.end):
            continue    # `militias attacked the embassy`: an assault, not speech
        features = candidate_features(text, claim, inside)
        claim.extra["features"] = features
        claim.extra["p_claim"] = p = claim_probability(features)
        # A raising passive is kept by its pattern: PolNeAR train holds about a dozen, too few
        # for the model to weigh its rule, and its cue words (`rumored`) are rare ones.
        if p >= accept_threshold() or keep_all or claim.rule == "reported-passive":
            claims.append(claim)
    # (No chain of cues without two claims: most sentences have none or one.)
    return claims if keep_all or len(claims) < 2 else _one_per_content(text, claims)


# Where a content's opening noun phrase ends: a preposition, a conjunction, a time word.
_PHRASE_ENDS = _PREPOSITIONS | frozenset("and or but as over last this after before during while when which who that early late earlier".split())


def _physical_target(text: str, start: int, end: int) -> bool:
    """Whether the noun phrase that opens a content (`the U.S. Embassy in Baghdad …`) has a
    place, a vehicle or armed people as its head: what a physical attack is made on."""
    head = None
    for w in _words(text, start, min(end, start + 80))[:6]:
        low = w[2].lower()
        if low in _PHRASE_ENDS or text[w[0] - 1:w[0]] in (",", ";") and head is not None:
            break
        head = low
    return head in load_words("physical_targets.txt")


def _one_per_content(text: str, claims: list[Claim]) -> list[Claim]:
    """One claim per reported content: a chain of verbs frames the same words twice
    (`X pivoted to arguing that …`, `Officials looked at the files and found that …`), and
    the codebook makes a content one claim. Its cue is the verb that introduces the content
    (the last cue before it: `arguing`, `found`); its speaker is the chain's subject, which
    only the first verb's claim has read."""
    by_content: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        by_content.setdefault((claim.start, claim.end), []).append(claim)
    kept = []
    for claim in claims:
        group = by_content[(claim.start, claim.end)]
        if len(group) == 1:
            kept.append(claim)
            continue
        before = [c for c in group if c.cue_start is not None and c.cue_start < c.start]
        chosen = max(before, key=lambda c: c.cue_start) if before else group[0]
        if claim is not chosen:
            continue
        if chosen.mention_start is None:
            # (Not the subject of an object-control verb: in `The coach asked his players to
            # say that …` the players say it, object_control_words.txt.)
            control = load_words("object_control_words.txt")
            speaking = next((c for c in group if c.mention_start is not None
                             and text[c.cue_start:c.cue_end].lower() not in control), None)
            if speaking is not None:
                chosen.mention_start, chosen.mention_end = speaking.mention_start, speaking.mention_end
                chosen.descriptor_start, chosen.descriptor_end = speaking.descriptor_start, speaking.descriptor_end
        kept.append(chosen)
    return kept


# A clause joined to a reported content: `, and` / `but` / `while` / `though` / `;` / a dash.
_COORDINATED_CLAUSE = re.compile(r"(?:,?\s+(?:and|but|while|though|although|whereas|yet)\s+|;\s*|\s+[-—–]+\s*(?:(?:and|but|while|though)\s+)?)(?:(?:(?:in|on|at|with|after|before|during|for|by|under|since|until|then|later|now|still|meanwhile|instead)\b[^,;:“”\"]{0,40}|[a-z]+ly),\s+)?$", re.IGNORECASE)
# Claims whose speaker is the subject of their cue verb (not a possessor: `his promise to …`).
_SUBJECT_RULES = frozenset(("reported-after", "reported-phrase", "before-quote"))
# A relative clause's speaker (`…, who said …`) is inside the content it qualifies.
_RELATIVE_SPEAKERS = frozenset(("who", "which", "that", "whom", "whose"))


def end_before_coordinated_claims(text: str, claims: list[Claim]) -> None:
    """A reported content ends before a coordinated clause whose subject opens another claim
    (`Many Republicans have said they will not attend, and others have said they are not
    interested`): each clause is its own claim with its own speaker, so the first content does
    not run on over the second's attribution (where its speaker would stand for the second's).
    An adverbial may open the second clause (`…; on Tuesday, critics said …`, `but privately,
    officials say …`). A relative speaker (`…, and who said …`) qualifies a noun of the
    content and a possessor (`and his promise to …`) heads a noun phrase of it: neither ends
    it; nor does a clause joined by a comma alone (too often a list or an apposition)."""
    if len(claims) < 2:
        return      # (one claim has no other to end at)
    for claim in claims:
        if claim.kind != "indirect":
            continue
        cut = None
        for other in claims:
            s = other.mention_start
            if other is claim or s is None or other.cue_start is None or other.rule not in _SUBJECT_RULES \
                    or not claim.start < s < claim.end or not s < other.cue_start < claim.end + 200:
                continue
            mention = text[s:other.mention_end]
            low = mention.lower()
            if low in _RELATIVE_SPEAKERS or low in load_words("possessive_pronouns.txt") \
                    or mention.endswith(("’", "'", "’s", "'s")) or text[other.mention_end:other.cue_start].lstrip().startswith(("’", "'")):
                continue
            joint = _COORDINATED_CLAUSE.search(text, claim.start, s)
            if joint is not None and joint.start() - claim.start >= 10 and (cut is None or joint.start() < cut):
                cut = joint.start()
        if cut is not None:
            while cut > claim.start and text[cut - 1] in " ,-—–":
                cut -= 1
            claim.end = cut


_TITLE_WORD = re.compile(r"[A-Za-z][\w’']{3,}")


def _title_case(text: str, start: int, end: int) -> bool:
    """A headline written in title case (`Bush Says We Should Pay Attention To History`),
    where a capitalised cue word is still a cue: most words of four letters or more
    capitalised."""
    words = _TITLE_WORD.findall(text, start, end)
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


@lru_cache(maxsize=1)
def _candidate_words() -> frozenset[str]:
    return reported_cues() | {"according"} | load_words("raising_passives.txt")


@lru_cache(maxsize=1)
def reported_cues() -> frozenset[str]:
    """Cue words that open a candidate: the learned lexicon less the private-state verbs,
    the auxiliaries and modals (`might`, `didn't`) and adverbs (`now`, `long`)."""
    excluded = load_words("private_state_verbs.txt") | _auxiliaries() | load_words("not_cue_heads.txt")
    learned = {w for w, (n, p) in cue_table().items()
               if n >= CANDIDATE_MIN_COUNT and p >= CANDIDATE_MIN_PRECISION and w not in NOT_SPEECH
               and w not in excluded and not w.endswith(_NEGATION) and w != "cannot"}
    return frozenset(learned | load_words("speech_verbs.txt"))


# --- the reported-speech model ------------------------------------------------------------

_AUX_BEFORE = frozenset("is was were are be been being am".split())
_MODAL_BEFORE = frozenset("will would could can may might should must shall".split())
_PRONOUN_START = frozenset("i he she it they we you there".split())
_DETERMINER_START = frozenset("the a an this that these those his her their its our my some all no".split())
_FREQUENT_CUE = 3      # cues seen this often in training get a weight of their own
_EARLY_WORDS = 6       # content words read for an auxiliary
# The word right after the cue, past a space or a comma or quotation mark.
_NEXT_WORD = re.compile(r"\W{0,3}?(\w[\w’'-]*)")
_QUOTE_CHARS = ("“", "”", '"')
_THAT_AT_END = re.compile(r"\bthat\s*$")
_MENTION_PRONOUNS = _PRONOUN_START | {"him", "her", "them"}
# Words before a cue that make it an adjective or noun (`the announced plan`).
_DETERMINER_BEFORE = frozenset(("the", "a", "an", "his", "her", "their", "its"))


def candidate_features(text: str, claim: Claim, inside: list[tuple[int, int]]) -> dict[str, float]:
    """Cheap features of one candidate: its cue, its frame, its content, and the words around
    them. Word-identity features (`prev=`, `next=`, `content1=`, `content2=`, `mention_head=`)
    are set for any word: the model keeps weights only for those that training saw often
    (tools/train_reported_model.py), so an unseen word adds nothing."""
    # (The claim's offsets read once into locals; each feature is set in the order the model
    # was trained with, as the dot product adds in dict order.)
    cue_start, cue_end = claim.cue_start, claim.cue_end
    s_start = claim.sentence_start
    c_start, c_end = claim.start, claim.end
    cue = text[cue_start:cue_end]
    low = cue.lower().split()[0]
    count, precision = cue_table().get(low, (0, 0.0))
    f: dict[str, float] = {"bias": 1.0, "rule=" + (claim.rule or "none"): 1.0}
    f["cue=" + (low if count >= _FREQUENT_CUE or low == "according" else "rare")] = 1.0
    f["cue_precision"] = precision
    f["cue_lexicon"] = 1.0 if low in _speech_lexicon() else 0.0
    if cue[:1].isupper():
        f["cue_capitalised"] = 1.0
    if low.endswith("ing"):
        f["cue_suffix=ing"] = 1.0
    elif low.endswith("ed"):
        f["cue_suffix=ed"] = 1.0
    elif low.endswith("s"):
        f["cue_suffix=s"] = 1.0
    last = _word_before(text, max(s_start, cue_start - 30), cue_start)
    if last is not None:
        prev = last[2].lower()
        # The word before the cue (`who said`, `has said`, `not said`, `the said`).
        f["prev=" + prev] = 1.0
        if prev in _AUX_BEFORE:
            f["after_be"] = 1.0          # `was called`, `is expected`: passive or adjective
        elif prev in _MODAL_BEFORE or prev == "to":
            f["after_modal"] = 1.0       # `will say`, `to announce`: not (yet) said
        elif prev in _DETERMINER_BEFORE:
            f["after_determiner"] = 1.0  # `the announced plan`: an adjective or noun
    else:
        f["opens_sentence"] = 1.0
    if s_start == 0 or text[s_start - 1] == "\n":
        f["opens_paragraph"] = 1.0
    # The word after the cue: `that`, a listener (`told reporters`), a preposition, a time.
    nxt = _NEXT_WORD.match(text, cue_end, claim.sentence_end)
    f["next=" + (nxt.group(1).lower() if nxt is not None else "none")] = 1.0
    if text.startswith(" by", cue_end):
        f["followed_by_by"] = 1.0
    if claim.mention_start is None:
        f["no_mention"] = 1.0
    else:
        last = text[claim.mention_start:claim.mention_end].split()[-1]
        last_low = last.lower()
        f["mention_pronoun" if last_low in _MENTION_PRONOUNS
          else "mention_name" if last[:1].isupper() else "mention_description"] = 1.0
        f["mention_head=" + last_low] = 1.0     # `officials`, `campaign`, `report`, `poll`
    if c_start > cue_start:
        between = text[cue_end:c_start]
        # The pattern ends on `that` and white space: test the end first, the regex for \b.
        if between.rstrip().endswith("that") and _THAT_AT_END.search(between):
            f["has_that"] = 1.0
    content = _words(text, c_start, c_end)
    n = len(content)
    # The content's length bucket: one of them, always (n3_4 takes the shortest).
    f["n3_4" if n <= 4 else "n5_8" if n <= 8 else "n9_15" if n <= 15 else "n16_30" if n <= 30 else "n31"] = 1.0
    if content:
        first = content[0][2]
        first_low = first.lower()
        f["first=" + ("pronoun" if first_low in _PRONOUN_START else "determiner" if first_low in _DETERMINER_START
                      else "capital" if first[:1].isupper() else "lower")] = 1.0
        f["content1=" + first_low] = 1.0
        if n > 1:
            f["content2=" + content[1][2].lower()] = 1.0
        # A clause has a verb early; a noun phrase (`a video on Instagram`) most often has no
        # auxiliary or negation in its first words.
        auxiliaries = _auxiliaries()
        for w in content[:_EARLY_WORDS]:
            word = w[2].lower()
            if word in auxiliaries or word.endswith(_NEGATION):
                f["content_auxiliary"] = 1.0
                break
        # Content holding a cue of its own (`X said Y told Z that …`): looked up in the
        # article's cue index.
        if cues_in(text, c_start, c_end, _candidate_words()):
            f["content_has_cue"] = 1.0
    span = text[c_start:c_end]
    if any(a < c_end and b > c_start for a, b in inside) or "“" in span or "”" in span or '"' in span:
        f["has_quote"] = 1.0     # any of _QUOTE_CHARS
    if text[c_end:claim.sentence_end].strip(" .!?”\"'") == "":
        f["to_sentence_end"] = 1.0
    if text.startswith("?", c_end) or span.endswith("?"):
        f["question"] = 1.0
    return f


@lru_cache(maxsize=1)
def _speech_lexicon() -> frozenset[str]:
    return load_words("speech_verbs.txt")


@lru_cache(maxsize=1)
def _auxiliaries() -> frozenset[str]:
    return load_words("auxiliaries.txt")


_NEGATION = ("n't", "n’t")     # `isn’t`, `won't`: a contracted negation ends the word


@lru_cache(maxsize=1)
def _model() -> dict:
    return logistic.load("reported_model.json")


@lru_cache(maxsize=1)
def accept_threshold() -> float:
    # (Read once: the model file does not change while the extractor runs, and every
    # candidate asks.)
    return float(_model().get("threshold", DEFAULT_THRESHOLD))


def claim_probability(features: dict[str, float]) -> float:
    return logistic.probability(_model(), features)


def _all_quoted(text: str, start: int, end: int, inside: list[tuple[int, int]]) -> bool:
    """Content that is one quote and nothing else is a direct claim, not reported speech."""
    span = text[start:end].strip(" ,.")
    if not span:
        return True
    covered = sum(max(0, min(b, end) - max(a, start)) for a, b in inside)
    return covered >= 0.9 * (end - start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:;—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:—–"):
        end -= 1
    return start, end


# Between a cue and its content: a time or place (`on Friday`, `in a statement`, `in one of a
# series of Twitter messages`) and the complementiser `that`.
_BEFORE_CONTENT = re.compile(
    r"\s*(?:(?:on|in|at|last|this|earlier|late|early|during|after|before|through|via|with|to)\b[^,.;:“”\"()]{0,60}?\s(?=that\s)"
    r"|(?:(?:on|late|early|earlier|last)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|night|afternoon|evening))?\s*"
    r"|(?:on|in|at|last|this|earlier|late|early)\s+(?!(?:a|an|the|his|her|their|its)\b)[\w’'-]+(?:\s+(?:morning|night|afternoon|evening))?\s*"
    # `said in an interview he …`, `said in a statement Thursday they …`
    r"|(?:in|during)\s+(?:a|an)\s+(?:[a-z-]+\s+)?(?:interview|statement|speech|email|letter|post|tweet|appearance)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|night|afternoon|evening))?)?\s+"
    r"(?=(?:he|she|they|it|I|we|the|his|her|their)\s))?(that\s+)?")


_NOT_CLAUSE_START = frozenset("""after during while when before following amid since until upon
via through throughout under over across among between into onto toward towards like unlike
last yesterday today tonight tomorrow earlier later recently repeatedly publicly privately
again also only just even yes no little much nothing something anything everything""".split())


# Words that open an adverbial, not a reported clause, even after a named speaker
# (`Rubio said after a campaign stop`).
_ADVERBIAL_START = frozenset("after during following amid upon via through throughout toward towards".split())


_ARTICLES = frozenset("the a an his her their its our my your".split())


def _after_determiner(text: str, s_start: int, cue_start: int) -> bool:
    last = _word_before(text, max(s_start, cue_start - 12), cue_start)
    # The last word ends where the text before the cue does, white space aside (a word ends
    # on a word character or a period, never on white space): the gap is tested, not the
    # whole text before the cue copied and stripped.
    return last is not None and not text[last[1]:cue_start].strip() and last[2].lower() in _ARTICLES


def _inverted(text: str, s_start: int, cue_start: int, cue_end: int, s_end: int | None = None) -> bool:
    """`…,” said X` / `…, said Steve Duprey, a …`: the cue follows its content and names
    its speaker after it; nothing it introduces follows."""
    before = text[s_start:cue_start].rstrip()
    if not before:
        return True
    if before[-1] in "“”\"'" or before.rstrip(",.;:!?")[-1:] in ("”", '"', "'"):
        return True
    if before[-1] == ",":
        if any(m in before for m in ("“", "”", '"', "''")):
            return True
        nxt = _WORD.search(text, cue_end, min(len(text), cue_end + 30))    # the first word only
        if nxt is not None and nxt.group()[:1].isupper() and nxt.group().lower() not in _CLAUSE_OPENERS:
            return True
        if s_end is not None and nxt is not None and nxt.group().lower() in _INVERTED_SPEAKER_OPENERS \
                and text[cue_start:cue_end].lower() in load_words("inversion_verbs.txt"):
            # `…, said former governor Ed Rendell, who …`, `…, said a spokesman for the ministry.`:
            # a speaker phrase after a cue that stands before its speaker (inversion_verbs.txt)
            # that ends the sentence or is set off by a comma or a relative clause.
            found = mention_after(text, cue_end, s_end)
            return found is not None and _speaker_phrase(text, found) \
                and _INVERTED_SPEAKER_END.match(text, found.end, s_end) is not None
    return False


def _inverted_speaker(text: str, cue_end: int, s_end: int) -> bool:
    """Whether a speaker phrase (a name, or a description opening on a determiner or
    `former`), with its apposed description, follows the cue to the sentence's end:
    `…, said Jane Roe, director of the fund.`"""
    found = mention_after(text, cue_end, s_end)
    if found is None or text[cue_end:found.start].strip() or not _speaker_phrase(text, found, True):
        return False
    first = _WORD.search(text, found.start, found.end)
    if first is None or not (first.group()[:1].isupper() or first.group() in _INVERTED_SPEAKER_OPENERS):
        return False
    end = found.descriptor[1] if found.descriptor else found.end
    return _INVERTED_SPEAKER_TO_END.match(text, end, s_end) is not None


_INVERTED_SPEAKER_TO_END = re.compile(r"[.!?”\"'\s]*$")


def _speaker_phrase(text: str, found: Mention, with_descriptor: bool = False) -> bool:
    """Whether a mention read after a cue is a valid speaker phrase and nothing more: no verb,
    auxiliary, pronoun or clause word in it (`said Mr. Roe had left` reads a clause), nor in
    its description when with_descriptor."""
    if not valid_mention(text, found):
        return False
    end = found.descriptor[1] if with_descriptor and found.descriptor else found.end
    return not any(x[2].lower() in _NOT_IN_SUBJECT for x in _words(text, found.start, end))


# Lower-case words opening a speaker phrase after an inverted cue: a determiner or a title's modifier.
_INVERTED_SPEAKER_OPENERS = frozenset("a an the former another one two three several some many".split())
_INVERTED_SPEAKER_END = re.compile(r"\s*(?:[.!?”\"']*\s*$|,|\s+who\b)")


_CLAUSE_OPENERS = frozenset("i he she it they we you there this that these those his her their its our".split())


# A second attribution closing the sentence ends the first one's content:
# `Trump said the wall would be paid for, according to a pool report.`
_TRAILING_SOURCE = re.compile(
    r",(?:''|[”\"])?\s+(?:according to\b|(?:he|she|they|it)\s+(?:said|says|added|told)\b"
    r"|(?:said|says)\s+(?=[A-Z]|(?:a|an|the)\s)"
    r")")


# An object and its infinitive right after a cue: `urged him (not) to …`, `asked the rest of the
# party to …` (the object's words hold no mark, no complementiser, no conjunction).
_OBJECT_INFINITIVE = re.compile(r"[ \t]+((?:(?!(?:that|whether|if|to|and|or|but|not|who|whom|which|when|where|while|as|because|after|before|since|until)\b)[\w’'.-]+[ \t]+){1,6}(?:not[ \t]+)?to[ \t]+[a-z])")
# A quotation closed by its attribution's speaker right before the cue: `“…,” the mayor told`,
# `''…,'' Jim Roe, 57, told`.
_QUOTE_THEN_SPEAKER = re.compile(r"[,?!](?:”|\"|'')[ \t]+[^“”\"\n]{1,60}$")
# `that` among the first words after a cue of telling (`told the crowd on Monday that …`).
_THAT_SOON = re.compile(r"(?:[ \t]+[^\s,;:]+){0,8}?[ \t]+that\b")
# A listener of a few words set off by a comma before a participle or a relative or
# subordinate clause (`tells employees, describing …`, `told the crowd, who …`): no content.
_LISTENER_THEN_CLAUSE = re.compile(r"[ \t]+(?:[\w’'.&-]+[ \t]+){0,4}[\w’'.&-]+,[ \t]+(?:[a-z]+ing|who|which|as|while|before|after|when)\b")
# What was said or asked opens at once: no listener is named (`warned that …`, `asked whether …`).
_CONTENT_NEXT = re.compile(r"\s+(?:" + _OPENS_CONTENT + r")\b")


def _reported_after(text: str, sent: tuple[int, int], w: tuple[int, int, str]) -> Claim | None:
    """`X said (that) CONTENT.` / `X told reporters CONTENT.`"""
    s_start, s_end = sent
    low = w[2].lower()
    # The subject search is the costly part of a candidate and most candidates fail on their
    # content first: the subject is looked for when a check needs it.
    mention = _UNSEARCHED
    pos = w[1]
    if low in ("told", "tells", "telling", "tell", "assured", "warned", "informed", "reminded", "urged", "asked"):
        rest = text[pos:s_end]
        content_next = _CONTENT_NEXT.match(rest)
        agent = _passive_agent(text, w) if _listener_passive(text, s_start, w, low) else None
        obj = None if content_next or agent else _TOLD_OBJECT.match(rest)
        control = None if content_next or agent or low not in load_words("object_control_words.txt") \
            else _OBJECT_INFINITIVE.match(text, pos, s_end)
        if control is not None:
            # `urged him not to back down`, `asked the board to delay the vote`: what was urged
            # or asked is the object and its infinitive (object_control_words.txt).
            start, end = _trim(text, control.start(1), _opening_clause_end(text, s_start, w, s_end))
            tail = _TRAILING_SOURCE.search(text, start, end)
            if tail is not None:
                end = _trim(text, start, tail.start())[1]
            if len(_words(text, start, end)) >= MIN_CONTENT_WORDS:
                return _indirect_claim(sent, w, _cue_subject(text, s_start, w, low, s_end), start, end)
        if agent:
            pos = agent.end     # `was asked by host X whether …`: what was asked follows the agent
        elif obj:
            pos += obj.end()
        elif not content_next and len(_words(text, pos, s_end)) <= 6:
            return None     # `… told the Washington Examiner.`: a listener, no content
        elif not content_next and not agent and _LISTENER_THEN_CLAUSE.match(text, pos, s_end):
            return None     # `…, an executive tells employees, describing how …`: a listener, then a new clause
        if low in _LISTENER_CUES and not content_next and not agent \
                and _QUOTE_THEN_SPEAKER.search(text, max(s_start, w[0] - 70), w[0]) is not None \
                and not _THAT_SOON.match(text, w[1], s_end):
            # `“…,” Clinton told the crowd in Tampa.`: the quotation its attribution closes is
            # what was told; the listener and the setting follow, no content of their own.
            return None
    # (Only a cue that opens some cue phrase can open one here: `said` opens none.)
    particle = _PARTICLE.match(text, pos, s_end) if low in _phrase_cues() else None
    if particle is not None and (low, particle.group(1).lower()) in cue_phrases():
        # `Trump called for a ban on …`, `referring to her father's business`: a cue that
        # ends on a preposition; its content, a noun phrase, follows it.
        mention = _cue_subject(text, s_start, w, low, s_end)
        if mention is None and _inverted(text, s_start, w[0], w[1], s_end):
            return None
        tail = _TRAILING_SOURCE.search(text, particle.end(), s_end)
        start, end = _trim(text, particle.end(), _opening_clause_end(text, s_start, w, tail.start() if tail else s_end))
        claim = _after_claim(text, sent, w, mention, start, end)
        if claim is not None:
            claim.rule = "reported-phrase"
        return claim
    # (The pattern reads two apostrophes: a sentence without them after the cue has no match.)
    opens = _APOSTROPHES_OPEN.match(text, pos, s_end) if text.find(_APOSTROPHES, pos, s_end) >= 0 else None
    if opens is not None and _APOSTROPHES not in text[s_start:w[0]]:
        # `He added, ''It will be interesting.''`: an apostrophe quote that ends the sentence
        # after its cue is the content, to its closing marks (sentences that follow
        # included), unless the cue interrupts the content (`In other words, he said, ''…''`).
        close = _apostrophes_close(text, opens.end())
        if close is not None and (close >= s_end or not text[close:s_end].strip(" .!?")) \
                and _reported_before(text, sent, w) is None:
            return _after_claim(text, sent, w, _cue_subject(text, s_start, w, low, s_end), opens.end() - len(_APOSTROPHES), close)
    # (Matched in place, not on a copy of the rest of the sentence: the pattern reads
    # nothing before its start and treats s_end as the end, as it did the copy's.)
    m = _BEFORE_CONTENT.match(text, pos, s_end)
    has_that = bool(m and m.group(1))
    pos = m.end() if m else pos
    if not has_that:
        # Without "that", the content must start like a clause: not a preposition, not "to"
        # (an infinitive: "asked to leave"), not punctuation or a quote.
        # Only the first word is read: the pattern's first match, as the window's first word.
        nxt = _WORD.search(text, pos, min(s_end, pos + 40))
        if nxt is None or nxt.start() != pos and text[pos:nxt.start()].strip():
            return None
        # (`US troops said …`: an upper-case abbreviation is a name, not the pronoun `us`)
        first = nxt.group() if nxt.group().isupper() and len(nxt.group()) > 1 else nxt.group().lower()
        if first in _NOT_CLAUSE_START:
            mention = _cue_subject(text, s_start, w, low, s_end)
            if mention is None or first in _ADVERBIAL_START:
                return None
        if first == "to" and low in infinitive_cues():
            pass    # `vowed to repeal the law`: the infinitive is what was promised
        elif first in _PREPOSITIONS or first in ("to", "and", "or", "but", "as", "so", "for", "by", "up", "out", "off", "down", "back", "over", "not", "nothing", "anything", "more", "him", "them", "me", "us", "you", "with", "about", "of"):
            return None
    # The content does not depend on the subject: a candidate too short to be a claim is
    # dropped before the subject search.
    tail = _TRAILING_SOURCE.search(text, pos, s_end)
    start, end = _trim(text, pos, _opening_clause_end(text, s_start, w, tail.start() if tail else s_end))
    if len(_words(text, start, end)) < MIN_CONTENT_WORDS:
        return None
    if not has_that and text[max(s_start, w[0] - 3):w[0]].rstrip().endswith(",") and low in load_words("inversion_verbs.txt") \
            and _inverted_speaker(text, w[1], s_end):
        # `…, whom he has alienated, said Larry Sabato, director of …`: a speaker phrase after
        # the cue runs to the sentence's end; the cue closes an inverted attribution whatever
        # subject the words before the comma seem to offer.
        return None
    if mention is _UNSEARCHED:
        mention = _cue_subject(text, s_start, w, low, s_end)
    if mention is None and _after_determiner(text, s_start, w[0]):
        return None     # `the announced expansion`: the cue is an adjective
    if mention is None and not has_that and _inverted(text, s_start, w[0], w[1], s_end):
        # No subject found and nothing introduced: the cue closes an inverted attribution.
        # Otherwise a cue keeps its content with no known speaker (`Cruz has said for
        # weeks he…`, a subject the mention rules cannot read).
        return None
    return _indirect_claim(sent, w, mention, start, end)


def _opening_clause_end(text: str, s_start: int, w: tuple[int, int, str], end: int) -> int:
    """Where the content of a cue in a subordinate clause opening the sentence ends: at the
    comma closing that clause (`Before the ministry confirmed his death, officials were …`:
    what was confirmed is `his death`), else `end`."""
    if _in_opening_clause(text, s_start, w, end):
        return text.find(",", w[1], end)
    return end


def _after_claim(text: str, sent: tuple[int, int], w: tuple[int, int, str], mention: Mention | None,
                 start: int, end: int) -> Claim | None:
    if len(_words(text, start, end)) < MIN_CONTENT_WORDS:
        return None
    return _indirect_claim(sent, w, mention, start, end)


def _indirect_claim(sent: tuple[int, int], w: tuple[int, int, str], mention: Mention | None,
                    start: int, end: int) -> Claim:
    s_start, s_end = sent
    claim = Claim(kind="indirect", start=start, end=end, cue_start=w[0], cue_end=w[1],
                  sentence_start=s_start, sentence_end=s_end, rule="reported-after")
    if mention is not None:
        claim.mention_start, claim.mention_end = mention.start, mention.end
        if mention.descriptor:
            claim.descriptor_start, claim.descriptor_end = mention.descriptor
    return claim


_PARTICLE = re.compile(r"[ \t]+([A-Za-z]+)\b(?=[ \t]+\S)")
# A cue phrase opens content when the training data shows it a cue this often.
PHRASE_MIN_COUNT = 3
PHRASE_MIN_PRECISION = 0.3


@lru_cache(maxsize=1)
def cue_phrases() -> frozenset[tuple[str, str]]:
    """(cue word, preposition) pairs after which a cue's content starts: learned from
    PolNeAR train (extract/data/cue_phrases.tsv), less `according to` (its own rule) and
    the verbs that refer to something without claiming anything (`referring to`)."""
    references = load_words("reference_verbs.txt")
    return frozenset((row["word"], row["particle"]) for row in load_table("cue_phrases.tsv")
                     if int(row["cue_count"]) >= PHRASE_MIN_COUNT and float(row["precision"]) >= PHRASE_MIN_PRECISION
                     and row["word"] != "according" and row["word"] not in references)


@lru_cache(maxsize=1)
def _phrase_cues() -> frozenset[str]:
    """The cue words of cue_phrases()."""
    return frozenset(word for word, _ in cue_phrases())


# A cue's infinitive is its content (`vowed to repeal …`, `declined to say …`) when the
# training data shows gold content starting at the `to` this often.
INFINITIVE_MIN_COUNT = 3
INFINITIVE_MIN_PRECISION = 0.3


@lru_cache(maxsize=1)
def infinitive_cues() -> frozenset[str]:
    """Cue words whose infinitive complement is reported content: learned from PolNeAR
    train (extract/data/infinitive_cues.tsv), less the private-state verbs (`hoping to`,
    `decided to`), which the candidates leave out anyway."""
    return frozenset(row["word"] for row in load_table("infinitive_cues.tsv")
                     if int(row["content_count"]) >= INFINITIVE_MIN_COUNT
                     and float(row["precision"]) >= INFINITIVE_MIN_PRECISION) & reported_cues()


@lru_cache(maxsize=1)
def _possessive_pattern() -> re.Pattern:
    """A possessive determiner as the last word before a cue (searched up to the cue)."""
    words = "|".join(sorted(map(re.escape, load_words("possessive_pronouns.txt"))))
    return re.compile(r"(?<![\w'’&-])(%s)\s+$" % words, re.IGNORECASE)


# _reported_after's subject before it is looked for.
_UNSEARCHED = object()


# A form of `be` (attribution._PASSIVE_AUXILIARIES) and an adverb right before a raising
# passive's verb: `is said`, `has been widely reported`, `were also reported`.
_BE_ADVERB = re.compile(r"\w+ly|also|now|long|still|often|once", re.IGNORECASE)
_EXPLETIVE_BEFORE = re.compile(r"(?<![\w’'-])it\s+(?:(?:has|had|have|will|would|may|might)\s+)?$", re.IGNORECASE)
# What follows the verb: an infinitive (`to be`, `to have`; not `to the police`), or a
# participle or state (`killed`, `wounded`, `missing`), or `that` after an expletive `it`.
_RAISED_AFTER = re.compile(r"\s+(?:to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)\b)[a-z]+"
                           r"|[a-z]+(?:ed|en)\b(?!\s+by\b)|(?:dead|missing|alive|safe)\b|(that)\b)")


def _raising_passive(text: str, sent: tuple[int, int], w: tuple[int, int, str]) -> Claim | None:
    """`The commander was reported killed`, `Aides are said to be furious`, `It was reported
    that …`: an agentless report (codebook), no mention, no speaker. The content is the raised
    clause with its subject, from the subject (or the sentence's start) to the end of the
    sentence; after an expletive `it`, what follows `that`."""
    s_start, s_end = sent
    # (Most of these cues are a plain `said`: the words before it are split, not searched.)
    window = max(s_start, w[0] - 24)
    before = text[window:w[0]].split()
    if before and before[-1].lower() in _PASSIVE_AUXILIARIES:
        be = before[-1]
    elif len(before) > 1 and before[-2].lower() in _PASSIVE_AUXILIARIES and _BE_ADVERB.fullmatch(before[-1]):
        be = before[-2]
    else:
        return None
    be_start = text.rfind(be, window, w[0])
    if be_start > window and (text[be_start - 1].isalnum() or text[be_start - 1] in "’'-_") \
            or be_start == window and window > s_start and text[window - 1].isalnum():
        return None     # (`this said`: the window cut a word)
    after = _RAISED_AFTER.match(text, w[1], s_end)
    if after is None:
        return None
    tail = _TRAILING_SOURCE.search(text, w[1], s_end)
    end = _opening_clause_end(text, s_start, w, tail.start() if tail else s_end)
    if after.group(1):
        if _EXPLETIVE_BEFORE.search(text, max(s_start, be_start - 20), be_start) is None:
            return None     # `officials were said that …` is no English; `that` belongs elsewhere
        start, end = _trim(text, after.end(), end)
    else:
        subject = _cue_subject(text, s_start, w, w[2].lower(), s_end)
        # (from a description the name is apposed to: `The owner, Rosa Lind, was reported …`)
        first = s_start if subject is None else min(subject.start, subject.descriptor[0]) if subject.descriptor else subject.start
        start, end = _trim(text, first, end)
    claim = _after_claim(text, sent, w, None, start, end)
    if claim is not None:
        claim.rule = "reported-passive"
    return claim


_BY_AGENT = re.compile(r"[ \t]+by[ \t]+")
_AGENT_END = re.compile(r"\n|\s(?:" + _OPENS_CONTENT + r"|whom|about|to|for)\b")


def _listener_passive(text: str, s_start: int, w: tuple[int, int, str], low: str) -> bool:
    return low in load_words("listener_passives.txt") and \
        _PASSIVE_BEFORE.search(text, max(s_start, w[0] - 30), w[0]) is not None


def _passive_agent(text: str, w: tuple[int, int, str]) -> Mention | None:
    """The agent of a listener passive's cue: `aides` in `he was told by aides that …`."""
    agent = _BY_AGENT.match(text, w[1])
    if agent is None:
        return None
    # The agent ends where what was said or asked begins.
    limit = _AGENT_END.search(text, agent.end())
    return mention_after(text, agent.end(), limit.start() if limit else len(text))


# `and said`, `but also told`: a cue right after a coordinating conjunction (and an adverb).
_VP_CONJUNCTION = re.compile(r"(?<![\w’'-])(?:and|but)\s+(?:(?:also|then|later|quickly|again)\s+)?$")


def _cue_subject(text: str, s_start: int, w: tuple[int, int, str], low: str, s_end: int) -> Mention | None:
    """The speaker mention of a cue that introduces what follows it."""
    if _listener_passive(text, s_start, w, low):
        # `officials were warned that …`: a passive's subject is who was spoken to. The
        # speaker is the agent (`was told by aides that …`), else there is none: an agentless
        # report, typed anonymous + other.
        return _passive_agent(text, w)
    possessive = _possessive_pattern().search(text, max(s_start, w[0] - 8), w[0])
    if possessive is not None:
        # `despite its promise to end …`, `her claim that …`: the cue is a noun, and its
        # possessor is the one who promised or claimed (speakers.py resolves the pronoun).
        return Mention(possessive.start(1), possessive.end(1))
    named = _name_possessive(text, s_start, w[0])
    if named is not None:
        # `Mr. Obama's original pledge to …`, `Rubio's claim that …`, `the campaign's earlier
        # claim that …`: a possessor named before a noun of speech (and its modifiers) is the
        # one who pledged or claimed.
        return named
    if _VP_CONJUNCTION.search(text, max(s_start, w[0] - 16), w[0]):
        # `The senator walked to the podium and said …`: a verb phrase joined to the one
        # before it shares the sentence's subject (a subject of its own would stand
        # between `and` and the cue).
        return _joined_subject(text, s_start, w[0], low)
    if low.endswith("ing") and _in_opening_clause(text, s_start, w, s_end):
        # `After savaging the donors, Trump praised …`, `Despite challenging the leader, Cruz
        # said …`: a participle in a clause opening the sentence speaks for the main clause's
        # subject, after that clause's comma.
        return _clause_subject(text, text.find(",", w[1], s_end) + 1, s_end)
    if low.endswith("ing") and text[s_start:w[0]].rstrip().endswith(","):
        # `Rubio hit back, saying Christie was …`: a participle's speaker is the subject of
        # the clause it hangs from: the speaker of an earlier cue in the sentence, else the
        # sentence's subject.
        return (_earlier_cue_subject(text, s_start, w[0]) or sentence_subject(text, s_start, w[0])
                or description_subject(text, s_start, w[0]) or _opening_subject_before_comma(text, s_start, w[0]))
    control = _controller_start(text, s_start, w[0])
    if control is not None:
        # `she declined to claim victory`, `Cruz is likely to argue`: the subject of the word
        # before `to` is the infinitive's (past degree words: `were slightly more likely to`,
        # and other control words: `seemed ready to`).
        words = _words(text, max(s_start, control - 40), control)
        while words and (words[-1][2] in load_words("degree_words.txt") or words[-1][2] in load_words("control_words.txt")) \
                and not text[words[-1][1]:control].strip():
            control = words.pop()[0]    # (and a chain of them: `seemed ready to say`)
        found = subject_of(text, s_start, control)
        if found is None and cue_table().get(low, (0, 0.0))[1] >= OPENING_PHRASE_MIN_PRECISION:
            found = _opening_phrase_subject(text, s_start, control)     # (`The pilots intend to argue …`)
        if found is not None:
            return found
    found = subject_of(text, s_start, w[0])
    if " who " in text[max(s_start, w[0] - 120):w[0]]:
        # `Officials who spoke on condition of anonymity said …`, `Voters who backed Ruiz
        # said …` (not `Ruiz`): the phrase a restrictive relative clause follows, when the
        # subject found so far is none or inside that clause.
        relative = _subject_before_relative(text, s_start, w[0], low)
        if relative is not None and (found is None or found.start >= relative[1]):
            found = relative[0]
    if found is None and (gap := _verb_gap_start(text, s_start, w[0])) < w[0]:
        # `She has not said …`, `Clinton has since said …`, `They all agreed …`: the
        # subject stands before words the subject search does not skip on its own.
        found = _joined_subject(text, s_start, gap, low) if _VP_CONJUNCTION.search(text, max(s_start, gap - 16), gap) \
            else subject_of(text, s_start, gap)     # (`… and did not say …`: a joined verb phrase)
    if found is None:
        # `golf club owners who foresee …`, `a developer, who had supported …`, `four in 10
        # who said …`: a relative `who` right before the cue (its auxiliaries and adverbs
        # aside) is its subject; the speakers step resolves it.
        found = _relative_pronoun(text, s_start, w[0])
    if found is None and (aside := _DASH_ASIDE.search(text, max(s_start, w[0] - 160), w[0])) is not None:
        # `Barton — the group's leader — said …`, `Democrats — and some Republicans — say …`:
        # the phrase before an aside set off by dashes.
        found = subject_of(text, s_start, aside.start())
        if found is not None and text[found.start:found.end].isupper():
            found = None    # (`CLEVELAND - When …`: a dateline, no subject)
        if found is None and cue_table().get(low, (0, 0.0))[1] >= OPENING_PHRASE_MIN_PRECISION:
            found = _opening_phrase_subject(text, s_start, aside.start())
    if found is None and text[max(s_start, w[0] - 3):w[0]].rstrip().endswith(","):
        # `Mr. Osei, asked about the levy, said …`, `Chris Christie, eager all evening to
        # jab …`: a participle or adjective right after the subject opening the sentence.
        found = _opening_subject_before_comma(text, s_start, w[0])
    if found is None and text[max(s_start, w[0] - 40):w[0]].count(",") >= 1 \
            and (aside := _COMMA_ASIDE.search(text, max(s_start, w[0] - 120), w[0])) is not None \
            and _aside_opener(aside.group(1)):
        # `Supporters of the ruling, on the other hand, argued …`, `A federal judge, in
        # response to a request, ordered …`, `Justice Roe, if she had been there, would have
        # said …`: the phrase before an adverbial aside between commas.
        found = subject_of(text, s_start, aside.start())
        if found is None and cue_table().get(low, (0, 0.0))[1] >= OPENING_PHRASE_MIN_PRECISION:
            found = _opening_phrase_subject(text, s_start, aside.start())
    if found is None and _INFINITIVE_BEFORE.search(text, max(s_start, w[0] - 6), w[0]):
        return _infinitive_subject(text, s_start, w[0])
    if found is None and not low.endswith("ing"):
        # `While many agreed …`, `And both vowed …`, `Even so, some remained skeptical …`,
        # `Most of them said …`: a quantifier standing alone as the subject of a clause.
        found = _lone_quantifier(text, s_start, w[0])
    if found is None and low.endswith("ing") and _GERUND_AFTER.search(text, max(s_start, w[0] - 24), w[0]):
        # `Zucker responded by saying that …`, `Clinton has answered her critics while
        # insisting …`: a gerund after a preposition of manner or time speaks for the
        # sentence's subject.
        return sentence_subject(text, s_start, w[0]) or description_subject(text, s_start, w[0], for_participle=True)
    if found is None and not low.endswith("ing") and cue_table().get(low, (0, 0.0))[1] >= OPENING_PHRASE_MIN_PRECISION \
            and low not in load_words("speech_nouns.txt") and not _AFTER_NOUN_CUE.match(text, w[1], s_end):
        found = _opening_phrase_subject(text, s_start, w[0])
    return found


# A phrase of any head is a subject only for a cue that introduces reported speech often (its
# learned precision, cues.tsv): `stopped`, `hit`, `raised` (precision near 0.1) have
# subjects that are things that said nothing (`The incident stopped short of …`).
OPENING_PHRASE_MIN_PRECISION = 0.2
# Words a subject phrase does not hold: a clause inside it (`The polling that was done …`),
# a verb or auxiliary (past the subject), a pronoun (a clause of its own).
_NOT_IN_SUBJECT = frozenset("""that which who whom whose when where while if because although though since
until unless whether as than so or nor but yet is are was were be been being am has have had do does did
not no he she it they we you i him them us me said says told say would will could can may might should must""".split())
# Conjunctions opening a clause whose subject follows them.
_COORDINATORS = frozenset("and but so yet".split())
_CLAUSE_CONJUNCTIONS = _COORDINATORS | frozenset("while whereas although though because since after before when until if".split())
# Words opening an adverbial before the sentence's subject and its comma.
_OPENING_WORDS = _NOT_CLAUSE_START | _PREPOSITIONS | frozenset(
    "as if because although though once whereas still however yet instead meanwhile this that in on at".split())
_PHRASE_OPENERS = frozenset("the a an this these those some many most several few other both all each "
                            "his her their its our".split())


def _opening_phrase_subject(text: str, s_start: int, cue_start: int, subordinate: bool = True) -> Mention | None:
    """A noun phrase opening the sentence right before its verb cue is the cue's subject,
    whatever its head: `Footage from the game shows that …`, `A survey by the group found …`,
    `Some economists argue …`. The codebook counts a report, survey or footage cited as a
    source as a speaker; the head lists of valid_mention know only the usual heads of
    speaker descriptions, and this is the rule for the rest, where nothing but the phrase
    (no comma, no clause, no pronoun) stands between the sentence's start and its cue."""
    if cue_start - s_start > 120:
        return None
    window = text[s_start:cue_start]
    if any(ch in window for ch in ";:()“”\"—–[]") or "''" in window:
        return None
    opened = False
    if "," in window:
        # `On Dec. 15, the task force announced …`, `Still, some lawmakers have argued …`:
        # after an adverbial opening the sentence (a preposition, a subordinator, an
        # adverb), the phrase after its comma.
        # Or a clause after the comma opened by a conjunction: `…, but authorities never realized …`.
        lead = _words(text, s_start, s_start + window.find(","))
        after = _words(text, s_start + window.rfind(",") + 1, cue_start)
        if not (after and after[0][2] in (_CLAUSE_CONJUNCTIONS if subordinate else _COORDINATORS)) and (
                not lead or lead[0][2].lower() not in _OPENING_WORDS and lead[0][2].lower() not in load_words("opening_adverbials.txt")):
            return None
        s_start, opened = s_start + window.rfind(",") + 1, True
    words = _words(text, s_start, cue_start)
    if words and words[0][2].lower() in (_CLAUSE_CONJUNCTIONS if subordinate else _COORDINATORS):
        # `But loyalists were adamant …`, `While the lists are unanimous …` (a subordinate
        # clause only when the cue is its verb, not a later clause's: `subordinate`)
        words, opened = words[1:], True
    if opened and words and words[0][2].islower():
        if not (words[0][2] in _PHRASE_OPENERS or words[0][2].endswith("s") and len(words[0][2]) > 3
                and words[0][2] not in load_words("function_words.txt")):
            return None
        # (a lower-case opener after the comma: checked as a capitalised one would be)
        words[0] = (words[0][0], words[0][1], words[0][2].capitalize())
    # (Auxiliaries and adverbs between the subject and its verb: `have also said`, `soon learned`)
    passive = False
    while words and (words[-1][2] in _TRAILING_NOISE or words[-1][2] in ("do", "does", "did", "not")
                     or len(words) > 1 and (words[-1][2] in load_words("subject_trailing_words.txt")
                                            or words[-1][2] in load_words("verb_gap_words.txt"))
                     or words[-1][2].endswith(("n't", "n’t")) or words[-1][2].endswith("ly") and len(words[-1][2]) > 4):
        passive = passive or words[-1][2] in _PASSIVE_AUXILIARIES
        words.pop()
    cue = text[cue_start:cue_start + 40].split(None, 1)[0].lower() if text[cue_start:cue_start + 1].strip() else ""
    if passive and cue.endswith(("ed", "en")):
        return None     # `The plan was reflected in …`: a passive's subject is no speaker
    if cue in load_words("naming_participles.txt") or cue in load_words("reduced_relative_participles.txt"):
        return None     # `A band called …`, `The report released Monday …`: a reduced relative
    if not words or len(words) > _MAX_MENTION_WORDS or words[-1][1] > cue_start:
        return None
    first = words[0][2]
    if not first[:1].isupper() or len(words) > 1 and words[-1][2].lower() in _PREPOSITIONS \
            or re.split(r"[’']", first.lower())[0] in _NOT_IN_SUBJECT:      # (`I'm`, `It`, `They`: pronouns)
        return None
    if cue.endswith("ed") and (words[-1][2].endswith("ed") or words[-1][2] in load_words("clause_verbs.txt")):
        return None     # `The memo seemed aimed at …`: the phrase ends on its verb
    if first.lower() not in _PHRASE_OPENERS:
        # A common word capitalised only because it opens the sentence (`Economists`,
        # `Footage`): not a closed-class word, an adverbial opener or a cue.
        if first.lower() in load_words("function_words.txt") or first.lower() in load_words("opening_adverbials.txt") \
                or first.lower() in reported_cues():
            return None
        if len(words) == 1 and not (first.endswith("s") and len(first) > 3) \
                and not (_named_mid_sentence(text, first) and valid_mention(text, Mention(words[0][0], words[0][1]))):
            return None     # (a lone word: a plural noun, `Economists say …`, or a name, `Rubio only briefly explained`)
    elif len(words) == 1:
        return None
    if any(x[2].lower() in _NOT_IN_SUBJECT or x[2].endswith(("n't", "n’t")) for x in words[1:]) \
            or words[-1][2].endswith(("’s", "'s")) or len(words) > 1 and (words[-1][2].lower() in _PHRASE_OPENERS
                                                                         or words[-1][2] in load_words("function_words.txt")):
        return None
    for x, nxt in zip(words, words[1:]):
        if x[2].islower() and nxt[2] in _ARTICLES and (x[2].endswith("ed") and len(x[2]) > 4
                                                       or x[2] not in load_words("function_words.txt")):
            return None     # `The party first released its list of …`, `Clinton maintains a lead`: a verb and its object
        # `Fiorina showed subtle hints that …`, `Trump secured the endorsement of …`: a name
        # before a verb is the subject, and the cue a noun in the predicate.
        if _is_name(x[2]) and nxt[2].islower() and (nxt[2].endswith("ed") or nxt[2] in load_words("clause_verbs.txt")
                                                     or nxt[2] in _TRAILING_NOISE) \
                and (x is not words[0] or _named_mid_sentence(text, x[2])):
            return None
    return Mention(words[0][0], words[-1][1])


def _conjoined_subject(text: str, s_start: int, cue_start: int) -> Mention | None:
    """The subject of the first verb of a sentence whose later verb phrase, joined by `and`,
    holds the cue: `The Arizona senator survived five years in prison and says …`, `FBI
    officials were angered by the deal and predicted …`. The first verb is the first
    lower-case word that is an auxiliary (clause_verbs.txt, has/was/would …) or ends on
    -ed; the phrase before it must pass the rule for a phrase opening the sentence."""
    verbs = load_words("clause_verbs.txt")
    for x in _words(text, s_start, cue_start)[1:9]:
        word = x[2]
        if word in verbs or word in _TRAILING_NOISE or word.islower() and word.endswith("ed") and "-" not in word:
            return _opening_phrase_subject(text, s_start, x[0], subordinate=False)
    return None


# (Only `who`: PolNeAR train credits most claims after a `that` or `which` relative to
# another source, `an email chain that showed …` to who cited the chain: 20 of 97 `that`
# cues with a gold source had it as the speaker.)
# An aside between two dashes of one kind right before the cue (its adverbs and auxiliaries
# after it): `X — the group's leader — said`, `X - who … - has also argued`.
_DASH_ASIDE = re.compile(r"(?:\s*—|\s+-\s|\s*–)[^—–\n;:“”\"]{2,140}?(?:—|\s-|–)\s*"
                         r"(?:(?:also|has|have|had|is|are|was|were|will|would|now|since|not|all|both|only|even|then|[a-z]+ly)\s+)*$")


# An aside between two commas right before the cue (its adverbs and auxiliaries after it).
_COMMA_ASIDE = re.compile(r",\s*([a-z][\w’'-]*)[^,;:()“”\"—–\n]{0,80},\s*"
                          r"(?:(?:also|has|have|had|is|are|was|were|will|would|could|might|may|now|since|not|all|both"
                          r"|only|even|then|almost|certainly|[a-z]+ly)\s+)*$")


def _opening_subject_before_comma(text: str, s_start: int, cue_start: int) -> Mention | None:
    """The subject that is all of the sentence before the comma right before the cue (`The
    Ledger, citing …`), a conjunction opening the sentence aside; not an adverbial (`In May,`)."""
    comma = text.rfind(",", s_start, cue_start)
    if comma < 0 or text[comma + 1:cue_start].strip() or "," in text[s_start:comma]:
        return None
    words = _words(text, s_start, comma)
    if words and words[0][2].lower() in _COORDINATORS:
        words = words[1:]
    if not words or len(words) > _MAX_MENTION_WORDS:
        return None
    cue = text[cue_start:cue_start + 30].split(None, 1)[0].lower()
    if cue in load_words("reduced_relative_participles.txt") or cue in load_words("naming_participles.txt"):
        return None     # (`The video, released in late November, is …`: the participle says nothing)
    found = subject_of(text, words[0][0], comma)
    if found is None or found.start != words[0][0] or found.end != words[-1][1] or not valid_mention(text, found):
        return None
    if any(x[2] in load_words("function_words.txt") and x[2] not in _PHRASE_OPENERS or x[2] in _TRAILING_NOISE
           or x[2].islower() and x[2].endswith("ed") for x in words[1:]):
        return None     # (`The senator did give Trump some credit, saying`: a clause, not a phrase)
    return found


# A quantifier alone, or with `of them` (`Most of them said`), at the end of the words before a cue.
_QUANTIFIER_PHRASE = re.compile(r"((?:[Bb]oth|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Ff]ew|[Aa]ll|[Oo]thers)"
                                r"(?:\s+of\s+(?:them|those|us|these))?)\s+$")
# The same after a comma or a conjunction (`and`/`but` only after a comma or opening the
# sentence: `Edwards and others said` is one subject).
_LONE_QUANTIFIER = re.compile(r"(?:(?<=[,;:])|,\s*(?:and|but|yet|so)|(?<![\w’'-])(?:And|But|Yet|So|[Ww]hile|[Aa]lthough|[Tt]hough"
                              r"|[Ww]hen|[Ii]f|[Bb]ecause|[Ss]ince|[Ww]hereas))\s*" + _QUANTIFIER_PHRASE.pattern)


def _lone_quantifier(text: str, s_start: int, cue_start: int) -> Mention | None:
    """A quantifier (with `of them`) alone as a clause's subject right before the cue, its
    auxiliaries and adverbs aside: after the sentence's start, a comma or a conjunction, not
    after a verb or relative (`which some have argued`, `addressed to many`)."""
    end = cue_start
    words = _words(text, max(s_start, end - 60), end)
    while words and (words[-1][2] in _TRAILING_NOISE or words[-1][2] in ("do", "does", "did", "not", "since")
                     or words[-1][2].endswith(_NEGATION) or words[-1][2] in load_words("subject_trailing_words.txt")
                     or words[-1][2].endswith("ly") and words[-1][2].islower() and len(words[-1][2]) > 4) \
            and not text[words[-1][1]:end].strip():
        end = words.pop()[0]
    m = _LONE_QUANTIFIER.search(text, s_start, end)
    if m is None:
        # (opening the sentence: the phrase alone, after any opening quotation mark)
        lead = s_start + len(text[s_start:end]) - len(text[s_start:end].lstrip(" \t\n“\"‘("))
        m = _QUANTIFIER_PHRASE.match(text, lead, end)
    if m is None or end < cue_start and text[end:end + 30].split(None, 1)[0].endswith("ly"):
        return None     # (`and most recently offered`: `most` modifies the adverb)
    return Mention(m.start(1), m.end(1))


def _aside_opener(word: str) -> bool:
    """Whether a word opens an adverbial aside (a preposition, a subordinator, an adverb),
    not an apposition (`a former aide`) or a relative clause (read by subject_of)."""
    return word in _PREPOSITIONS or word in _ADJUNCT_PREPOSITIONS or word in _CLAUSE_CONJUNCTIONS - _COORDINATORS \
        or word in load_words("aside_openers.txt") or word.endswith("ly") and len(word) > 4


_RELATIVE_PRONOUNS = frozenset(("who", "who’s", "who's"))
# Words a relative pronoun follows that are no noun it can stand for: a verb (`asked who
# said`), a preposition or conjunction (`and that shows`), a closed-class word; the
# quantifiers and pronouns that head a phrase of their own (`those who say`) stay.
_ANTECEDENT_PRONOUNS = frozenset("those many some others one anyone everyone people all".split())


_WHO_CLAUSE = re.compile(r"(?<=[\w.)])\s+who\s+(?=[a-z])")


def _subject_before_relative(text: str, s_start: int, cue_start: int, low: str) -> tuple[Mention, int] | None:
    """The phrase before a restrictive `who` clause that ends right before the cue, and where
    that clause's words start: the clause holds no mark (a comma would set off an
    apposition, read elsewhere), opens with a verb or adverb, holds more than auxiliaries and
    adverbs (`who has refused`: the cue is the clause's verb), and the word before `who` is
    a noun."""
    lo = max(s_start, cue_start - 120)
    m = None
    for m in _WHO_CLAUSE.finditer(text, lo, cue_start):
        pass
    if m is None or m.end() >= cue_start or any(ch in text[m.end():cue_start] for ch in ",;:()“”\"—–[]") \
            or " - " in text[m.end():cue_start] or " who " in text[m.end() - 1:cue_start]:
        return None
    clause = _words(text, m.end(), cue_start)
    first = clause[0][2]
    if first in load_words("function_words.txt") and first not in _TRAILING_NOISE or first in _PREPOSITIONS:
        return None     # (`who the board hired`: an object relative)
    if all(x[2] in _TRAILING_NOISE or x[2] in load_words("verb_gap_words.txt") or x[2].endswith("ly") for x in clause):
        return None
    if any(x[2] in ("to", "and", "or", "but") for x in clause) \
            or low.endswith("ing") and clause[-1][2] not in _AUX_BEFORE:
        return None     # (`who risked their lives to defend`, `who know me and have voted`, `who lobbied against
        #               creating`: the cue is in the relative clause, not the main clause's verb)
    before = _word_before(text, max(s_start, m.start() - 40), m.start() + 1)
    if before is None:
        return None
    word = before[2].lower()
    if word not in _ANTECEDENT_PRONOUNS and (word in load_words("function_words.txt") or word in _PREPOSITIONS
                                             or word in load_words("clause_verbs.txt") or word in speech_verbs()):
        return None
    found = subject_of(text, s_start, m.start() + 1)
    if found is None and cue_table().get(low, (0, 0.0))[1] >= OPENING_PHRASE_MIN_PRECISION:
        found = _opening_phrase_subject(text, s_start, m.start() + 1)
    return (found, m.end()) if found is not None else None


def _relative_pronoun(text: str, s_start: int, cue_start: int) -> Mention | None:
    """The relative `who` standing before a cue (`… who have long argued`), when a noun
    stands before it (a comma or a dash may come between)."""
    skip = load_words("verb_gap_words.txt") | load_words("subject_trailing_words.txt")
    words = _words(text, max(s_start, cue_start - 60), cue_start)
    end = cue_start
    while len(words) > 2 and not text[words[-1][1]:end].strip():
        word = words[-1][2]
        if word.lower() in _RELATIVE_PRONOUNS:
            break
        if not (word in _TRAILING_NOISE or word in skip or word in ("do", "does", "did") or word.endswith(_NEGATION)
                or word.endswith("ly") and word.islower() and len(word) > 4):
            return None
        end = words.pop()[0]
    if len(words) < 2 or text[words[-1][1]:end].strip():
        return None
    pronoun, before = words[-1], words[-2]
    if pronoun[2] not in _RELATIVE_PRONOUNS:
        return None     # (lower-case only: `Who said …` asks)
    gap = text[before[1]:pronoun[0]]
    if gap.strip() and gap.strip() not in (",", "-", "—", "–"):
        return None
    low = before[2].lower()
    if low not in _ANTECEDENT_PRONOUNS and (
            low in load_words("function_words.txt") or low in _PREPOSITIONS or low in load_words("clause_verbs.txt")
            or low in speech_verbs() or before[2].islower() and len(low) > 4 and low.endswith(("ed", "ing"))):
        return None
    if pronoun[2].endswith("s"):
        return Mention(pronoun[0], pronoun[0] + 3)     # `who’s been pushing`: the pronoun, not its auxiliary
    return Mention(pronoun[0], pronoun[1])


_ADJECTIVE_ENDINGS = ("al", "ed", "ive", "ous", "ful", "ic", "ent", "ant", "ing", "est")
_NAME_POSSESSIVE = re.compile(r"(?<![\w’'&.-])((?:[A-Z][\w.&-]*[ \t]+){0,3}[A-Z][\w&-]*|[Tt]he[ \t]+[a-z][\w-]+)(?:’s|'s|(?<=s)’|(?<=s)')"
                              r"[ \t]+((?:[a-z][\w-]*[ \t]+){0,2})$")


def _name_possessive(text: str, s_start: int, cue_start: int) -> Mention | None:
    """A name (or `the` and a speaker noun) in the possessive right before a noun cue of
    speech (speech_nouns.txt), one or two modifiers aside (`Trump's recent assertion`); not
    a day or month (`Tuesday's claim`), a pronoun or function word (`It’s clear`)."""
    if not text[max(s_start, cue_start - 40):cue_start].count("’") + text[max(s_start, cue_start - 40):cue_start].count("'"):
        return None
    m = _NAME_POSSESSIVE.search(text, max(s_start, cue_start - 60), cue_start)
    if m is None:
        return None
    between = m.group(2).split()
    if not all(x in load_words("possessive_modifiers.txt") or "-" in x or x.endswith(_ADJECTIVE_ENDINGS) for x in between):
        return None     # (`Trump’s campaign said`: a possessed noun, and the cue its verb)
    cue = text[cue_start:cue_start + 30].split(None, 1)[0].lower()
    if cue not in load_words("speech_nouns.txt"):
        # (`Trump’s proposed wall`, `Trump’s support has risen`: a participle or a noun for no
        # utterance; train: other cues after a name's possessive had it as the gold source 16
        # times in 49, speech nouns 20 in 36)
        return None
    names = m.group(1).split()
    mention = Mention(m.start(1), m.end(1))
    if names[0].lower() == "the":
        return mention if valid_mention(text, mention) else None
    if any(x.lower().rstrip(".") in _NOT_NAMES or x.lower() in load_words("function_words.txt") for x in names):
        return None
    return mention


def _joined_subject(text: str, s_start: int, cue_start: int, low: str) -> Mention | None:
    """The subject of a verb phrase joined by and/but to the one before it: the sentence's."""
    found = sentence_subject(text, s_start, cue_start) or description_subject(text, s_start, cue_start)
    if found is None and cue_table().get(low, (0, 0.0))[1] >= OPENING_PHRASE_MIN_PRECISION:
        found = _conjoined_subject(text, s_start, cue_start)
    return found


def _verb_gap_start(text: str, s_start: int, cue_start: int) -> int:
    """Where the words between a subject and its verb cue start: auxiliaries, adverbs and
    negations (`has not`, `have since`, `are all`, `did not`, `herself also`); cue_start
    when there are no words of verb_gap_words.txt or subject_trailing_words.txt among them
    (the subject search skips the rest on its own)."""
    gap = load_words("verb_gap_words.txt")
    trailing = load_words("subject_trailing_words.txt")
    words = _words(text, max(s_start, cue_start - 60), cue_start)
    start, own = cue_start, False
    while len(words) > 1 and not text[words[-1][1]:start].strip():
        word = words[-1][2]
        if word in gap or word in trailing:
            own = True
        elif not (word in _TRAILING_NOISE or word in ("do", "does", "did") or word.endswith(_NEGATION)
                  or word.endswith("ly") and word.islower() and len(word) > 4):
            break
        start = words.pop()[0]
    return start if own else cue_start


def _is_name(word: str) -> bool:
    return word[:1].isupper() and not word.endswith(("’s", "'s"))


# What follows a noun (`doubts about …`, `the announcement was …`), not a verb's object
# or clause: a cue followed by one is no verb whose subject opens the sentence.
_AFTER_NOUN_CUE = re.compile(r"\s+(?:of|about|for|from|on|over|than|with|against|is|was|are|were|has|have|had|will|would|itself)\b"
                             r"|\s*[,.;:?!]")


_INFINITIVE_BEFORE = re.compile(r"(?<![\w’'-])to\s+$")
# A preposition (and an adverb) before a gerund cue: `by saying`, `while quietly insisting`,
# `was the most aggressive in denouncing`, `shifted from emphasizing`.
_GERUND_AFTER = re.compile(r"(?<![\w’'-])(?:by|while|without|after|before|in|from)\s+(?:(?:[a-z]+ly|also|then|still|just|even)\s+)?$")


def _infinitive_subject(text: str, s_start: int, cue_start: int) -> Mention | None:
    """The speaker of a cue in an infinitive that no rule gave a subject: the subject of the
    sentence it hangs from (`Ryder replied on Saturday to suggest …`, `Sanders used the
    debate as a chance to argue …`, `Clinton announced her plan to support …`). Not after a
    verb whose object is the infinitive's subject (`asked her to call`): object_control_words.txt."""
    window = _words(text, s_start, cue_start)
    control = load_words("object_control_words.txt")
    # The verb stands one to three words (its object) before `to`: `asked his players to`.
    # (Not a noun, `the need for Americans to`; `in order to insist` is a purpose.)
    for i in range(max(0, len(window) - 5), len(window) - 2):
        low = window[i][2].lower()
        if low in control and not (i and window[i - 1][2].lower() in _VERB_NOT_AFTER) \
                and not (low == "order" and i and window[i - 1][2].lower() == "in"):
            return None
    for find in (sentence_subject, description_subject):
        found = find(text, s_start, cue_start)
        if found is not None and valid_mention(text, found):
            words = _words(text, found.start, found.end)
            if len(words) > 1:
                return found
            low = words[0][2].lower()
            if low in _EXPLETIVES:
                return None     # `It is important to note that …`: nobody notes it
            if low in _MENTION_PRONOUNS or _named_mid_sentence(text, words[0][2]):
                return found
            # (`Right now, …`, `Prior to …`, `Federal prosecutors …`: a capital only where a
            # sentence opens is no name.)
    return None


_EXPLETIVES = frozenset("it there this that".split())
# Words after which a control word is a noun: `the need`, `their push`.
_VERB_NOT_AFTER = _ARTICLES | {"this", "that"}


def _named_mid_sentence(text: str, word: str) -> bool:
    """Whether the article writes `word` capitalised after a lower-case word or a comma: a
    name, not a word capitalised because it opens a sentence."""
    # (str.find over the article's text, not a pattern tried at every offset of it.)
    n = len(word)
    i = text.find(" " + word)
    while i >= 0:
        after = text[i + 1 + n:i + 2 + n]
        if not (after.isalnum() or after in ("-", "_")):
            j = i
            while j > 0 and text[j - 1] == " ":
                j -= 1
            prev = text[j - 1:j]
            if prev.islower() or prev in (",", ";") or prev == "." and _TITLE_ABBREVIATION.search(text, max(0, j - 6), j):
                return True
        i = text.find(" " + word, i + 1)
    return False


_TITLE_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.$")


def _controller_start(text: str, s_start: int, cue_start: int) -> int | None:
    """Where the word before `to` starts, when the cue opens an infinitive after a
    subject-control word (control_words.txt); else None."""
    if not text[max(s_start, cue_start - 4):cue_start].rstrip().endswith("to"):
        return None
    words = _words(text, max(s_start, cue_start - 40), cue_start)
    if len(words) < 2 or words[-1][2] != "to" or words[-2][2] not in load_words("control_words.txt"):
        return None
    return words[-2][0]


# (After a cue of telling, its listener: `The solution, the partner told them, was simple.`)
_RESUMES = re.compile(r"(?:\s+(?:me|him|her|them|us|reporters))?(?:\s+(?:(?:on|in|at|last|this|earlier|late|during)\b[^,.;:“”\"]{0,60}|[A-Z]\w+day))?\s*,\s+(?=\S)")
_NEW_CLAUSE = frozenset("""as adding noting saying citing referring arguing explaining calling who which
whose whom according but and although though while because after before when where if since
in on at with without by for from to of during despite amid including especially not""".split())


# Subordinators that go on with the reported sentence after an attribution interrupting it
# (`The effects are hard to predict, economists say, because …`), unless a quotation closed
# before the attribution: what follows it is the reporter's (`“…,” he said, though he …`).
_RESUMING_SUBORDINATORS = frozenset("because although though while if since".split())


# The fewest words a reported sentence resumes with after an interrupting attribution: a
# verb and its complement (`This plan, he said, is different.`); the whole content still
# needs MIN_CONTENT_WORDS.
_MIN_RESUMED_WORDS = 2


def _resumed_content(text: str, cue_end: int, s_end: int, after_quotation: bool = True) -> int | None:
    """Where the reported sentence resumes after an attribution that interrupts it, or None.
    after_quotation: the part before the attribution closes a quotation."""
    m = _RESUMES.match(text, cue_end, s_end)
    if not m:
        return None
    # `''A,'' he said, ''and B.''`: the second part of an apostrophe quote resumes it
    # whatever its first word.
    quoted = text.startswith(_APOSTROPHES, m.end())
    resumes = m.end() + (len(_APOSTROPHES) if quoted else 0)
    rest = _words(text, resumes, s_end)
    first = rest[0][2].lower() if rest else ""
    if len(rest) < _MIN_RESUMED_WORDS or rest[0][0] != resumes \
            or not quoted and (first in _NEW_CLAUSE and (after_quotation or first not in _RESUMING_SUBORDINATORS)
                               or first.endswith("ing") and len(first) > 5):
        return None     # `…,” Clinton remarked, alluding to …`: a participle adds, it does not resume
    return m.end()


# NYT style writes quotation marks as two apostrophes, which the codebook does not read as
# quotation marks: such a quote is reported speech.
_APOSTROPHES = "''"
_NEXT_PART = re.compile(r"[ \t]*''(?=\S)")


_APOSTROPHES_OPEN = re.compile(r"[ \t]*[,:]?[ \t]*''(?=[^\s'])")


def _apostrophes_close(text: str, pos: int) -> int | None:
    """The end of the apostrophe quote open at pos: its closing marks on the same line."""
    close = text.find(_APOSTROPHES, pos)
    line_end = text.find("\n", pos)
    if close < 0 or 0 <= line_end < close:
        return None
    return close + len(_APOSTROPHES)


def _apostrophes_opened(text: str, pos: int) -> int | None:
    """Where the apostrophe quote that pos lies in opened, earlier on its line, or None."""
    line_start = text.rfind("\n", 0, pos) + 1
    marks = []
    at = text.find(_APOSTROPHES, line_start, pos)
    while at >= 0:
        marks.append(at)
        at = text.find(_APOSTROPHES, at + len(_APOSTROPHES), pos)
    return marks[-1] if len(marks) % 2 else None


def _continued_quote(text: str, start: int, comma: int, s_end: int) -> int | None:
    """`''A,'' she said. ''B.''`: an apostrophe quote that its attribution interrupts goes
    on in the next sentence of the paragraph; the content runs to the end of that part (as
    PolNeAR's discontinuous content does), or None."""
    if not text.startswith(_APOSTROPHES, comma + 1) or text.find(_APOSTROPHES, start, comma) < 0:
        return None
    part = _NEXT_PART.match(text, s_end)
    return None if part is None else _apostrophes_close(text, part.end())


def _reported_before(text: str, sent: tuple[int, int], w: tuple[int, int, str]) -> Claim | None:
    """`CONTENT, X said.` / `CONTENT, said X.`"""
    claim = _reported_before_at(text, sent, w, True)
    if claim is None and text.startswith(_APOSTROPHES, sent[0]):
        # Only a sentence opening on an apostrophe quote reads differently without the
        # apposition; any other would repeat the same search.
        claim = _reported_before_at(text, sent, w, False)
    return claim


# _reported_before_at's patterns, compiled once.
_COMMA_QUOTE = re.compile(r',\s*[“"]')
_TAIL_NEW_CLAUSE = re.compile(r",[ \t]+(?:[a-z]+ing|who|which|as|while|before|after|when)\b")
_ADJUNCT_TAIL = re.compile(r"^(?:(?:on|in|at|last|this|earlier|late|during)\b.*|of\b.*|to\b.*|in a statement.*|\w+day.*)$", re.IGNORECASE)
# After a quotation that the attribution closes (`''…,'' Mr. Roe said from his office`,
# `… said by telephone`, `… said recently`), the attribution's adverbials are its setting:
# nothing but a new quotation follows as content (in a passive, `by` would bring an agent,
# but no passive closes a quotation this way).
_QUOTE_ADJUNCT_TAIL = re.compile(r"^(?:from|by|via|recently|later|[a-z]+ly)\b.*$")


def _reported_before_at(text: str, sent: tuple[int, int], w: tuple[int, int, str], apposition: bool) -> Claim | None:
    """_reported_before, where `apposition` lets an apostrophe quote's speaker be a name with
    its description."""
    s_start, s_end = sent
    before = text[s_start:w[0]]
    comma = before.rfind(",")
    if comma < 0:
        return None
    comma += s_start
    tail = text[w[1]:s_end].strip(" .!?")
    if _COMMA_QUOTE.match(tail):
        return None     # `In a statement, X said, “…”`: the quotation after the cue is its content
    if tail.startswith((",", ";")):
        tail = ""   # `…, the official acknowledged, as experts emphasized …`: a new clause
    elif (clause := _TAIL_NEW_CLAUSE.search(tail)) is not None:
        tail = tail[:clause.start()]    # `…, an executive tells employees, describing …`: the same after the listener
    apposed = None
    if apposition and text.startswith(_APOSTROPHES, s_start):
        # `''A,'' Tina Tchen, Mrs. Obama's chief of staff, said`: the quote's closing marks
        # end the content, and a name with its description comes between them and the cue.
        close = text.find("," + _APOSTROPHES, s_start + len(_APOSTROPHES), comma)
        apposed = _apposed(text, close + 3, w[0]) if close >= 0 else None
        if apposed is not None:
            comma = close
    subject_words = _words(text, comma + 1, w[0])
    if subject_words:
        if len(subject_words) > _MAX_MENTION_WORDS and apposed is None:
            return None
        first = subject_words[0][2]
        if apposed is None and (first in ("and", "but", "or") or first.endswith("ing") and first.islower()):
            # `…, and residents protested`: a clause of its own; `…, using a phrase the
            # mayor has used`: a participle's phrase. Neither attributes what comes before.
            return None
        mention = apposed or mention_before(text, comma + 1, w[0])
        if mention is not None and not valid_mention(text, mention):
            return None
        if tail and not _ADJUNCT_TAIL.match(tail) and not (mention is not None and _listener_tail(w[2].lower(), tail)) \
                and not (text.startswith(_APOSTROPHES, comma + 1) and _QUOTE_ADJUNCT_TAIL.match(tail)):
            return None
        if mention is None:
            return None     # (a mention found here is valid: checked above)
    else:
        if w[2].lower().endswith("ing"):
            # `…, Bloomberg reports, citing its sources`: after a participle comes what it
            # cites or says, not an inverted speaker (`…, said X`).
            return None
        mention = mention_after(text, w[1], s_end)
        if mention is None or not valid_mention(text, mention):
            return None
    start, end = _trim(text, s_start, comma)
    if text.startswith(_APOSTROPHES, comma + 1) and not text.startswith(_APOSTROPHES, start):
        # `''A. B,'' she said`: the quote the attribution closes opened sentences before.
        opened = _apostrophes_opened(text, s_start)
        if opened is not None:
            start = opened
    rule = "reported-before"
    # (A quotation closes at the comma before the attribution: `,”`, `”,`, `,''`. A subordinator
    # resumes the content only after an attribution set off whole by commas, its speaker right
    # after the first: not in `X, a fellow …, called the attack the worst strike America has
    # launched, because …`.)
    closes = text[comma - 1:comma + 3]
    parenthetical = not text[comma + 1:mention.start].strip(" ''")
    resumed = _resumed_content(text, w[1], s_end, "”" in closes or '"' in closes or _APOSTROPHES in closes
                               or not parenthetical)
    if resumed is not None:
        # `In any case, Mr. DiPietro said, the golf industry was …`: the attribution
        # interrupts one reported sentence; the content spans both parts (as PolNeAR's
        # discontinuous contents do), attribution included.
        end = _trim(text, resumed, s_end)[1]
        rule = "reported-interrupted"
    else:
        continued = _continued_quote(text, start, comma, s_end)
        if continued is not None:
            end = continued
            rule = "reported-interrupted"
    if len(_words(text, start, end)) < MIN_CONTENT_WORDS:
        return None
    claim = Claim(kind="indirect", start=start, end=end, cue_start=w[0], cue_end=w[1],
                  mention_start=mention.start, mention_end=mention.end,
                  sentence_start=s_start, sentence_end=s_end, rule=rule)
    if mention.descriptor:
        claim.descriptor_start, claim.descriptor_end = mention.descriptor
    return claim


_LISTENER_CUES = frozenset("told tells tell".split())


def _listener_tail(low: str, tail: str) -> bool:
    """Whether what follows a cue of telling is its listener and an adjunct, no content of
    its own (`''…,'' Jane Roe, the former governor, told CNN on Sunday.`)."""
    words = tail.split()
    return low in _LISTENER_CUES and len(words) <= 10 and not any(
        x.lower() in ("that", "whether", "if", "how", "why", "what", "to") for x in words)


@lru_cache(maxsize=1)
def _question_words() -> frozenset[str]:
    return load_words("question_words.txt")


# The question word of `Asked …` comes within this many words (`Asked on Fox News who …`,
# `Asked during a January debate why …`).
_ASKED_WINDOW = 6


# What may open a sentence before `when asked`: quotation marks, `And`/`But`.
_CLAUSE_LEAD = re.compile(r"[\s“\"‘(]*(?:(?:And|But|So|Yet)[\s,]+)?")
# `when asked`, `if asked`: a subordinator right before the participle `asked`.
_WHEN_ASKED = re.compile(r"(?<![\w’'-])(?:[Ww]hen|[Ii]f|[Aa]fter|[Oo]nce|[Bb]efore|[Ww]hile)\s+$")


def _asked_opening(text: str, sent: tuple[int, int], w: tuple[int, int, str], opens: bool = True) -> Claim | None:
    """`Asked (on Monday) whether the plan would work, the mayor said …`: a sentence that
    opens on the participle reports the question put to the main clause's subject. The
    question is the content, from its question word (`if`, `whether`, `why`, `to`, or what
    follows `about`) to the comma before the main clause; the speaker is that clause's.
    (`When asked whether …, the mayor said …` the same.) Not opening the sentence (`…, the
    mayor said when asked whether …`, opens False), the question runs to the next comma or the
    sentence's end, and its answerer is the earlier cue's subject."""
    s_start, s_end = sent
    comma = text.find(",", w[1], s_end)
    if comma < 0:
        if opens:
            return None
        comma = s_end
    words = _words(text, w[1], comma)
    start = None
    for i, word in enumerate(words[:_ASKED_WINDOW]):
        low = word[2].lower()
        if low in _question_words():
            start = word[0]
            break
        if low == "about":
            start = words[i + 1][0] if i + 1 < len(words) else None
            break
    if start is None:
        return None
    start, end = _trim(text, start, comma)
    if len(_words(text, start, end)) < MIN_CONTENT_WORDS:
        return None
    mention = None
    cues = reported_cues()
    if not opens:
        mention = _earlier_cue_subject(text, s_start, w[0])
    for cue in cues_in(text, comma, s_end, cues) if opens else ():
        if _is_cue(text, cue, cues, s_start):
            mention = subject_of(text, comma + 1, cue[0])
            break
    claim = _indirect_claim(sent, w, mention, start, end)
    claim.rule = "reported-asked"
    return claim


def _according_to(text: str, sent: tuple[int, int], w, to) -> Claim | None:
    s_start, s_end = sent
    # Whatever follows "according to" is the source ("a fact sheet", "calculations by …"):
    # no head-word check here.
    mention = mention_after(text, to[1], s_end)
    if mention is None or text[mention.end - 2:mention.end] in ("’s", "'s"):
        return None
    rest_start = text.find(",", mention.descriptor[1], s_end) if mention.descriptor else -1
    if rest_start < 0:
        # What looked like an apposition runs to the sentence's end: it is the content
        # (`According to the agency, the president decided quickly.`).
        mention.descriptor = None
        rest_start = text.find(",", mention.end, s_end)
    if text[s_start:w[0]].strip(" ,") == "" and rest_start >= 0:
        start, end = _trim(text, rest_start + 1, s_end)   # According to X, CONTENT.
    elif rest_start >= 0 and text[s_start:w[0]].rstrip().endswith(",") \
            and len(_words(text, s_start, w[0])) <= _INTERRUPTED_LEAD_WORDS and _resumes_after(text, rest_start + 1, s_end):
        # `Since last November, according to the group, the police have …`: the attribution
        # interrupts one reported sentence after its first words (an adverbial, a subject);
        # the content spans both parts (as PolNeAR's discontinuous contents do), attribution
        # included. (After a clause of its own, what follows the source is its description
        # or an aside: `…, according to public filings, a huge sum for …`.)
        start, end = _trim(text, s_start, s_end)
    else:
        start, end = _trim(text, s_start, w[0])           # CONTENT, according to X.
    if len(_words(text, start, end)) < MIN_CONTENT_WORDS:
        return None
    claim = Claim(kind="indirect", start=start, end=end, cue_start=w[0], cue_end=to[1],
                  mention_start=mention.start, mention_end=mention.end,
                  sentence_start=s_start, sentence_end=s_end, rule="according-to")
    if mention.descriptor:
        claim.descriptor_start, claim.descriptor_end = mention.descriptor
    return claim


# The most words before an `according to` that interrupts a sentence (`At the heart of the
# trouble, according to …, was …`).
_INTERRUPTED_LEAD_WORDS = 8


def _resumes_after(text: str, pos: int, s_end: int) -> bool:
    """Whether the words from pos go on with a sentence an attribution interrupted: enough
    of them, not opening a relative or another clause, nor a participle (as _resumed_content)."""
    rest = _words(text, pos, s_end)
    if len(rest) < MIN_CONTENT_WORDS:
        return False
    first = rest[0][2].lower()
    return first not in _NEW_CLAUSE and not (first.endswith("ing") and len(first) > 5)


# --- lines labelled with their speaker --------------------------------------------------

# `Graham: Trump’s Rhetoric Destroying GOP’s Chance` / `TAPPER: And obviously, …`: a
# paragraph that opens with a short name and a colon gives the rest of the line to that
# name. One to four capitalised words (with the particles of names).
_LABEL = re.compile(r"((?:[A-Z][\w.’'-]*|of|de|al|van|von|bin)(?:[ \t]+(?:[A-Z][\w.’'-]*|of|de|al|van|von|bin)){0,3}):[ \t]+(?=\S)")


@lru_cache(maxsize=1)
def _not_label_words() -> frozenset[str]:
    return load_words("not_labels.txt") | load_words("places.txt")


def _named_elsewhere(text: str, word: str, line: tuple[int, int]) -> bool:
    """Whether the article names `word` outside the labelled line (`GRAHAM` or `Graham`):
    a label that is a kicker (`BUSTED:`, `Bombshell:`) names nobody the story mentions."""
    forms = {word, word[:1] + word[1:].lower()}
    # (Whole words as re's (?<![\w’'-])FORM(?![\w’'-]) finds them, a few str.find calls.)
    return any(textindex.has_whole_word(text, form, _is_name_char, 0, line[0])
               or textindex.has_whole_word(text, form, _is_name_char, line[1]) for form in forms)


def _is_name_char(ch: str) -> bool:
    """Whether ch is in [\\w’'-] (str.isalnum is the test re uses for \\w on str)."""
    return ch.isalnum() or ch in "_’'-"


def labelled_line(text: str, para: tuple[int, int], quotes: list[Quote]) -> Claim | None:
    """An indirect claim for a paragraph `X: CONTENT` whose label names someone in the
    article; a question (an interviewer's turn), a list of names or a quotation (the direct
    claim's) is not one."""
    p_start, p_end = para
    if text.find(":", p_start, p_end) < 0:
        return None     # (_LABEL ends on a colon)
    m = _LABEL.match(text, p_start, p_end)
    if not m or len(m.group(1)) < 2:
        return None
    words = [w for w in _WORD.findall(m.group(1)) if w.lower() not in _not_label_words()]
    if not words or not any(len(w) > 1 and _named_elsewhere(text, w, para) for w in words):
        return None
    start, end = _trim(text, m.end(), p_end)
    content = text[start:end]
    if content.endswith("?") or len(_words(text, start, end)) < MIN_CONTENT_WORDS:
        return None
    if content.count(",") >= 3 and not re.search(r"\b[a-z]{4,}\b", content):
        return None     # `Iowa: Tim Albrecht, Brad Anderson, …`
    inside = [(q.open_mark, q.outer[1]) for q in quotes if q.end > start and q.start < end]
    if _all_quoted(text, start, end, inside):
        return None
    return Claim(kind="indirect", start=start, end=end, mention_start=m.start(1), mention_end=m.end(1),
                 sentence_start=p_start, sentence_end=p_end, rule="label")
