"""The spaCy pipeline: `spacy.blank("en")` plus Claimscope's registered components.

    nlp = build_nlp()
    doc = nlp(text)
    doc._.claims   # list[Claim], offsets into doc.text

Components (in order):
  claimscope_layout       paragraphs, crawler clutter, a leading date line, the headline
  claimscope_quotes       quotation spans (Doc._.quotes)
  claimscope_attribution  direct claims with their cue and mention, reported speech
  claimscope_speakers     speaker resolution and types
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import attribution, layout, lexemes, quote_model, quotes, speakers
from . import tokenizer as _tokenizer
from . import reported as reported_speech
from .lexicon import load_table
from .schema import Claim

for _name, _default in (("layout", None), ("quotes", None), ("sentences", None), ("claims", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

# A quotation is kept as a claim when the quote model gives it at least this probability.
QUOTE_THRESHOLD = 0.6
# One with no speaker mention found needs this much (see attribute()).
UNATTRIBUTED_THRESHOLD = 0.7


def doc_text(doc: Doc) -> str:
    """The doc's text, kept once: spaCy rebuilds `Doc.text` from every token on each read."""
    text = doc.user_data.get("claimscope_text")
    if text is None:
        text = doc.user_data["claimscope_text"] = doc.text
    return text


def make_doc(nlp: Language, text: str) -> Doc:
    """A tokenized Doc that remembers its text, for nlp(doc) / nlp.pipe(docs)."""
    doc = nlp.make_doc(text)
    doc.user_data["claimscope_text"] = text
    return doc


@Language.component("claimscope_layout")
def layout_component(doc: Doc) -> Doc:
    doc._.layout = layout.analyse(doc_text(doc))
    return doc


@Language.component("claimscope_quotes")
def quotes_component(doc: Doc) -> Doc:
    text = doc_text(doc)
    ext = doc._     # (spaCy makes a new object on every read of doc._)
    lay = ext.layout or layout.analyse(text)
    paragraphs = [p for p in lay.paragraphs if p != lay.headline]
    ext.quotes = quotes.find_quotes(text, paragraphs)
    return doc


@Language.factory("claimscope_attribution", default_config={"keep_all_quotes": False, "quote_threshold": QUOTE_THRESHOLD})
def make_attribution(nlp: Language, name: str, keep_all_quotes: bool, quote_threshold: float):
    """keep_all_quotes keeps quotes the quote model rejects (with their probability in
    claim.extra), for training that model."""
    def component(doc: Doc) -> Doc:
        return attribute(doc, keep_all_quotes, quote_threshold)
    return component


def attribute(doc: Doc, keep_all_quotes: bool = False, quote_threshold: float = QUOTE_THRESHOLD) -> Doc:
    text = doc_text(doc)
    ext = doc._     # (spaCy makes a new object on every read of doc._)
    lay = ext.layout or layout.analyse(text)
    found = ext.quotes if ext.quotes is not None else []
    paragraphs = [p for p in lay.paragraphs if p != lay.headline]
    claims: list[Claim] = []
    sentences: list[tuple[int, int]] = []
    previous: Claim | None = None       # the last claim with a speaker, for continuations
    previous_para = -1
    introducer: Claim | None = None     # `He said:` closing the previous paragraph
    last_sent: tuple[int, int] | None = None
    if lay.headline is not None:
        claims.extend(headline_claims(text, lay.headline))
    in_paragraph = _quotes_overlapping(found)
    para_starts = [p[0] for p in paragraphs]
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        para_quotes = in_paragraph(p_start, p_end)
        sents = attribution.sentence_spans(text, p_start, p_end, para_quotes)
        sentences.extend(sents)
        labelled = reported_speech.labelled_line(text, (p_start, p_end), para_quotes)
        for s_index, sent in enumerate(sents):
            # (Most paragraphs hold no quote: no comprehension over nothing per sentence.)
            in_sent = [q for q in para_quotes if sent[0] <= q.open_mark < sent[1]] if para_quotes else []
            reported = reported_speech.find_reported(text, sent, para_quotes)
            sent_claims = list(reported)
            if labelled is not None and labelled.start < sent[1]:
                sent_claims.append(labelled)
                labelled = None
            # Read only by the features of the sentence's quotes: most sentences have none.
            has_speech = attribution.has_speech_verb(text, sent, in_sent) if in_sent else False
            for q in in_sent:
                others = [o for o in in_sent if o is not q]
                q_para_end, q_others = p_end, others
                if q.end > p_end:
                    # A quote running over paragraphs is attributed after its closing mark,
                    # in the paragraph where it closes (`“… ¶ “…,” he said with a grin.`).
                    close_para = paragraphs[bisect_right(para_starts, q.end - 1) - 1]
                    q_para_end = close_para[1]
                    q_others = others + [o for o in in_paragraph(*close_para) if o is not q and o not in others]
                claim = attribution.attribute_quote(text, q, sent, q_others, q_para_end)
                if claim.mention_start is None:
                    label = attribution.speaker_label(text, q, paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None)
                    if label is not None:
                        claim.mention_start, claim.mention_end = label
                        claim.rule = "label"
                opens_sentence = not text[sent[0]:q.open_mark].strip()
                if claim.mention_start is None or claim.rule == "sentence-subject":
                    # Quoted words inside reported speech are that speaker's words too:
                    # `Sanders said the system was “corrupt”`.
                    hosts = [r for r in reported if r.start <= q.open_mark and q.end <= r.end + 1
                             and r.mention_start is not None]
                    host = _speaking_host(text, hosts)
                    if host is not None:
                        claim.mention_start, claim.mention_end = host.mention_start, host.mention_end
                        claim.descriptor_start, claim.descriptor_end = host.descriptor_start, host.descriptor_end
                        claim.cue_start, claim.cue_end = host.cue_start, host.cue_end
                        claim.rule = "inside-reported"
                if claim.mention_start is None and not opens_sentence:
                    # `“A,” the investor said, “B.”`: a quote interrupted by its attribution
                    # is two claims of the same speaker, whatever the second half's cue finds.
                    before = next((c for c in reversed(sent_claims) if c.kind == "direct" and c.end <= q.open_mark), None)
                    if before is not None and before.mention_start is not None and before.cue_start is not None \
                            and before.end <= before.cue_start < q.open_mark \
                            and not any(before.end <= o.open_mark < q.open_mark for o in others) \
                            and attribution.interrupts(text, before.end, q.open_mark):
                        _copy_attribution(claim, before, "interrupted")
                if claim.mention_start is None and (opens_sentence or attribution.after_connective(text, sent[0], q.open_mark)):
                    # A quote with no attribution of its own: introduced by `X said:` at the
                    # end of the previous paragraph, or continuing the last speaker's words
                    # in the same or the next paragraph.
                    # A sentence of the same paragraph right before it whose speech verb
                    # has a subject (`Jane Roe agreed. “…”`) names the speaker first.
                    source = (attribution.speaking_sentence(text, sents[s_index - 1]) if s_index > 0 else
                              attribution.speaking_sentence(text, last_sent) if last_sent is not None else None) \
                        or introducer or (previous if previous is not None and p_index - previous_para <= 1 else None)
                    if source is not None:
                        _copy_attribution(claim, source, "introduced" if source is introducer else
                                          source.rule if source.rule == "previous-sentence" else "continuation")
                        before_sent = sents[s_index - 1] if s_index > 0 else last_sent
                        pronoun = attribution.pronoun_subject(text, before_sent) \
                            if claim.rule == "continuation" and before_sent is not None and source.mention_start is not None \
                            and source.mention_start < before_sent[0] else None
                        if pronoun is not None:
                            # `“…,” Trump added. He then had a question for the crowd. ¶ “…?”`:
                            # the pronoun subject of the sentence between names the speaker
                            # the quote continues, nearer than the claim it continues.
                            claim.mention_start, claim.mention_end = pronoun
                features = quote_model.quote_features(text, claim, sent, opens_sentence, has_speech)
                claim.extra["features"] = features
                claim.extra["p_claim"] = 0.0 if quote_model.names_a_title(text, claim) else \
                    quote_model.claim_probability(features)
                # A quote nobody is found to say must be likelier to be a claim (mostly
                # scare quotes otherwise; tools/train_quote_model.py --cv prints the grid).
                # (An agentless report keeps its cue: `Trump was asked, “…”` is someone's words.)
                threshold = quote_threshold if claim.mention_start is not None or claim.cue_start is not None else \
                    max(quote_threshold, UNATTRIBUTED_THRESHOLD)
                if claim.extra["p_claim"] < threshold and not keep_all_quotes:
                    continue
                if claim.mention_start is None and claim.cue_start is None and s_index > 0 \
                        and _goes_on_after(text, claim, sent) \
                        and (outer := _outer_claim(claims, sents[s_index - 1])) is not None:
                    # `Brill has argued that the law … . As a result, there's still “a very
                    # powerful industry that …”`: a whole quoted statement with no attribution
                    # of its own, woven into the sentence after one whose claim has a speaker,
                    # goes on in that speaker's words (the outermost claim's, not a report
                    # inside it: `Jahangir said she was angered by the media declaring …`).
                    # Only once the quote model has kept the quote: its features stay as found.
                    _copy_attribution(claim, outer, "next-sentence")
                if claim.mention_start is None and claim.cue_start is None \
                        and (owner := attribution.possessor_of_quoted_noun(text, sent[0], q.open_mark, q.outer[1])) is not None:
                    # `Obama's "if you like your plan, you can keep it" promise`: the possessor
                    # of the noun the quote modifies (once the quote model has kept it).
                    claim.mention_start, claim.mention_end = owner.start, owner.end
                    claim.rule = "possessor"
                sent_claims.append(claim)
            introducer = None
            if not sent_claims:
                continue    # (most sentences: nothing to share, order or remember)
            _share_attribution_after(text, sent_claims)
            reported_speech.end_before_coordinated_claims(text, sent_claims)
            quoted_here = any(c.kind == "direct" for c in sent_claims)
            for claim in sorted(sent_claims, key=lambda c: c.start):
                claims.append(claim)
                if quoted_here and claim.kind != "direct":
                    # `“…,” said Murphy, using a term Rubio has used to describe Trump. “…”`:
                    # reported speech inside a quote's sentence is an aside; the quotes
                    # that follow continue the quote's speaker.
                    continue
                if claim.mention_start is not None and text[claim.mention_start:claim.mention_end].lower() not in ("who", "which") \
                        and claim.rule != "possessor":
                    # A relative clause's speaker (`…, who said …`) is an aside: the
                    # quotes that follow continue the main speaker, not this one.
                    previous, previous_para = claim, p_index
        last_sent = sents[-1] if sents else None
        if sents:
            introducer = attribution.attribution_before_colon(text, sents[-1])
    ext.sentences = sentences
    ext.claims = claims
    return doc


# A quoted statement: four words or more, closing on its own full stop, question or exclamation.
_STATEMENT_MIN_WORDS = 4


def _outer_claim(claims: list[Claim], sent: tuple[int, int]) -> Claim | None:
    """The longest claim with a speaker mention in the sentence `sent` (claims are in text
    order: only the last few are looked at)."""
    found = None
    for c in reversed(claims[-12:]):
        if c.sentence_start != sent[0] or c.start < sent[0] or c.start >= sent[1]:
            continue
        if c.mention_start is not None and (found is None or c.end - c.start > found.end - found.start):
            found = c
    return found


def _goes_on_after(text: str, claim: Claim, sent: tuple[int, int]) -> bool:
    """Whether a quote woven into its sentence is a whole statement (see _STATEMENT_MIN_WORDS)
    with no verb of speech in the sentence before it."""
    quoted = text[claim.start:claim.end].rstrip()
    if len(quoted.split()) < _STATEMENT_MIN_WORDS or not quoted.endswith((".", "!", "?")):
        return False
    if not text[sent[0]:claim.start - 1].strip():
        return False    # (a quote opening its sentence continues by the rules for that)
    verbs = attribution.speech_verbs()
    return not attribution.cues_in(text, sent[0], claim.start, verbs)


def _speaking_host(text: str, hosts: list[Claim]) -> Claim | None:
    """The reported claim whose speaker a quote inside them takes: the first, unless its cue
    is no verb of speech: then a later one whose cue is, else the innermost (shortest) one
    whose cue is no participle (`Since Yue submitted his proposal, Ash wrote that … “…”`:
    Ash's, not Yue's; `Santilli started his channel in 2009, and his first videos show …
    the “ambush journalist”`: the videos'; `She compared the talks to a “root canal,”
    according to his memoir`: hers, the inner speaker's, as the codebook has nested sourcing)."""
    if not hosts:
        return None
    verbs = attribution.speech_verbs()
    cue = lambda c: text[c.cue_start:c.cue_end].lower() if c.cue_start is not None else ""
    if cue(hosts[0]) in verbs:
        return hosts[0]
    # (A participle's subject is the reported model's guess: `Trump released an ad calling it …`.)
    inner = [h for h in hosts[1:] if cue(h) in verbs and not cue(h).endswith("ing")]
    if inner:
        return max(inner, key=lambda h: h.start)
    inner = [h for h in hosts if not cue(h).endswith("ing")]
    return min(inner, key=lambda h: h.end - h.start) if inner else hosts[0]


# What may join two quotes that one attribution after the second speaks for.
_JOINED = re.compile(r"[\s,]*(?:and|or)?[\s,]*")


def _share_attribution_after(text: str, sent_claims: list[Claim]) -> None:
    """`Guns are “A” and “B,” Howard Dean proclaimed`: quotes joined by `and` before an
    attribution that follows the last are all its speaker's (the first had only the
    sentence's grammatical subject, or nothing)."""
    if len(sent_claims) < 2:
        return      # (one claim shares with no other)
    direct = sorted((c for c in sent_claims if c.kind == "direct"), key=lambda c: c.start)
    for a, b in zip(reversed(direct[:-1]), reversed(direct[1:])):
        if a.rule in ("", None, "sentence-subject") and b.rule is not None and b.rule.startswith("after-quote") \
                and b.mention_start is not None and b.mention_start > b.end \
                and _JOINED.fullmatch(text, a.end + 1, b.start - 1) is not None:
            _copy_attribution(a, b, "coordinated")
    for a, b in zip(direct[:-1], direct[1:]):
        if a.rule in ("before-quote", "opening-clause") and a.mention_start is not None and a.mention_start < a.start \
                and b.rule is not None and b.rule.startswith("after-quote") \
                and _JOINED.fullmatch(text, a.end + 1, b.start - 1) is not None \
                and re.search(r"\b(?:and|or)\b", text[a.end:b.start]) and text[a.end - 1:a.end] not in ".!?":
            # `Although he says he “A,” and “B,” he also accuses …`: a quote joined by `and`
            # to one its cue before introduced is that cue's too.
            _copy_attribution(b, a, "coordinated")
    for k, c in enumerate(direct):
        if k and c.mention_start is None and c.cue_start is None and not attribution.is_title_at(text, c.start, c.end):
            # `The paradox, says Ann Cole, is that it was “A,” not for its cost but for its
            # “B.”`: a quote with no attribution of its own, woven into the sentence after a
            # quote whose speaker is found, goes on in that speaker's words (not a title:
            # `X said “…,” then sang “Bridge Over Troubled Water.”`; not before the speaker's
            # quote, where a name or scare quote stands as often).
            earlier = next((d for d in reversed(direct[:k]) if d.mention_start is not None), None)
            if earlier is not None:
                _copy_attribution(c, earlier, "same-sentence")


def _copy_attribution(claim: Claim, source: Claim, rule: str) -> None:
    """Credit a quote to the speaker mention, descriptor and cue of another claim."""
    claim.mention_start, claim.mention_end = source.mention_start, source.mention_end
    claim.descriptor_start, claim.descriptor_end = source.descriptor_start, source.descriptor_end
    claim.cue_start, claim.cue_end = source.cue_start, source.cue_end
    claim.rule = rule


def _quotes_overlapping(found: list) -> Callable[[int, int], list]:
    """A function (start, end) -> [q for q in found if q.start < end and q.end > start].

    Quotes come in text order and do not nest, so their starts and ends both ascend and the
    quotes of a paragraph are one run of the list, found by bisection (the comprehension
    over every quote of the article, once per paragraph, grew with their product). Lists
    in any other order are filtered as written."""
    starts = [q.start for q in found]
    ends = [q.end for q in found]
    if starts != sorted(starts) or ends != sorted(ends):
        return lambda start, end: [q for q in found if q.start < end and q.end > start]
    return lambda start, end: found[bisect_right(ends, start):max(bisect_right(ends, start), bisect_left(starts, end))]


def headline_claims(text: str, headline: tuple[int, int]) -> list[Claim]:
    """What a headline attributes (`Graham: …`, `Trump says …`): reported speech only. Its
    quotation marks are not read as quotes: a quoted headline is a title or a scare quote
    more often than anyone's words, and its quote returns in the body."""
    claims = []
    labelled = reported_speech.labelled_line(text, headline, [])
    if labelled is not None:
        claims.append(labelled)
    for sent in attribution.sentence_spans(text, headline[0], headline[1], []):
        claims.extend(reported_speech.find_reported(text, sent, []))
    return sorted(claims, key=lambda c: c.start)


@lru_cache(maxsize=1)
def _stances() -> dict[str, str]:
    return {row["word"]: row["stance"] for row in load_table("stances.tsv")}


@Language.component("claimscope_speakers")
def speakers_component(doc: Doc) -> Doc:
    claims = doc._.claims or []
    text = doc_text(doc)
    speakers.resolve(text, claims)
    stances = _stances()
    for claim in claims:
        if claim.cue_start is not None:
            cue = text[claim.cue_start:claim.cue_end].lower()
            claim.stance = stances.get(cue.split()[-1], "neutral")
    return doc


@lru_cache(maxsize=4)
def build_nlp(keep_all_quotes: bool = False) -> Language:
    # Our own registered tokenizer: the components read character offsets, not tokens.
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": _tokenizer.TOKENIZER_NAME}}})
    # The same lexeme attributes for new words, computed with less work (extract/lexemes.py).
    lexemes.speed_up(nlp.vocab)
    nlp.add_pipe("claimscope_layout")
    nlp.add_pipe("claimscope_quotes")
    nlp.add_pipe("claimscope_attribution", config={"keep_all_quotes": keep_all_quotes})
    nlp.add_pipe("claimscope_speakers")
    return nlp
