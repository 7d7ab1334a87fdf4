"""The extractor's speed-ups keep its results: each optimised helper is checked against a
straightforward reference implementation (the code it replaced) on generated inputs
(Hypothesis) and on real articles (the seeds in data/ and PolNeAR train articles)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract import speakers
from extract.lexicon import load_words

REPO = Path(__file__).resolve().parents[1]
POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "polnear" / "train" / "articles"
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def real_texts(n_polnear: int = 60) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "data").glob("*.txt"))]
    if POLNEAR_TRAIN.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_TRAIN.glob("*.txt"))[:n_polnear]]
    return texts


REAL_TEXTS = real_texts()

# News-like pieces: titles, names with hyphens, apostrophes and initials, abbreviations,
# numbers, conjunctions, speech verbs, punctuation and quotation marks, odd unicode.
PIECES = ["Defense Secretary", "President", "Gen.", "Sen.", "Vice President", "former", "national security adviser",
          "Mark Esper", "Esper", "Trump", "Donald Trump", "O'Brien", "O’Brien", "al-Haq", "bin Laden", "Benjamin J. Rhodes",
          "U.S.", "U.N.", "the", "The", "a", "and", "And", "of", "of the", "Chairman of the Joint Chiefs of Staff",
          "27-year-old", "Kataib Hezbollah fighter", "author", "commentator", "officials", "Officials", "reports",
          "Reports", "said", "says", "told", "spokesman", "director", "Iraq", "Middle East", "White House", "Pentagon",
          "Mr.", "Ms.", "Dr.", "Secretary", "Minister", "Prime Minister", "Iran’s", "Trump's", "ALL CAPS", "NATO",
          ",", ".", ";", ":", "!", "?", "“", "”", "\"", "(", ")", "—", "–", "-", "’", "'", "…", "/", "&", "\n", "\t",
          "  ", "İstanbul", "ſ", "K", "é", "١٢", "_", "x_y"]
piece = st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=6))
news_text = st.lists(piece, max_size=80).map(" ".join) | st.lists(piece, max_size=80).map("".join)


# --- speakers._has_word: a whole-word lookup without a regex per word ------------------

def reference_has_word(text: str, word: str) -> bool:
    return re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(word), text) is not None


def test_word_char_is_the_regex_word_class_for_every_code_point():
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    regex_word = set(re.findall(r"[\w-]", chars))
    assert {ch for ch in chars if speakers._is_word_char(ch)} == regex_word


@SETTINGS
@given(news_text, st.one_of(st.sampled_from(["trump", "reports", "a", "esper", "x_y", "-", "e", "ſ", "١٢"]),
                            st.from_regex(r"[\w-]{1,6}", fullmatch=True)))
@example("Reports say; reports", "reports")
@example("pre-reports reports_x", "reports")
@example("-reports-", "reports")
def test_has_word_equals_regex_search(text, word):
    assert speakers._has_word(text, word) == reference_has_word(text, word)


def test_has_word_on_every_word_of_real_articles():
    for text in REAL_TEXTS[:20]:
        words = set(re.findall(r"[\w-]+", text))
        candidates = {w.lower() for w in words} | {w[1:] for w in words if len(w) > 1} | words
        for word in sorted(candidates)[:400]:
            assert speakers._has_word(text, word) == reference_has_word(text, word), word


# --- speakers._words: memoised, dot rule short-cut ---------------------------------------

def reference_words(phrase: str) -> list[str]:
    return [w if re.fullmatch(r"(?:[A-Za-z]\.){2,}|[A-Z]\.", w) else w.rstrip(".") for w in speakers._WORD.findall(phrase)]


@SETTINGS
@given(news_text)
@example("U.S. Gen. Mark A. Milley Jr. of the U.N.. a.b. Q. q. x..")
def test_words_equal_reference(phrase):
    assert speakers._words(phrase) == reference_words(phrase)


def test_words_result_can_be_changed_by_the_caller_without_changing_the_next_result():
    first = speakers._words("Defense Secretary Mark Esper")
    first[-1] = "changed"
    first.append("more")
    assert speakers._words("Defense Secretary Mark Esper") == ["Defense", "Secretary", "Mark", "Esper"]


# --- speakers._descriptor_before: reads the window's tail first ------------------------

def reference_descriptor_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 120):start]
    stop = max((m.end() for m in re.finditer(r"[,;:.!?“”\"()—–]", window)), default=0)
    window = window[stop:]
    words = list(speakers._WORD.finditer(window))
    titles, lex = speakers._titles(), speakers._roles()
    keep = len(words)
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group()
        low = w.lower().rstrip(".")
        if low == "and" and not (0 < i < len(words) - 1 and words[i - 1].group().islower()
                                 and words[i + 1].group().islower()):
            break
        if (low in titles or low in lex.heads or low in lex.generic or w[:1].isupper()
                or any(ch.isdigit() for ch in w) or "-" in w or low == "and"):
            if speakers._speech_verbs().fullmatch(low):
                break
            keep = i
            continue
        break
    words = words[keep:]
    while words and (words[0].group().lower() in speakers._FUNCTION_CAPS or words[0].group().lower() == "and"):
        words = words[1:]
    if not words:
        return None
    phrase = window[words[0].start():words[-1].end()]
    return phrase if speakers.role_of(phrase) else None


# Long runs of title-like words before a name, longer than the tail read first.
title_run = st.lists(st.sampled_from(["Former", "White", "House", "national", "security", "adviser", "and", "author",
                                      "commentator", "27-year-old", "Kataib", "Hezbollah", "fighter", "U.S.", "Army",
                                      "Gen.", "deputy", "director", "of", "the", "said", "2020", "Mr.", "x", "campaign",
                                      "campaigner", "correspondents", "activist", "strategist", "senior", "analyst"]),
                     max_size=30).map(" ".join)


@SETTINGS
@given(news_text, title_run, st.sampled_from(["", " ", "  ", "\n", "\t", ", ", "-"]))
@example("", "Former White House national security adviser and author and commentator", " ")
@example("x", "senior Kataib Hezbollah fighter and 27-year-old Kataib Hezbollah fighter and", " ")
# An "and" between lower-case words where the tail read first begins.
@example("x", "activists donor campaign corporation department economists campaigner commentator campaigner and "
              "campaign correspondents cia activist", " ")
def test_descriptor_before_equals_reference(prefix, titles, gap):
    text = prefix + " " + titles + gap + "Mark Esper said."
    start = len(prefix) + 1 + len(titles) + len(gap)
    for at in {start, start - 1, len(text), 0, len(text) // 2}:
        assert speakers._descriptor_before(text, at) == reference_descriptor_before(text, at)


def test_descriptor_before_equals_reference_at_every_capitalised_word_of_real_articles():
    checked = 0
    for text in REAL_TEXTS:
        for m in re.finditer(r"(?<!\w)[A-Z]", text):
            assert speakers._descriptor_before(text, m.start()) == reference_descriptor_before(text, m.start())
            checked += 1
    assert checked > 1000


# --- speakers._index: capitalised runs analysed once per distinct run ------------------

def reference_is_common(word: str, text: str) -> bool:
    low = word.lower().rstrip(".")
    if low in speakers._outlets() or low in speakers._places():
        return False
    lex = speakers._roles()
    if low in speakers._FUNCTION_CAPS or low in load_words("opening_adverbials.txt") or low in lex.heads \
            or low in lex.other_heads or low in lex.generic:
        return True
    if speakers._singular(low) in lex.heads or speakers._singular(low) in lex.other_heads:
        return True
    return re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(low), text) is not None


def reference_index(text: str) -> speakers._Index:
    persons: dict[str, speakers._Person] = {}
    occurrences: list[tuple[int, str]] = []
    places, outlets = speakers._places(), speakers._outlets()
    regions = load_words("regions.txt")
    appose = speakers._apposition()
    first_names = speakers._first_name_genders()
    common = load_words("common_words.txt")
    runs: dict[str, list[tuple[int, int]]] = {}
    for m in speakers._CAP_RUN.finditer(text):
        words = reference_words(m.group())
        if not words:
            continue
        cut = speakers._split_titles(words)
        name_words = words[cut:]
        while name_words and (name_words[0].lower() in speakers._FUNCTION_CAPS
                              or name_words[0].lower() in speakers._LEADING_WORDS):
            name_words = name_words[1:]
        if not name_words or len(name_words) > 4:
            continue
        name_words[-1] = speakers._POSSESSIVE.sub("", name_words[-1])
        name = " ".join(name_words)
        if (any(w.lower() in speakers._NOT_PERSON_WORDS or (w.isupper() and not (len(w) == 2 and w.endswith(".")))
                for w in name_words)
                or speakers._key(name) in places or speakers._key(name) in outlets or name.lower() in regions):
            continue
        # A first word the article also writes in lower case, and no first name, is dropped.
        while len(name_words) > 1 and cut == 0 and name_words[0] not in first_names \
                and reference_is_common(name_words[0], text):
            name_words = name_words[1:]
        name = " ".join(name_words)
        if len(name_words) == 1 and (cut == 0 or reference_is_common(name, text)):
            # Adverbials, states, cities before a state and pronouns are no antecedents.
            after = re.match(r",[ \t]*([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*)?)", text[m.end():])
            place = after.group(1).lower() if after else ""
            before_region = bool(after) and (place in regions or place.split()[0] in regions
                                             or place in places or place.split()[0] in places)
            if name.lower() not in load_words("opening_adverbials.txt") and name.lower() not in regions \
                    and name.lower() not in speakers._pronouns() and not before_region:
                occurrences.append((m.start(), name))
            continue
        name_start = m.start() + m.group().rfind(name_words[0])
        person = persons.setdefault(name, speakers._Person(name))
        runs.setdefault(name, []).append((name_start, m.end()))
        occurrences.append((name_start, name))

    def add(person, name_start, run_end):
        person.positions.append(name_start)
        before = reference_descriptor_before(text, name_start)
        if before:
            person.descriptors.append(before)
        a = appose.match(text, run_end)
        if a:
            person.descriptors.append(a.group(1).strip())

    for name, person in persons.items():
        for name_start, run_end in runs[name]:
            add(person, name_start, run_end)
    # A two-or-more-word name opening on a word of common_words.txt (no first name), whose
    # surname another name shares, is the name after that word and any of/the.
    for name in list(persons):
        words = name.split()
        if len(words) < 2 or words[0].lower() not in common or words[0] in first_names:
            continue
        if sum(1 for n in persons if n.split()[-1] == words[-1]) < 2:
            continue
        persons.pop(name)
        rest_words = words[1:]
        while rest_words[0] in speakers._FUNCTION_CAPS:
            rest_words = rest_words[1:]
        rest = " ".join(rest_words)
        for name_start, run_end in runs[name]:
            start = text.find(rest_words[0], name_start)
            if len(rest_words) > 1:
                add(persons.setdefault(rest, speakers._Person(rest)), start, run_end)
                runs.setdefault(rest, []).append((start, run_end))
            occurrences = [(start, rest) if (pos, n) == (name_start, name) else (pos, n) for pos, n in occurrences]
    by_last: dict[str, list[str]] = {}
    for name in persons:
        by_last.setdefault(name.split()[-1].lower(), []).append(name)
    for name in [n for n in persons if " " not in n]:
        fuller = [f for f in by_last.get(name.lower(), []) if " " in f]
        if fuller:
            persons[fuller[0]].descriptors.extend(persons.pop(name).descriptors)
            by_last[name.lower()].remove(name)
    return speakers._Index(persons, by_last, occurrences)


@SETTINGS
@given(news_text)
@example("Defense Secretary Mark Esper said. Esper, the secretary, said. Secretary Esper and President Trump's aide.")
def test_index_equals_reference(text):
    assert speakers._index(text) == reference_index(text)


def test_index_equals_reference_on_real_articles():
    assert len(REAL_TEXTS) >= 5
    named = 0
    for text in REAL_TEXTS:
        index = speakers._index(text)
        assert index == reference_index(text)
        named += len(index.persons)
    assert named > 50


# --- speakers._CAP_RUN: opening on its first character, then the look-behind --------------

# The pattern as it was: the look-behind first, tried at every offset.
REFERENCE_CAP_RUN = re.compile(r"(?<![\w’'-])%s(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?%s)*" % (speakers._CAP, speakers._CAP))
PARTICLE_PIECES = ["al-Haq", "al Haq", "el-Sisi", "bin Laden", "ibn Saud", "de Gaulle", "van Gogh", "von Braun",
                   "xal-Haq", "-bin Laden", "’de Gaulle", "Jr.", "St. Louis", "Gov.", "A.B.", "of the", "of",
                   "Mr.Smith", "Capt.Roe", "U.S.Army", "Al-Haq", "DeGaulle", "xAdm. Jo", "Adm", "Dr.", "Mrs", "Mrs.",
                   "Sgt.", "S.", "Sen.Jo", "de-Roe", "von", "ibn", "bin-", "el Sisi", "Prof. Z.", "St.Louis"]
cap_text = st.lists(st.one_of(st.sampled_from(PARTICLE_PIECES), piece), max_size=40).map(" ".join) \
    | st.lists(st.one_of(st.sampled_from(PARTICLE_PIECES), piece), max_size=40).map("".join)


def run_spans(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


@SETTINGS
@given(cap_text)
@example("Vice President al-Haq met van Gogh, de Gaulle and ibn Saud of the U.N. in St. Louis")
@example("x-von Braun’s el-Sisi")
@example("Mr.Smith met U.S.Army Capt.Roe and Sen.Jo, xAdm. Jo, Mrs. and Mrs, de-Roe bin- Al-Haq")
def test_cap_run_finds_the_runs_of_the_look_behind_pattern(text):
    assert run_spans(speakers._CAP_RUN, text) == run_spans(REFERENCE_CAP_RUN, text)


def test_cap_run_on_real_articles():
    for text in REAL_TEXTS:
        assert run_spans(speakers._CAP_RUN, text) == run_spans(REFERENCE_CAP_RUN, text)


# --- speakers._Resolver._definite: only phrases with the description's head are compared --

DESCRIPTIONS = ["the official", "the officials", "the senior official", "the other official", "another official",
                "the secretary", "the Defense Secretary", "the spokesman", "the spokeswoman", "the agency", "the",
                "the former governor", "the deputy director", "the aides", "the aide", "the campaign", "a",
                "the companies", "the company", "the Pentagon official", "the president", "the top general"]
description_text = st.lists(st.one_of(st.sampled_from(DESCRIPTIONS), piece), min_size=1, max_size=6).map(" ".join)


def head_key_of_words(words: list[str]) -> str | None:
    head = speakers._head(words)
    return speakers._singular(head.lower()) if head else None


@SETTINGS
@given(description_text, description_text)
@example("the other official", "another senior official")
@example("the officials", "senior officials")
def test_a_description_fits_only_phrases_with_its_head(description, candidate):
    words = speakers._words(description)
    if speakers._describes(words, candidate):
        assert speakers._head_key(candidate) == head_key_of_words(words) is not None


def test_a_description_fits_only_phrases_with_its_head_on_real_articles():
    fits = 0
    phrases = list(DESCRIPTIONS)
    for text in REAL_TEXTS[:30]:
        for person in speakers._index(text).persons.values():
            phrases += person.descriptors
    for description in DESCRIPTIONS:
        words = speakers._words(description)
        for candidate in phrases:
            if speakers._describes(words, candidate):
                fits += 1
                assert speakers._head_key(candidate) == head_key_of_words(words) is not None
    assert fits > 20


# --- speakers._Caseless: lexicon alternations matched on lower-cased ASCII text ----------

def caseless_patterns() -> list[tuple[str, speakers._Caseless]]:
    lex = speakers._roles()
    return [(role, lex.clues[role]) for role in speakers.CLUE_ORDER] + [("speech verbs", speakers._speech_verbs())]


def lexicon_phrases() -> list[str]:
    """Every word and phrase of the lexicons, as written, capitalised, upper-cased, inside
    and around other words."""
    phrases = []
    for _role, caseless in caseless_patterns():
        for alt in re.findall(r"(?<=[(|])([^|()]+)(?=[|)])", caseless.pattern.pattern)[:300]:
            alt = alt.replace("\\", "")
            phrases += [alt, alt.upper(), alt.title(), f"the {alt} said", f"x{alt}", f"{alt}-based", f"{alt}s",
                        f"ſ{alt}", f"{alt}K",
                        # Non-ASCII letters equal to ASCII ones when case is ignored: long s,
                        # Kelvin sign, capital I with dot.
                        alt.replace("s", "ſ", 1), alt.replace("k", "\u212a", 1), alt.replace("i", "İ", 1)]
    return phrases


def test_caseless_patterns_answer_like_the_case_insensitive_pattern_on_lexicon_phrases():
    phrases = lexicon_phrases()
    assert len(phrases) > 1000
    for role, caseless in caseless_patterns():
        assert caseless.lowered is not None, role   # the lexicons are lower-case ASCII: the fast path is taken
        for phrase in phrases:
            assert caseless.search(phrase) == (caseless.pattern.search(phrase) is not None), (role, phrase)
            assert caseless.fullmatch(phrase) == (caseless.pattern.fullmatch(phrase) is not None), (role, phrase)


@SETTINGS
@given(st.one_of(news_text, st.text(alphabet="SsKkIiſİıK -'’ofcialspkemnu", max_size=40)))
@example("ſpokesman")            # long s: equal to "s" only when case is ignored
@example("OFFICIAL")
def test_caseless_patterns_answer_like_the_case_insensitive_pattern(text):
    for role, caseless in caseless_patterns():
        assert caseless.search(text) == (caseless.pattern.search(text) is not None), role
        assert caseless.fullmatch(text) == (caseless.pattern.fullmatch(text) is not None), role


# --- textindex: the matches of a window sliced from the matches of the whole text ------------

from extract import attribution, textindex  # noqa: E402

WINDOW_PATTERNS = [attribution._WORD, attribution._CLAUSE_BREAK, re.compile(r"[\w-]+"),
                   re.compile(r"\w+(?:'\w+)?|[.,]"), re.compile(r"\b\w+"), re.compile(r"(?<=\s)\w+"),
                   re.compile(r"(?<![\w-])[A-Z]\w*"), re.compile(r"^\w+|, "),
                   re.compile(r"(\w)\w*"), re.compile(r"(?i)said|told"),
                   # not window-safe: scanned window by window
                   re.compile(r"\w+\b"), re.compile(r"\w+(?=,)"), re.compile(r"\w+$"), re.compile(r"\w*")]


def reference_matches(text: str, pattern: re.Pattern, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]


def test_window_safe_patterns_are_told_apart():
    for pattern in WINDOW_PATTERNS[:10]:
        assert textindex.window_safe(pattern), pattern
    for source in (r"\w+\b", r"\w+(?=,)", r"(?!x)\w+", r"\w+$", r"x\Z", r"(?>\w+)", r"\w++", r"\w*",
                   r"(?<=\b)x", r"(?:a|\b)", r"a(?:\b|b)"):
        assert not textindex.window_safe(re.compile(source)), source


@SETTINGS
@given(news_text, st.sampled_from(WINDOW_PATTERNS), st.integers(-3, 400), st.integers(-3, 400))
@example("U.S.-backed Iran’s a.m. x", attribution._WORD, 1, 5)
@example("U.S. officials", attribution._WORD, 0, 3)
@example("it's O’Brien’s", attribution._WORD, 3, 14)
@example("Trump and Esper, who said", attribution._CLAUSE_BREAK, 7, 9)
@example("Trump and Esper, who said", attribution._CLAUSE_BREAK, 6, 10)
@example("xand band", attribution._CLAUSE_BREAK, 1, 9)
def test_matches_between_equal_a_scan_of_the_window(text, pattern, start, end):
    expected = reference_matches(text, pattern, start, end)
    assert textindex.matches_between(text, pattern, start, end) == expected


def real_windows(text: str, rng) -> list[tuple[int, int]]:
    cuts = sorted({0, len(text), *(m.end() for m in re.finditer(r"[.,;:“”\"]\s*", text))})
    windows = list(zip(cuts, cuts[1:])) + [(rng.randrange(len(text)), rng.randrange(len(text) + 5)) for _ in range(300)]
    return windows + [(a - 30, a) for a, _b in windows[:200]] + [(a, a + 40) for a, _b in windows[:200]]


def test_words_equal_a_scan_of_the_window_on_real_articles():
    import random

    rng = random.Random(5)
    sliced = 0
    for text in REAL_TEXTS:
        for start, end in real_windows(text, rng):
            expected = reference_matches(text, attribution._WORD, start, end)
            assert attribution._words(text, start, end) == expected, (start, end)
            sliced += bool(expected)
    assert sliced > 5000


def test_matches_between_result_can_be_changed_by_the_caller():
    text = "Defense Secretary Mark Esper said on Friday."
    words = textindex.matches_between(text, attribution._WORD, 0, len(text))
    words.pop()
    words.append((0, 1, "changed"))
    assert textindex.matches_between(text, attribution._WORD, 0, len(text)) == reference_matches(
        text, attribution._WORD, 0, len(text))


def test_texts_and_patterns_in_turn_keep_their_own_tables():
    first, second = "Esper said, and left.", "Milley said, but stayed."
    for _ in range(2):
        for text in (first, second):
            for pattern in (attribution._WORD, attribution._CLAUSE_BREAK):
                assert textindex.matches_between(text, pattern, 0, len(text)) == reference_matches(text, pattern, 0, len(text))


@SETTINGS
@given(news_text, st.sampled_from(WINDOW_PATTERNS))
def test_matches_among_equal_a_filtered_scan(text, pattern):
    vocabulary = frozenset({"said", "says", "told", "reports", "trump", "the", "ſ", "k", "x_y", ", ", "and "})
    expected = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text) if m.group().lower() in vocabulary]
    assert textindex.matches_among(text, pattern, vocabulary) == expected


def test_cue_index_equals_a_scan_on_real_articles():
    for cues in (attribution.speech_verbs(), attribution.indirect_cues()):
        for text in REAL_TEXTS:
            expected = [(m.start(), m.end(), m.group()) for m in attribution._WORD.finditer(text)
                        if m.group().lower() in cues]
            assert attribution.cues_in(text, 0, len(text), cues) == expected
            middle = len(text) // 2
            assert attribution.cues_in(text, middle, len(text), cues) == [w for w in expected if w[0] >= middle]


# --- the pipeline's tokenizer: cheaper than spaCy's default, same claims ------------------

import spacy  # noqa: E402

from extract.pipeline import build_nlp, make_doc  # noqa: E402
from extract.tokenizer import TOKENIZER_NAME  # noqa: E402


def claims_of(doc) -> list[tuple]:
    return [(c.kind, c.start, c.end, c.cue_start, c.cue_end, c.mention_start, c.mention_end, c.descriptor_start,
             c.descriptor_end, c.speaker, c.anonymity, c.role, c.descriptor, c.stance, c.rule) for c in doc._.claims]


def run_components(nlp, doc):
    doc.user_data["claimscope_text"] = doc.text
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@SETTINGS
@given(news_text | st.text(max_size=200))
@example("  two  spaces\n\n\tand a tab ")
@example("“Quoted,” he said—then left.")
def test_tokenizer_keeps_the_text(text):
    doc = build_nlp().make_doc(text)
    assert doc.text == text


def test_pipeline_uses_the_registered_tokenizer():
    nlp = build_nlp()
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": TOKENIZER_NAME}
    doc = nlp.make_doc("Sen. Rand Paul, R-Ky., said: “No.”  U.S.-backed\n\n")
    assert [t.text for t in doc] == ["Sen", ".", "Rand", "Paul", ",", "R-Ky", ".", ",", "said", ":", "“", "No", ".",
                                     "”", " ", "U.S.", "-", "backed", "\n\n"]
    assert [t.whitespace_ for t in doc][:5] == ["", " ", " ", "", " "]


@SETTINGS
@given(news_text | st.text(max_size=200))
def test_tokens_are_the_words_attribution_reads_and_single_marks(text):
    doc = build_nlp().make_doc(text)
    spans = {(t.idx, t.idx + len(t.text)) for t in doc}
    for m in attribution._WORD.finditer(text):
        assert m.span() in spans
    for t in doc:
        assert t.text and (t.text.isspace() or attribution._WORD.fullmatch(t.text) or len(t.text) == 1), t.text
        assert t.whitespace_ in ("", " ")


def test_attribution_reuses_the_tokenizers_scan():
    nlp = build_nlp()
    text = REAL_TEXTS[0] + " "    # a string of its own, not cached yet
    before = textindex.match_table.cache_info()
    nlp(make_doc(nlp, text))
    after = textindex.match_table.cache_info()
    assert after.misses == before.misses + 1    # one scan of the text, by the tokenizer,
    assert after.hits > before.hits             # that attribution found again


def test_claims_equal_those_on_spacys_default_tokenizer_on_real_articles():
    nlp = build_nlp()
    default = spacy.blank("en")
    found = 0
    for text in REAL_TEXTS:
        ours = nlp(make_doc(nlp, text))
        theirs = run_components(nlp, default.make_doc(text))
        assert claims_of(ours) == claims_of(theirs)
        assert [t.text for t in ours] != [t.text for t in theirs] or len(text) < 200
        found += len(ours._.claims)
    assert found > 500


def test_claim_offsets_fall_on_token_boundaries():
    nlp = build_nlp()
    spans = aligned = 0
    for text in REAL_TEXTS:
        doc = nlp(make_doc(nlp, text))
        for c in doc._.claims:
            for start, end in ((c.start, c.end), (c.mention_start, c.mention_end), (c.cue_start, c.cue_end)):
                if start is not None:
                    spans += 1
                    aligned += doc.char_span(start, end) is not None
    assert aligned >= 0.98 * spans


def test_pipeline_saves_and_loads_with_its_tokenizer(tmp_path):
    nlp = build_nlp()
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.pipe_names == nlp.pipe_names
    for text in REAL_TEXTS[:8]:
        ours, again = nlp(make_doc(nlp, text)), loaded(text)
        assert [t.text for t in again] == [t.text for t in ours]
        assert claims_of(again) == claims_of(ours)


# --- reported._reported_after: the subject is searched only when a check needs it -------------

from extract import reported  # noqa: E402


def candidate_cues(text: str):
    """(sentence, cue word) for every reported-speech candidate of an article."""
    nlp = build_nlp()
    doc = nlp(make_doc(nlp, text))
    for sent in doc._.sentences:
        for w in attribution.cues_in(text, sent[0], sent[1], reported._candidate_words()):
            if attribution._is_cue(text, w, reported.reported_cues(), sent[0]):
                yield sent, w


def test_reported_after_gives_each_claim_its_cues_subject_on_real_articles():
    claims = searched_first = 0
    for text in REAL_TEXTS:
        for sent, w in candidate_cues(text):
            claim = reported._reported_after(text, sent, w)
            subject = reported._cue_subject(text, sent[0], w, w[2].lower(), sent[1])
            again = reported._reported_after(text, sent, w)
            assert (claim is None) == (again is None)
            if claim is None:
                continue
            assert (claim.start, claim.end, claim.mention_start, claim.mention_end, claim.descriptor_start,
                    claim.descriptor_end) == (again.start, again.end, again.mention_start, again.mention_end,
                                              again.descriptor_start, again.descriptor_end)
            # The claim's speaker is the cue's subject, searched whenever a claim is made.
            expected = (None, None) if subject is None else (subject.start, subject.end)
            assert (claim.mention_start, claim.mention_end) == expected
            claims += 1
            searched_first += subject is not None
    assert claims > 1000 and searched_first > 500


# --- attribution: searches for patterns anchored at a window's end, skipped when they cannot match --

WINDOW_ENDS = ["Trump last week", "Sen. Rand Paul, R-Ky.,", "Jim Bennett, 57,", "Gov. Pat McCrory (R)", "Pence, who",
               "Pence, who has also", "Feinstein (D-Calif.) on Monday", "this weekend", "later Sunday\n", "R-Ky",
               "X, D-N.Y.", "the officials, which", "day", " (x) ", "whose", "Thursday  ", "on  Friday\t"]
window_text = st.lists(st.one_of(piece, st.sampled_from(WINDOW_ENDS)), max_size=30).map(" ".join)


def reference_clause_start(text: str, lo: int, pos: int) -> int:
    last = lo
    for m in attribution._CLAUSE_BREAK.finditer(text, lo, pos):
        last = m.end()
    return last


@SETTINGS
@given(window_text, st.integers(-3, 200), st.integers(-3, 200))
@example("Trump and Esper, who said", 0, 25)
@example("a, band as ", 0, 11)
@example("x — and, but ", 3, 13)
def test_clause_start_equals_the_last_match_of_the_scan(text, lo, pos):
    assert attribution._clause_start(text, lo, pos) == reference_clause_start(text, lo, pos)


# attribution._CLAUSE_WORD with the look-ahead of its words' first letters, against the pattern
# without it.
REFERENCE_CLAUSE_WORD = re.compile(r"\b(?:and|but|while|as|because|when|after|before|who|which)\s", re.IGNORECASE)
CLAUSE_WORDS = ["and", "but", "while", "as", "because", "when", "after", "before", "who", "which", "AND", "But",
                "WHILE", "As", "Because", "WHEN", "After", "BEFORE", "Who", "WHICH", "band", "was", "sand\t", "_as "]
clause_word_text = st.lists(st.one_of(piece, st.sampled_from(CLAUSE_WORDS)), max_size=30).map(" ".join) \
    | st.lists(st.one_of(piece, st.sampled_from(CLAUSE_WORDS)), max_size=30).map("".join)


@SETTINGS
@given(clause_word_text, st.integers(-3, 200), st.integers(-3, 200))
@example("Trump and Esper, who said, but WHILE as Because when After before Which\n", 0, 80)
def test_clause_word_finds_the_matches_of_the_plain_pattern(text, lo, pos):
    assert [m.span() for m in attribution._CLAUSE_WORD.finditer(text, lo, pos)] == \
        [m.span() for m in REFERENCE_CLAUSE_WORD.finditer(text, lo, pos)]


def test_clause_word_on_real_articles():
    for text in REAL_TEXTS:
        assert [m.span() for m in attribution._CLAUSE_WORD.finditer(text)] == \
            [m.span() for m in REFERENCE_CLAUSE_WORD.finditer(text)]


# attribution._ABBREV and _LATER_CLAUSE with a look-ahead of their first characters, against the
# patterns without it.
REFERENCE_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Prof|Rev|St|Jr|Sr|Inc|Corp|"
                              r"Co|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|D\.C|a\.m|p\.m)"
                              r"|\b[A-Z])\.$")
REFERENCE_LATER_CLAUSE = re.compile(r"(?:(?:,|,?[”\"])\s*(?:but|and|although|though|while|yet)|;)\s+"
                                    r"(?:then\s+|also\s+|later\s+)?(he|she|they|we|I)\s+(?:[a-z][\w’'-]*)")
LOOKAHEAD_PIECES = ["Mr.", "Mrs.", "vs.", "a.m.", "p.m.", "U.S.", "D.C.", "Sept.", "No.", "J.", "x.", "Xvs.", ", but he",
                    ",” and she said", "\" yet they", "; then we", "; I", ",\"and I went", ", although he", "”, while we x"]
lookahead_text = st.lists(st.one_of(piece, st.sampled_from(LOOKAHEAD_PIECES)), max_size=30).map(" ".join) \
    | st.lists(st.one_of(piece, st.sampled_from(LOOKAHEAD_PIECES)), max_size=30).map("".join)


@SETTINGS
@given(lookahead_text, st.integers(-3, 200), st.integers(-3, 200))
@example("Mr. vs. a.m. p.m. U.S. B. Sept.", 0, 30)
@example("He won, but he lost; then we left,” and I said", 0, 46)
@example('She left" yet they stayed', 0, 25)
def test_first_character_look_aheads_keep_the_matches(text, lo, pos):
    for pattern, reference in ((attribution._ABBREV, REFERENCE_ABBREV),
                               (attribution._LATER_CLAUSE, REFERENCE_LATER_CLAUSE)):
        assert [span_of(m) for m in pattern.finditer(text, lo, pos)] == \
            [span_of(m) for m in reference.finditer(text, lo, pos)]
        assert span_of(pattern.search(text, lo, pos)) == span_of(reference.search(text, lo, pos))


def test_first_character_look_aheads_on_real_articles():
    for text in REAL_TEXTS:
        for pattern, reference in ((attribution._ABBREV, REFERENCE_ABBREV),
                                   (attribution._LATER_CLAUSE, REFERENCE_LATER_CLAUSE)):
            assert [span_of(m) for m in pattern.finditer(text)] == [span_of(m) for m in reference.finditer(text)]
        # _ABBREV is searched in the few characters before each sentence mark.
        for m in re.finditer(r"[.!?…]", text):
            window = (max(0, m.start() - 6), m.start() + 1)
            assert span_of(attribution._ABBREV.search(text, *window)) == span_of(REFERENCE_ABBREV.search(text, *window))


def span_of(m):
    return None if m is None else (m.start(), m.end(), m.groups())


@SETTINGS
@given(window_text, st.integers(-3, 200), st.integers(-3, 200))
@example("Feinstein (D-Calif.) last week ", 0, 31)
@example("Sen. Rand Paul, R-Ky. ", 0, 22)
@example("Jim Bennett, 57,\n", 0, 17)
@example("Mike Pence, who also ", 0, 21)
@example("Sen. Bernie Sanders, I-Vt. ", 0, 27)
@example("Sen. Bernie Sanders (I-Vt.) ", 0, 28)
@example("Sen. Jack Reed (D-R.I.), ", 0, 25)
@example("They met this weekend ", 0, 22)
@example("They met later this month\n", 0, 26)
def test_end_anchored_searches_equal_the_plain_search(text, lo, pos):
    for lo, pos in ((lo, pos), (lo, len(text)), (0, len(text))):   # windows ending where the text does, too
        assert span_of(attribution._time_before_cue(text, lo, pos)) == span_of(attribution._TIME_BEFORE_CUE.search(text, lo, pos))
        assert span_of(attribution._party_tag(text, lo, pos)) == span_of(attribution._PARTY_TAG.search(text, lo, pos))


def test_end_anchored_searches_and_clause_starts_on_real_articles():
    import random

    rng = random.Random(7)
    matched = 0
    for text in REAL_TEXTS:
        cues = [m.start() for m in re.finditer(r"\b(?:said|says|told|added|who|which)\b", text)]
        windows = [(max(0, c - rng.randrange(1, 200)), c) for c in cues] + [(rng.randrange(len(text)), rng.randrange(len(text))) for _ in range(50)]
        for lo, pos in windows:
            assert attribution._clause_start(text, lo, pos) == reference_clause_start(text, lo, pos)
            for fast, pattern in ((attribution._time_before_cue, attribution._TIME_BEFORE_CUE),
                                  (attribution._party_tag, attribution._PARTY_TAG)):
                expected = span_of(pattern.search(text, lo, pos))
                assert span_of(fast(text, lo, pos)) == expected
                matched += expected is not None
            expected = span_of(attribution._RELATIVE.search(text, lo, pos))
            if expected is not None:
                # _relative_subject searches only windows ending on the pattern's words.
                assert text[lo:pos].rstrip().endswith(attribution._RELATIVE_ENDS)
    assert matched >= 3    # few real windows end on a tag or a time; the property test covers more


# --- attribution._boundaries: the sentence-boundary pattern tried only next to its marks --------

boundary_text = st.lists(st.one_of(piece, st.sampled_from(["ok. The", "win.” He", "U.S. Army", "no.It", "A. B",
                                                           "…", "?!", "ab.Cd", "x.) Y", ". “A", "'' B", "\n\n"])),
                         max_size=40).map(lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts)))


def spans_of(matches):
    return [(m.start(), m.end()) for m in matches]


@SETTINGS
@given(boundary_text, st.integers(-3, 300), st.integers(-3, 300))
@example("He won.It was", 0, 13)
@example("ab.Cd ef.Gh", 3, 11)
@example("said.. Then…  But", 0, 17)
def test_boundaries_equal_the_patterns_scan(text, start, end):
    for start, end in ((start, end), (0, len(text)), (start, len(text))):
        assert spans_of(attribution._boundaries(text, start, end)) == spans_of(attribution._BOUNDARY.finditer(text, start, end))


@SETTINGS
@given(boundary_text, st.sampled_from([".!?…", "“”„‟\"«»", "“”„‟\"«»‘’", "\n", "x"]), st.integers(-3, 300),
       st.integers(-3, 300))
@example("a.b!c?d…e", ".!?…", 0, 9)
@example("x..y", ".!?…", 1, -2)
@example("“a” ‘b’ \"c\"", "“”„‟\"«»‘’", -2, 40)
def test_char_offsets_equal_a_class_scan(text, chars, start, end):
    scan = re.compile("[" + re.escape(chars) + "]")
    assert textindex.char_offsets(text, chars, start, end) == [m.start() for m in scan.finditer(text, start, end)]
    assert textindex.char_offsets(text, chars) == [m.start() for m in scan.finditer(text)]


@SETTINGS
@given(st.lists(st.one_of(piece, st.sampled_from(["\n", "\r", "\r\n", "\n\n", " \n ", "\x0b", "\u2028"])),
                max_size=40).map("".join), st.integers(-3, 300))
@example("a\r\nb\n\nc\r", 0)
@example("\n\nx", 1)
def test_layout_lines_equal_the_paragraph_scan(text, pos):
    from extract import layout

    assert list(layout._lines(text, pos)) == [m.span() for m in layout._PARA_RE.finditer(text, pos)]


def test_boundaries_equal_the_patterns_scan_on_real_paragraphs():
    from extract import layout

    found = 0
    for text in REAL_TEXTS:
        for start, end in layout.analyse(text).paragraphs:
            for s, e in ((start, end), (start + 1, end), (start, end - 2)):
                expected = spans_of(attribution._BOUNDARY.finditer(text, s, e))
                assert spans_of(attribution._boundaries(text, s, e)) == expected
                found += len(expected)
    assert found > 1000


# --- pipeline._quotes_overlapping: a paragraph's quotes by bisection -----------------------------

from extract import pipeline  # noqa: E402
from extract.quotes import Quote  # noqa: E402


def quote_lists():
    """Quotes as find_quotes makes them (ascending, not nested), and lists in other orders."""
    spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=8)
    def ascending(pairs):
        out, at = [], 0
        for gap, length in pairs:
            start = at + gap
            out.append(Quote(start=start, end=start + length, open_mark=max(0, start - 1), close_mark=start + length))
            at = start + length + 1
        return out
    any_order = spans.map(lambda pairs: [Quote(start=a, end=a + b, open_mark=a, close_mark=None) for a, b in pairs])
    return spans.map(ascending) | any_order


@SETTINGS
@given(quote_lists(), st.integers(-5, 400), st.integers(-5, 400))
def test_quotes_overlapping_equals_the_filter(found, start, end):
    expected = [q for q in found if q.start < end and q.end > start]
    assert pipeline._quotes_overlapping(found)(start, end) == expected


def test_quotes_overlapping_equals_the_filter_on_real_articles():
    nlp = build_nlp()
    for text in REAL_TEXTS:
        doc = nlp(make_doc(nlp, text))
        found = doc._.quotes
        in_paragraph = pipeline._quotes_overlapping(found)
        for start, end in doc._.layout.paragraphs:
            assert in_paragraph(start, end) == [q for q in found if q.start < end and q.end > start]


# --- speakers._after_last_pre_stop: the end of `.*[stops]` found with rfind ------------------------

@SETTINGS
@given(news_text)
@example("Sen. Rand Paul, R-Ky.")
@example("no stop here")
@example("")
def test_after_last_pre_stop_equals_the_greedy_match(window):
    m = speakers._TO_LAST_PRE_STOP.match(window)
    assert speakers._after_last_pre_stop(window) == (m.end() if m else 0)


def test_after_last_pre_stop_on_real_windows():
    for text in REAL_TEXTS:
        for at in range(0, len(text), 37):
            window = text[max(0, at - 120):at]
            m = speakers._TO_LAST_PRE_STOP.match(window)
            assert speakers._after_last_pre_stop(window) == (m.end() if m else 0)


# --- tokenizer: orth ids kept per token string instead of hashing every word again -----------

from spacy.tokens import Doc  # noqa: E402

from extract.tokenizer import WordTokenizer  # noqa: E402

LEXEME_ATTRS = ("orth", "text", "lower_", "shape_", "prefix_", "suffix_", "is_alpha", "is_digit", "is_punct",
                "is_space", "like_num", "like_url", "is_stop", "norm_", "is_lower", "is_upper", "is_title", "is_ascii",
                "is_bracket", "is_quote", "is_left_punct", "is_right_punct", "is_currency", "like_email", "lang_")


def doc_record(doc) -> list[tuple]:
    return [(t.idx, t.whitespace_) + tuple(getattr(t, a) for a in LEXEME_ATTRS) for t in doc]


def plain_doc(vocab, doc) -> Doc:
    """The Doc built from the token strings, as the tokenizer did before it kept orth ids."""
    return Doc(vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


TRICKY = ["“Quoted,” he said—then left.", "İstanbul ſ K é ١٢ x_y", "  two  spaces\n\n\tand a tab ",
          "U.S.-backed O’Brien’s al-Haq 27-year-old", "", " ", "a\u00a0b\u2009c", "emoji 🙂 and \u200b zero width",
          "http://example.com/x?y=1 e-mail@example.com #tag @user", "12,000 3.5% $4 1990s"]


@SETTINGS
@given(news_text | st.text(max_size=200))
@example(TRICKY[0])
def test_cached_orths_give_the_doc_of_the_plain_words(text):
    tokenizer = build_nlp().tokenizer
    first, again = tokenizer(text), tokenizer(text)      # strings new to the cache, then cached
    expected = doc_record(plain_doc(tokenizer.vocab, first))
    assert doc_record(first) == expected and doc_record(again) == expected
    assert first.text == text
    assert {t.text for t in first} <= tokenizer._orths.keys()     # the second Doc came from the cache


def test_cached_orths_in_a_fresh_vocab_make_the_same_lexemes():
    ours, plain = spacy.blank("en"), spacy.blank("en")
    tokenizer = WordTokenizer(ours.vocab)
    for text in TRICKY + REAL_TEXTS[:5]:
        doc = tokenizer(text)
        reference = plain_doc(plain.vocab, doc)
        assert doc_record(doc) == doc_record(reference)
    assert len(ours.vocab) == len(plain.vocab)
    assert sorted(lex.orth for lex in ours.vocab) == sorted(lex.orth for lex in plain.vocab)


def test_tokenizer_inside_and_after_a_memory_zone():
    nlp = spacy.blank("en")
    tokenizer = WordTokenizer(nlp.vocab)
    with nlp.memory_zone():
        inside = doc_record(tokenizer("Zonewordone said zonewordtwo."))
    # Words first seen inside the zone were dropped with it: they must be made afresh.
    after = tokenizer("Zonewordone said zonewordtwo.")
    assert doc_record(after) == inside
    assert doc_record(after) == doc_record(plain_doc(nlp.vocab, after))


# --- attribution._WORD: the first character taken out in front of both branches ----------

REFERENCE_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’&-]\w+)*")


def word_spans(pattern, text, start=0, end=None):
    return [m.span() for m in pattern.finditer(text, start, len(text) if end is None else end)]


@SETTINGS
@given(news_text | st.text(alphabet=st.sampled_from("aZé1_.'’&- \n,U.S"), max_size=60) | st.text(max_size=80),
       st.integers(0, 80), st.integers(0, 80))
@example("U.S. a.m. A.B.C.D a. b.c O’Brien’s al-Haq AT&T x_y 1.2.3 é.è. U.S.-backed", 0, 80)
@example("I.e.g. A..B. .A.B. A.'B", 0, 80)
def test_word_pattern_finds_the_words_of_its_plain_form(text, a, b):
    assert word_spans(attribution._WORD, text) == word_spans(REFERENCE_WORD, text)
    start, end = sorted((a, b))
    assert word_spans(attribution._WORD, text, start, end) == word_spans(REFERENCE_WORD, text, start, end)


def test_word_pattern_on_real_articles():
    for text in REAL_TEXTS:
        assert word_spans(attribution._WORD, text) == word_spans(REFERENCE_WORD, text)
    assert textindex.window_safe(attribution._WORD)


REFERENCE_PHRASE_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[\w]+(?:[-’'][\w]+)*\.?")


@SETTINGS
@given(news_text | st.text(alphabet=st.sampled_from("aZé1_.'’&- \n,U.S"), max_size=60) | st.text(max_size=80),
       st.integers(0, 80), st.integers(0, 80))
@example("U.S. a.m. A.B.C.D a. b.c O’Brien’s al-Haq AT&T x_y 1.2.3 é.è. U.S.-backed Jr. J.", 0, 80)
@example("I.e.g. A..B. .A.B. A.'B a-.b x'. -y", 0, 80)
def test_phrase_word_pattern_finds_the_words_of_its_plain_form(text, a, b):
    assert word_spans(speakers._WORD, text) == word_spans(REFERENCE_PHRASE_WORD, text)
    start, end = sorted((a, b))
    assert word_spans(speakers._WORD, text, start, end) == word_spans(REFERENCE_PHRASE_WORD, text, start, end)
    assert speakers._WORD.findall(text) == REFERENCE_PHRASE_WORD.findall(text)


def test_phrase_word_pattern_on_real_articles():
    for text in REAL_TEXTS:
        assert word_spans(speakers._WORD, text) == word_spans(REFERENCE_PHRASE_WORD, text)


# --- attribution.is_title_at: a quote's words from the article's word table ----------------------

@SETTINGS
@given(news_text | st.text(alphabet=st.sampled_from("aZé1_.'’&- \n,U.S"), max_size=60), st.integers(-3, 90),
       st.integers(-3, 90))
@example("He saw “Star Wars” and U.S.-backed O’Brien’s", 8, 17)
@example("U.S. Army", 1, 9)
def test_is_title_at_equals_is_title_of_the_copy(text, a, b):
    start, end = sorted((max(a, 0), max(b, 0)))
    assert attribution.is_title_at(text, start, end) == attribution.is_title(text[start:end])


def test_is_title_at_on_real_quotes():
    from extract.quotes import find_quotes
    from extract import layout

    for text in REAL_TEXTS:
        for q in find_quotes(text, layout.analyse(text).paragraphs):
            assert attribution.is_title_at(text, q.start, q.end) == attribution.is_title(text[q.start:q.end])


# --- extract.lexemes: spaCy's lexical attribute functions swapped for faster equivalents ------

from spacy import attrs as spacy_attrs  # noqa: E402

from extract import lexemes  # noqa: E402

# Strings that reach each short cut and each of spaCy's own branches.
LEXEME_EXAMPLES = ["http://x", "https://a.b", "www.", "www.ab", "a.com", "x.y:80/", ".com", "com.", "a@b.com",
                   "1st", "21st", "Twenty", "twentieth", "TWENTY", "million", "İ", "İstanbul", "ſ", "K", "١٢", "²",
                   "Ⅻ", "xxxxxxx", "AAAAAaaaaa11111", "aaaa", "aaaaa", "....", ".....", "-----", "a\nb", "\n\n\n\n\n\n",
                   "-5", "±3", "~2", "+1/2", "1/2/3", "1,000.5", "''", "``", "“", "”", "‘", "«", "(", "]", "$", "€",
                   "x" * 99 + "Y", "x" * 100, "é" * 5, "ÉCOLE", "naïve", "x_y", "O’Brien’s", "U.S.", "ﬁ", "ǅ",
                   "a@b", "jo.e+x@mail.example.org", "@", "@@.", "!", "!?", "—", "…", "¿", "$5", "$$", "£", "¢a", "_",
                   "The", "THE", "ThE", "nor", "n’t", "‘s", "{en}", "{}",
                   # word_shape's short cuts and their edges
                   "Washington", "said", "a", "A", "Ab", "aB", "Aあ", "あ", "ǅa", "aǅ", "Σσ", "1", "12345", "²³",
                   "X" + "x" * 98, "X" + "x" * 99, "9" * 99, "9" * 100]
lexeme_text = st.sampled_from(LEXEME_EXAMPLES) | st.text(min_size=1, max_size=12) | st.text(
    alphabet=st.sampled_from("aAzZ09.,/:+-±~@'’“”()[]{}<>$€xX_ \n\téİſ"), min_size=1, max_size=14)


def swapped_getters():
    plain, fast = spacy.blank("en").vocab, spacy.blank("en").vocab
    lexemes.speed_up(fast)
    return [(attr, plain.lex_attr_getters[attr], fast.lex_attr_getters[attr]) for attr in plain.lex_attr_getters]


SWAPPED = swapped_getters()


def test_speed_up_swaps_the_costly_getters_and_keeps_their_order():
    vocab = spacy.blank("en").vocab
    before = dict(vocab.lex_attr_getters)
    lexemes.speed_up(vocab)
    assert list(vocab.lex_attr_getters) == list(before)
    swapped = {attr for attr in before if vocab.lex_attr_getters[attr] is not before[attr]}
    assert {spacy_attrs.LOWER, spacy_attrs.NORM, spacy_attrs.LIKE_NUM, spacy_attrs.LIKE_URL,
            spacy_attrs.IS_QUOTE} <= swapped
    assert spacy.blank("en").vocab.lex_attr_getters[spacy_attrs.LOWER] is before[spacy_attrs.LOWER]  # other vocabs keep spaCy's


def test_speed_up_keeps_functions_it_does_not_stand_for():
    vocab = spacy.blank("en").vocab
    own = lambda text: "own"        # noqa: E731
    vocab.lex_attr_getters[spacy_attrs.LIKE_NUM] = own
    lexemes.speed_up(vocab)
    assert vocab.lex_attr_getters[spacy_attrs.LIKE_NUM] is own


@SETTINGS
@given(lexeme_text)
def test_swapped_getters_give_spacys_values(text):
    for attr, plain, fast in SWAPPED:
        expected = plain(text)
        assert fast(text) == expected and type(fast(text)) is type(expected), (attr, text)


def test_swapped_getters_on_every_token_of_real_articles():
    nlp = build_nlp()
    strings = set(LEXEME_EXAMPLES)
    for text in REAL_TEXTS:
        strings |= {t.text for t in nlp.make_doc(text)}
    for attr, plain, fast in SWAPPED:
        assert [fast(s) for s in sorted(strings)] == [plain(s) for s in sorted(strings)], attr


def test_pipeline_lexemes_equal_spacys():
    ours, theirs = build_nlp().vocab, spacy.blank("en").vocab
    for text in REAL_TEXTS[:10] + LEXEME_EXAMPLES:
        for word in set(attribution._WORD.findall(text)) | set(text):
            assert [getattr(ours[word], a) for a in LEXEME_ATTRS] == [getattr(theirs[word], a) for a in LEXEME_ATTRS], word


def test_swapped_stop_test_reads_the_same_set():
    vocab = spacy.blank("en").vocab
    stops = vocab.lex_attr_getters[spacy_attrs.IS_STOP].keywords["stops"]
    lexemes.speed_up(vocab)
    fast = vocab.lex_attr_getters[spacy_attrs.IS_STOP]
    assert fast("The") and not fast("zzqqxx")
    stops.add("zzqqxx")        # a stop word added later counts, as with spaCy's partial
    try:
        assert fast("ZzQqXx")
    finally:
        stops.discard("zzqqxx")


def test_pipeline_docs_still_pickle():
    import pickle
    nlp = build_nlp()
    doc = nlp(make_doc(nlp, "“It is 20 percent,” she said at http://example.com on Monday."))
    again = pickle.loads(pickle.dumps(doc))
    assert doc_record(again) == doc_record(doc)
    assert again.vocab["zzqqword1"].shape_ == "xxxxd" and again.vocab["zzqqword1"].lang_ == "en"


# _is_common before its lexicon part was memoised per word (_common_word): the plain form above.
_is_common_reference = reference_is_common


def test_is_common_equals_reference_on_made_up_text():
    text = "Officials said the Mayor met reporters. Reports from Lakeside were late; pond-side talks went on."
    for word in ("Officials", "Mayor", "Reports", "Lakeside", "Pond", "Talks", "Went", "Zorbly", "Officials.",
                 "The", "Reuters", "Ohio", "Said", "Late"):
        assert speakers._is_common(word, text) == _is_common_reference(word, text), word
        # Asked twice (the second answer from the memo), and against another text.
        assert speakers._is_common(word, "") == _is_common_reference(word, ""), word


def test_is_common_equals_reference_on_real_articles():
    for text in REAL_TEXTS[:30]:
        for m in re.finditer(r"\b[A-Z][\w.-]*", text):
            assert speakers._is_common(m.group(), text) == _is_common_reference(m.group(), text), m.group()


def test_name_before_comma_matches_only_windows_ending_in_a_comma():
    # _governing_phrase searches _NAME_BEFORE_COMMA only when the window ends in a comma.
    made_up = "Mara Quell, a tall clerk, said so. Then Ivo Brandt,\n the mayor, left; Sen. Ada Roe , an aide"
    for text in [made_up] + REAL_TEXTS[:30]:
        for m in re.finditer(r"\b(?:the|a|an)\s", text, re.IGNORECASE):
            lo = max(0, m.start() - 80)
            found = speakers._NAME_BEFORE_COMMA.search(text, lo, m.start())
            if found is not None:
                assert text[lo:m.start()].rstrip().endswith(","), text[lo:m.start()]
    assert speakers._NAME_BEFORE_COMMA.search(made_up, 0, made_up.index("a tall")) is not None
    assert speakers._NAME_BEFORE_COMMA.search(made_up, 0, made_up.index("the mayor")) is not None


def test_may_be_lone_name_is_the_lexicon_test_it_memoises():
    lexicons = load_words("opening_adverbials.txt") | speakers._regions() | speakers._pronouns()
    for word in ["Zorbly", "Ohio", "He", "Meanwhile", "Quell", "THEY", "Texas", "Brandt"] + sorted(lexicons)[:50]:
        assert speakers._may_be_lone_name(word) == (word.lower() not in lexicons), word


def test_is_org_name_memo_answers_as_the_function():
    names = ["Mara Quell", "Reuters", "Lakeside City Council", "NATO", "Ivo", "Ohio", "Quell Industries"]
    for name in names:
        for det in (None, "the", "a"):
            for _ in range(2):
                assert speakers._is_org_name(name, det) == speakers._is_org_name.__wrapped__(name, det), (name, det)


# --- attribution._right_stop: _RIGHT_STOP's alternatives searched apart -------------------------

stop_text = st.lists(st.one_of(piece, st.sampled_from(["Sen.", "Lt. Gov.", "lt. gov.", "J.", "j.", "No.", "no.", "yesterday",
                                                       "YESTERDAY", " of the ", "Of The", "\tduring\n", "as", "that", "ſ",
                                                       "K", "[x]", "(D-Ohio)", "Sen..", ".", ".."])),
                     max_size=30).map(lambda parts: "".join(p + (" " if i % 2 else "") for i, p in enumerate(parts)))


def reference_right_stop(text: str, start: int, limit: int) -> int | None:
    stop = attribution._RIGHT_STOP.search(text, start, limit)
    return stop.start() if stop else None


@SETTINGS
@given(stop_text, st.integers(0, 120), st.integers(0, 160))
@example("said Sen. Jo Roe, the aide", 4, 26)
@example("said Lt. Gov. Ann Bo yesterday", 4, 30)
@example("said A. Bo of the Fed.", 4, 22)
@example("said Jo Bo of the", 4, 17)
@example("said Jo Bo yesterday ", 4, 20)
@example("said Jo yesterday ,x", 4, 20)
@example("said Jo. that ", 4, 14)
def test_right_stop_equals_the_patterns_first_match(text, start, limit):
    for start, limit in ((start, limit), (start, len(text)), (0, len(text))):
        assert attribution._right_stop(text, start, limit) == reference_right_stop(text, start, limit)


def test_right_stop_on_real_articles():
    found = 0
    for text in REAL_TEXTS:
        for m in re.finditer(r"\b(?:said|says|told|according to)\b", text):
            for limit in (min(len(text), m.end() + 80), text.find("\n", m.end()) % (len(text) + 1), len(text)):
                expected = reference_right_stop(text, m.end(), limit)
                assert attribution._right_stop(text, m.end(), limit) == expected
                found += expected is not None
    assert found > 1000


# --- reported._named_elsewhere: a whole-word lookup without a pattern compiled per word --------

def reference_named_elsewhere(text: str, word: str, line: tuple[int, int]) -> bool:
    for form in {word, word[:1] + word[1:].lower()}:
        pattern = re.compile(r"(?<![\w’'-])%s(?![\w’'-])" % re.escape(form))
        if pattern.search(text, 0, line[0]) or pattern.search(text, line[1]):
            return True
    return False


@SETTINGS
@given(news_text, st.one_of(st.sampled_from(["GRAHAM", "Graham", "Trump", "O’Brien", "al-Haq", "x_y", "ſ", "K"]),
                            st.from_regex(r"[\w’'&-]{2,6}", fullmatch=True)),
       st.integers(0, 200), st.integers(0, 200))
@example("Graham: yes. GRAHAM said", "GRAHAM", 0, 12)
@example("Grahams: no. Graham’s view", "Graham", 0, 12)
@example("x Graham: yes", "Graham", 2, 13)
@example("Graham: yes", "Graham", 8, 11)
def test_named_elsewhere_equals_the_pattern_search(text, word, a, b):
    for line in ((min(a, b), max(a, b)), (0, len(text)), (min(a, len(text)), len(text))):
        assert reported._named_elsewhere(text, word, line) == reference_named_elsewhere(text, word, line)


@given(st.lists(st.sampled_from(["ROE", "Roe", "Roer", "-Roe", "roe", "BUSTED", "Busted", ":", " ", "\n"]), max_size=12).map("".join),
       st.sampled_from(["ROE", "BUSTED", "Roe"]))
@SETTINGS
def test_named_elsewhere_equals_reference(text, word):
    for a in range(0, len(text) + 1, 3):
        for b in range(a, len(text) + 1, 3):
            assert reported._named_elsewhere(text, word, (a, b)) == reference_named_elsewhere(text, word, (a, b))


def test_named_elsewhere_on_real_articles():
    named = 0
    for text in REAL_TEXTS:
        for m in re.finditer(r"^[^\S\n]*([A-Z][\w.’'-]*):", text, re.MULTILINE):
            line = (m.start(), text.find("\n", m.end()) % (len(text) + 1))
            for word in reported._WORD.findall(m.group(1)):
                expected = reference_named_elsewhere(text, word, line)
                assert reported._named_elsewhere(text, word, line) == expected
                named += expected
        for m in list(re.finditer(r"\b[A-Z][a-z]+\b", text))[:40]:
            line = (m.start(), m.end())
            assert reported._named_elsewhere(text, m.group(), line) == reference_named_elsewhere(text, m.group(), line)
    assert named > 0


# --- quote_model: first-person words looked up among the quote's words -------------------------

from extract import quote_model  # noqa: E402


@SETTINGS
@given(news_text | st.text(alphabet=st.sampled_from("Iwemyouru'’ _-1é\nWMY"), max_size=40))
@example("I'm here")
@example("we’re OK")
@example("Mysterious youth, Iowa")
@example("_I_ x_we we_ I2 myself")
@example("it's you’ll")
def test_first_person_words_answer_like_the_pattern(quoted):
    words = quote_model._WORD.findall(quoted)
    assert (not quote_model._FIRST_PERSON_WORDS.isdisjoint(words)) == (quote_model._FIRST_PERSON.search(quoted) is not None)


def test_first_person_words_on_real_quotes():
    found = 0
    for text in REAL_TEXTS:
        for m in re.finditer(r"“([^”]{1,400})”", text):
            quoted = m.group(1)
            expected = quote_model._FIRST_PERSON.search(quoted) is not None
            assert (not quote_model._FIRST_PERSON_WORDS.isdisjoint(quote_model._WORD.findall(quoted))) == expected
            found += expected
    assert found > 50


# --- speakers._governing_phrase: _OBJECT_OF searched only in windows ending on its words --------

@SETTINGS
@given(news_text | st.text(alphabet=st.sampled_from("oftheinON  \t\n-_xİſ"), max_size=30))
@example("the chairman of the ")
@example("a spokesman FOR ")
@example("stationed in\n")
@example("x-of ")
@example("theof ")
def test_object_of_matches_only_windows_ending_on_its_words(before):
    if speakers._OBJECT_OF.search(before) and before.isascii():
        assert before.rstrip().lower().endswith(speakers._OBJECT_OF_ENDS)


def test_object_of_ends_are_the_patterns_words():
    words = re.search(r"\(\?:([a-z|]+)\)", speakers._OBJECT_OF.pattern).group(1).split("|")
    assert set(speakers._OBJECT_OF_ENDS) == set(words) | {"the"}


# --- attribution._APPOSED: the name tried only where a run of its characters starts ----------

PLAIN_APPOSED = re.compile(r"([^,;:“”\"]+?)(?:,\s+\d{1,3})?,\s+((?:the|a|an|who)\s[^;“”\"]+?|[a-z][^;“”\"]+?|%s),\s*$"
                           % attribution._POSSESSIVE_APPOSITION)


def apposed_match(pattern, window):
    m = pattern.search(window)
    return None if m is None else (m.span(), m.span(1), m.span(2))


apposed_text = st.lists(st.one_of(piece, st.sampled_from([", the aide,", ", 41,", ", who was there,", ", a nurse from Dover,",
                                                          ", Twitter’s director,", ";", ":", "“", "”", ", ", ","])),
                        max_size=24).map(" ".join)


@SETTINGS
@given(apposed_text)
@example("Gerard Araud, the former French ambassador to the United States, ")
@example("In Paris, Jane Roe, 41, a nurse from Dover, ")
@example("x; Jo Bo, who left, ")
@example("“Yes,” Jo Bo, the aide, ")
def test_apposed_finds_the_plain_patterns_match(window):
    assert apposed_match(attribution._APPOSED, window) == apposed_match(PLAIN_APPOSED, window)


def test_apposed_on_real_windows():
    found = 0
    for text in REAL_TEXTS:
        for m in re.finditer(r",\s*(?:said|says|told|added)\b", text):
            start = text.rfind("\n", 0, m.start()) + 1
            window = text[max(start, m.start() - 200):m.start() + 1]
            expected = apposed_match(PLAIN_APPOSED, window)
            assert apposed_match(attribution._APPOSED, window) == expected
            found += expected is not None
    assert found > 5


def reference_determined(window: str) -> bool:
    m = quote_model._LAST_WORD.search(window)
    return m is not None and (m.group(2) is not None or m.group(1).lower() in quote_model._DETERMINERS)


@SETTINGS
@given(news_text | st.text(alphabet=st.sampled_from("theaGOP’'s _-1é\n\tİ"), max_size=30))
@example("the GOP’s ")
@example("Trump's\n")
@example(" ’s ")
@example("said the")
@example("ashington’s  ")
@example("theirs")
@example("x_the")
@example("’s")
def test_determined_answers_like_the_pattern(window):
    assert quote_model._determined(window) == reference_determined(window)


def test_determined_on_real_windows():
    found = 0
    for text in REAL_TEXTS:
        for m in re.finditer(r"[“\"]", text):
            for width in (30, 12, 5):
                window = text[max(0, m.start() - width):max(0, m.start() - 1)]
                expected = reference_determined(window)
                assert quote_model._determined(window) == expected
                found += expected
    assert found > 50


# --- reported.candidate_features: the same features, in the same order ------------------------

from extract.attribution import _words, cue_table, cues_in  # noqa: E402


def reference_candidate_features(text, claim, inside):
    """candidate_features as the reported-speech model was trained with (main at 1a4f1c4)."""
    cue = text[claim.cue_start:claim.cue_end]
    low = cue.lower().split()[0]
    count, precision = cue_table().get(low, (0, 0.0))
    f = {"bias": 1.0, "rule=" + (claim.rule or "none"): 1.0}
    f["cue=" + (low if count >= reported._FREQUENT_CUE or low == "according" else "rare")] = 1.0
    f["cue_precision"] = precision
    f["cue_lexicon"] = 1.0 if low in load_words("speech_verbs.txt") else 0.0
    if cue[:1].isupper():
        f["cue_capitalised"] = 1.0
    for suffix in ("ing", "ed", "s"):
        if low.endswith(suffix):
            f["cue_suffix=" + suffix] = 1.0
            break
    before = _words(text, max(claim.sentence_start, claim.cue_start - 30), claim.cue_start)
    if before:
        prev = before[-1][2].lower()
        f["prev=" + prev] = 1.0
        if prev in reported._AUX_BEFORE:
            f["after_be"] = 1.0
        elif prev in reported._MODAL_BEFORE or prev == "to":
            f["after_modal"] = 1.0
        elif prev in ("the", "a", "an", "his", "her", "their", "its"):
            f["after_determiner"] = 1.0
    else:
        f["opens_sentence"] = 1.0
    if claim.sentence_start == 0 or text[claim.sentence_start - 1] == "\n":
        f["opens_paragraph"] = 1.0
    nxt = reported._NEXT_WORD.match(text, claim.cue_end, claim.sentence_end)
    f["next=" + (nxt.group(1).lower() if nxt is not None else "none")] = 1.0
    if text[claim.cue_end:claim.cue_end + 4].startswith((" by ", " by")):
        f["followed_by_by"] = 1.0
    if claim.mention_start is None:
        f["no_mention"] = 1.0
    else:
        last = text[claim.mention_start:claim.mention_end].split()[-1]
        f["mention_pronoun" if last.lower() in reported._MENTION_PRONOUNS
          else "mention_name" if last[:1].isupper() else "mention_description"] = 1.0
        f["mention_head=" + last.lower()] = 1.0
    if claim.start > claim.cue_start:
        between = text[claim.cue_end:claim.start]
        if re.search(r"\bthat\s*$", between):
            f["has_that"] = 1.0
    content = _words(text, claim.start, claim.end)
    n = len(content)
    for bucket, lo, hi in (("n3_4", 0, 4), ("n5_8", 5, 8), ("n9_15", 9, 15), ("n16_30", 16, 30), ("n31", 31, 10**9)):
        if lo <= n <= hi:
            f[bucket] = 1.0
    if content:
        first = content[0][2]
        f["first=" + ("pronoun" if first.lower() in reported._PRONOUN_START
                      else "determiner" if first.lower() in reported._DETERMINER_START
                      else "capital" if first[:1].isupper() else "lower")] = 1.0
        f["content1=" + first.lower()] = 1.0
        if n > 1:
            f["content2=" + content[1][2].lower()] = 1.0
        for w in content[:6]:
            word = w[2].lower()
            if word in load_words("auxiliaries.txt") or word.endswith(("n't", "n’t")):
                f["content_auxiliary"] = 1.0
                break
        if cues_in(text, claim.start, claim.end, reported._candidate_words()):
            f["content_has_cue"] = 1.0
    span = text[claim.start:claim.end]
    if any(a < claim.end and b > claim.start for a, b in inside) or any(q in span for q in "“”\""):
        f["has_quote"] = 1.0
    if text[claim.end:claim.sentence_end].strip(" .!?”\"'") == "":
        f["to_sentence_end"] = 1.0
    if text[claim.end:claim.end + 1] == "?" or span.endswith("?"):
        f["question"] = 1.0
    return f


MADE_UP = ["The mayor told reporters the bridge would reopen in May.",
           "Officials said the mayor told them the bridge wouldn’t reopen until May, he said.",
           "Asked whether the plan would work, the governor said it isn't clear yet?",
           "The council announced by a vote that \"the budget\" was passed, according to the clerk.",
           "SHE SAID the agents, who were praised by him, had been warned that the road was closed.",
           "In a statement, the ministry said that the ships would sail on Monday, the spokeswoman added."]


def test_candidate_features_equal_the_reference_in_order_on_made_up_and_real_articles():
    compared = 0
    for text in MADE_UP + REAL_TEXTS[:40]:
        nlp = build_nlp()
        doc = nlp(make_doc(nlp, text))
        for sent in doc._.sentences:
            quotes = [q for q in doc._.quotes if q.end > sent[0] and q.start < sent[1]]
            inside = [(q.open_mark, q.outer[1]) for q in quotes]
            for claim in reported.find_reported(text, sent, quotes, keep_all=True):
                ours = list(reported.candidate_features(text, claim, inside).items())
                assert ours == list(reference_candidate_features(text, claim, inside).items())
                assert ours == list(claim.extra["features"].items())
                compared += 1
    assert compared > 500


# --- attribution._cue_index: vocabularies within the union filter its one index --------------

def reference_cue_index(text, cues):
    """_cue_index as it was (main at 54c07d0): its own pass over every word per vocabulary."""
    found = textindex.matches_among(text, attribution._WORD, cues)
    return [w[0] for w in found], found


def _cue_vocabularies():
    union = attribution._cue_union()
    some = frozenset(sorted(union)[::3])
    outside = frozenset({"said", "the", "mayor", "according", "ſaid"})     # not within the union
    return [attribution.speech_verbs(), reported._candidate_words(), reported.reported_cues(), union, some, outside]


CUE_PIECES = ["said", "Said", "SAID", "told", "Told", "according", "According", "to", "says", "sAys", "added",
              "claimed", "ſaid", "İnsisted", "U.S.-backed", "the", "mayor", "reports", "noted", "warned", "—", "“", "."]


@SETTINGS
@given(news_text | st.lists(st.sampled_from(CUE_PIECES) | piece, max_size=40).map(" ".join))
@example("Said the mayor, who SAID he was told: according to Officials, it Warned.")
@example("ſaid İnsisted said")
def test_cue_index_equals_a_pass_per_vocabulary(text):
    for cues in _cue_vocabularies():
        assert attribution._cue_index(text, cues) == reference_cue_index(text, cues)
        for start, end in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
            expected = [w for w in reference_cue_index(text, cues)[1] if start <= w[0] < end]
            assert attribution.cues_in(text, start, end, cues) == expected


def test_cue_index_on_real_articles():
    found = 0
    for text in REAL_TEXTS:
        for cues in _cue_vocabularies():
            expected = reference_cue_index(text, cues)
            assert attribution._cue_index(text, cues) == expected
            found += len(expected[1])
    assert found > 1000


# --- extract._claim_rows: tuples for the claims DataFrame, the same table as from dicts ------

import pandas as pd  # noqa: E402

import extract  # noqa: E402
from extract.ingest import Article  # noqa: E402


def reference_claim_rows(article, outlet, date, text, claims):
    """_claim_rows as it was (main at 54c07d0): one dict per claim."""
    for c in sorted(claims, key=lambda c: (c.start, c.end, c.kind)):
        has_mention = c.mention_start is not None
        yield {
            "article_id": article.article_id, "outlet": outlet, "date": date, "kind": c.kind,
            "quote": text[c.start:c.end], "quote_start": c.start, "quote_end": c.end,
            "cue": text[c.cue_start:c.cue_end] if c.cue_start is not None else None,
            "cue_start": c.cue_start, "cue_end": c.cue_end, "stance": c.stance,
            "mention": text[c.mention_start:c.mention_end] if has_mention else None,
            "speaker_start": c.mention_start, "speaker_end": c.mention_end, "speaker": c.speaker,
            "anonymity": c.anonymity, "role": c.role, "descriptor": c.descriptor,
            "sentence": text[c.sentence_start:c.sentence_end], "sentence_start": c.sentence_start, "rule": c.rule,
        }


def test_claim_tuples_make_the_table_the_dicts_made():
    texts = MADE_UP + ["“We will not stop,” the mayor said. “Never.”\n\nShe said the plan, which was “late,” failed.",
                       "No claims here at all."] + REAL_TEXTS[:30]
    articles = [Article(article_id=f"a{i}", text=text) for i, text in enumerate(texts)]
    nlp = build_nlp()
    dict_rows, tuple_rows, n_tuples = [], [], 0
    for article in articles:
        doc = nlp(make_doc(nlp, article.text))
        _row, dicts = extract._rows_from_doc(article, doc)
        _row_t, tuples = extract._rows_from_doc(article, doc, as_tuples=True)
        assert _row == _row_t
        outlet, date = _row["outlet"], _row["date"]
        expected = list(reference_claim_rows(article, outlet, date, article.text, doc._.claims))
        assert dicts == expected and [list(d) for d in dicts] == [list(e) for e in expected]   # keys in order too
        assert tuples == [tuple(e.values()) for e in expected]
        dict_rows.extend(expected)
        tuple_rows.extend(tuples)
        n_tuples += len(tuples)
    columns = [c for c in extract.CLAIM_COLUMNS if c not in extract.schema.CORPUS_CLAIM_COLUMNS]
    pd.testing.assert_frame_equal(pd.DataFrame(tuple_rows, columns=extract._ARTICLE_CLAIM_COLUMNS),
                                  pd.DataFrame(dict_rows, columns=columns), check_exact=True)
    assert n_tuples > 300
    corpus = extract.extract_articles(articles, corpus_passes=False)
    pd.testing.assert_frame_equal(corpus.claims, pd.DataFrame(dict_rows, columns=columns), check_exact=True)
    empty = extract.extract_articles([Article(article_id="e", text="No claims.")], corpus_passes=False)
    pd.testing.assert_frame_equal(empty.claims, pd.DataFrame([], columns=columns), check_exact=True)


def _titled_apposition_reference(window: str):
    from extract.attribution import _CAPITALISED_APPOSED, _titles
    m = _CAPITALISED_APPOSED.search(window)
    if m is None or not any(w.lower().rstrip(".") in _titles() for w in m.group(2).split()):
        return None
    return m


@SETTINGS
@given(st.lists(piece, min_size=1, max_size=14).map(" ".join))
@example("Jon Hale, Ohio Secretary of State, ")
@example("In Paris, France, ")
def test_titled_apposition_equals_the_pattern_alone(window):
    from extract.attribution import _titled_apposition
    for w in (window, window + ",", window + ", "):
        got, want = _titled_apposition(w), _titled_apposition_reference(w)
        assert (got and got.span(1), got and got.span(2)) == (want and want.span(1), want and want.span(2))


def test_titled_apposition_equals_the_pattern_alone_on_real_articles():
    from extract.attribution import _titled_apposition
    checked = 0
    for text in REAL_TEXTS[:30]:
        for m in re.finditer(",", text):
            window = text[max(0, m.start() - 120):m.end()]
            got, want = _titled_apposition(window), _titled_apposition_reference(window)
            assert (got and got.span(2)) == (want and want.span(2))
            checked += want is not None
    assert checked > 0


# --- attribution._word_before: the word before a cue or mention from the word table -------

def reference_word_before(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """`_words(text, start, end)[-1]` as a plain scan of the window (what candidate_features,
    _after_determiner, _has_antecedent, _after_preposition and _opening_clause_speaker read)."""
    words = [(m.start(), m.end(), m.group()) for m in attribution._WORD.finditer(text, start, end)]
    return words[-1] if words else None


@SETTINGS
@given(news_text, st.integers(-3, 400), st.integers(-3, 400))
@example("Smith said", 2, 6)            # the window's start cuts the last word: `ith`, not `Smith`
@example("Smith said", 0, 8)            # its end cuts a word: `sa`
@example("U.S. officials said", 2, 15)  # starts inside `U.S.`: `S` then `officials`
@example("He said", 3, 3)
@example("rock-and roll said", 5, 14)
def test_word_before_equals_the_windows_scan(text, start, end):
    assert attribution._word_before(text, start, end) == reference_word_before(text, start, end)


def test_word_before_at_every_cue_window_of_real_articles():
    checked = 0
    for text in REAL_TEXTS[:40]:
        table = textindex.match_table(text, attribution._WORD)
        for cue_start in table.starts:
            for start in (max(0, cue_start - 30), max(0, cue_start - 7), cue_start - 1, cue_start):
                assert attribution._word_before(text, start, cue_start) == reference_word_before(text, start, cue_start)
                checked += 1
    assert checked > 10000


# --- attribution._in_opening_clause: the sentence's first word from the word table ---------

def reference_in_opening_clause(text: str, s_start: int, w: tuple[int, int, str], limit: int) -> bool:
    """The function before the table short cut, its words by a plain scan of the window."""
    words = [(m.start(), m.end(), m.group()) for m in attribution._WORD.finditer(text, s_start, w[0])]
    k = 0
    while k < len(words) and words[k][2].lower() in attribution._COORDINATING:
        k += 1
    if k >= len(words) or words[k][2].lower() not in attribution._SUBORDINATORS:
        return False
    if any(mark in text[words[k][1]:w[0]] for mark in ",;:—–()"):
        return False
    comma = text.find(",", w[1], limit)
    return comma >= 0 and bool(text[comma + 1:limit].strip())


OPENING_PIECES = ["As", "as", "When", "when", "And", "and", "But", "after", "Although", "Tom Baker", "the union",
                  "spoke", "said", "warned", ",", " ", "  ", "“", "-", "Aswhen", "x"]
opening_text = st.lists(st.sampled_from(OPENING_PIECES) | piece, max_size=30).map(" ".join)


@SETTINGS
@given(opening_text, st.integers(-2, 60), st.integers(0, 40), st.integers(0, 200))
@example("As Tom Baker spoke, the union said so", 0, 3, 200)
@example("Tom Baker spoke, as the union said so", 1, 3, 200)   # starts inside `Tom`: `om` opens
@example("Whenever he spoke, the union said so", 4, 3, 200)    # starts inside `Whenever`: `ever`
@example("Whas Tom Baker spoke, the union said so", 2, 3, 200)  # inside `Whas`: `as` opens the clause
def test_in_opening_clause_equals_the_scan(text, s_start, k, limit):
    words = [(m.start(), m.end(), m.group()) for m in attribution._WORD.finditer(text)]
    if not words:
        return
    w = words[k % len(words)]
    assert attribution._in_opening_clause(text, s_start, w, limit) == reference_in_opening_clause(text, s_start, w, limit)


def test_in_opening_clause_at_every_word_of_real_sentences():
    checked = opening = 0
    for text in REAL_TEXTS[:30]:
        table = textindex.match_table(text, attribution._WORD)
        for s_start, s_end in attribution.sentence_spans(text, 0, len(text), []):
            for w in table.matches:
                if s_start <= w[0] < s_end:
                    got = attribution._in_opening_clause(text, s_start, w, s_end)
                    assert got == reference_in_opening_clause(text, s_start, w, s_end)
                    checked += 1
                    opening += got
    assert checked > 5000 and opening > 20


def _mention_before_reference(text, clause_start, cue_start):
    # mention_before as written before its reporting-word guard
    from extract import attribution as a
    mention = a._mention_before(text, clause_start, cue_start)
    if mention is None:
        return None
    words = a._words(text, mention.start, mention.end)
    cut = next((w for w in words[1:] if w[2] in a._REPORTING), None)
    if cut is None:
        return mention
    before = a._mention_before(text, clause_start, cut[0])
    if before is None or a._words(text, before.start, before.end)[-1][2].lower() in ("and", "but", "or"):
        return None
    return before


def test_mention_before_equals_the_unguarded_version_on_real_articles():
    from extract import attribution as a
    cut = 0
    for text in REAL_TEXTS[:40]:
        for m in re.finditer(r"\b(?:said|says|told|added|argued|warned)\b", text):
            lo = max(0, text.rfind(".", 0, m.start()) + 1)
            for clause_start in (lo, a._clause_start(text, lo, m.start())):
                got = a.mention_before(text, clause_start, m.start())
                want = _mention_before_reference(text, clause_start, m.start())
                assert (got and (got.start, got.end, got.descriptor)) == (want and (want.start, want.end, want.descriptor))
                inner = a._mention_before(text, clause_start, m.start())
                cut += inner is not None and want is not None and (inner.start, inner.end) != (want.start, want.end)
    assert cut > 0      # the reporting-word cut itself was exercised


# --- speakers._HONORIFIC: opens on its literal M, the boundary read behind it ------------

REFERENCE_HONORIFIC = re.compile(r"(?=M)\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w’'-]+)")
honorific_text = st.lists(st.sampled_from(["Mr", "Mrs", "Ms", "Miss", "M", "MMr", "xMr", "_Ms", "é", ".", " ", "  ",
                                           "\n", "Smith", "O’Brien", "lee", "-", "’", "1", "AMrs"]) | st.text(max_size=4),
                          max_size=30).map("".join)


def honorific_matches(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@SETTINGS
@given(honorific_text)
@example("Mr. Smith and Mrs Jones, xMr Roe, _Ms Lee, é Miss Kay, MMr Bo, Mr.Smith")
def test_honorific_finds_the_matches_of_the_boundary_pattern(text):
    assert honorific_matches(speakers._HONORIFIC, text) == honorific_matches(REFERENCE_HONORIFIC, text)


def test_honorific_on_real_articles():
    found = 0
    for text in REAL_TEXTS:
        expected = honorific_matches(REFERENCE_HONORIFIC, text)
        assert honorific_matches(speakers._HONORIFIC, text) == expected
        found += len(expected)
    assert found > 5


# --- quotes.uses_single_marks: no scan of a text without an opening single mark ---------

def reference_uses_single_marks(text: str) -> bool:
    from extract.quotes import DOUBLE_MARKS
    if any(m in text for m in DOUBLE_MARKS):
        return False
    return len(re.findall(r"(?:^|[\s(\[—–])\u2018\w", text, re.MULTILINE)) >= 2


single_mark_text = st.lists(st.sampled_from(["‘", "’", "'", " ", "\n", "(", "[", "—", "–", "word", "A", "“", "x"]),
                            max_size=30).map("".join)


@SETTINGS
@given(single_mark_text)
@example("He called it ‘fake’ and ‘sad’.")
@example("‘One’ (‘two’)")
def test_uses_single_marks_as_the_scan_says(text):
    from extract.quotes import uses_single_marks
    assert uses_single_marks(text) == reference_uses_single_marks(text)


def test_uses_single_marks_on_real_articles():
    from extract.quotes import uses_single_marks
    for text in REAL_TEXTS:
        assert uses_single_marks(text) == reference_uses_single_marks(text)
