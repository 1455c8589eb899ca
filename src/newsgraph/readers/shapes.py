"""Paragraph shapes used to segment dumps: titles, kickers, decks run into the body, word sets.

Everything here is evidence that holds for any dump (capitalisation, punctuation, length and
word overlap); nothing is tuned to one file's content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.readers.clean import boilerplate_kind, ends_sentence

_KICKER = re.compile(r"^([A-Z0-9][A-Z0-9'’&./\-]*(?:\s+[A-Z0-9'’&./\-]+){0,4})\s*:\s+(?=\S)")
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)][a-z0-9%)])[.!?][\"'”’)\]]*\s+(?=[\"“‘']?[A-Z0-9])")
# Words a sentence does not end on: articles, prepositions, conjunctions, auxiliaries, pronouns.
FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet for of in on at by to from with without into onto over under about
above below after before between among through during against toward towards upon via per than as
that which who whom whose what when where while whether if because since although though unless
until is are was were be been being am has have had having do does did will would shall should can
could may might must not no this these those his her its their our your my he she it they we you i
him them us me one any some each every either neither both all very more most such own same
""".split())
MODALS = frozenset("to will would shall should can could may might must cannot".split())
# Capitalised words that typically open a sentence rather than name something.
SENTENCE_STARTERS = FUNCTION_WORDS | frozenset("""
thousands hundreds dozens millions scores many several few most some officials police protesters
residents authorities experts analysts critics lawmakers investors voters workers students two three
four five six seven eight nine ten still now today yesterday earlier later meanwhile however
""".split())
STOPWORDS = FUNCTION_WORDS | frozenset("""
said says say told also just only even still new first last next year years week weeks month months
day days time times people mr mrs ms like including according around however while could would
there here then now out up down off back well much many other another two three four five said
""".split())


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    """What opens a paragraph: an all-capitals kicker, a deck run into the body, and the body.

    Attributes:
        kicker: the label before the colon, or None.
        deck: the standfirst between the kicker and the body, or None.
        body: the rest of the paragraph.
    """

    kicker: str | None
    deck: str | None
    body: str


def kicker_of(paragraph: str) -> str | None:
    """The all-capitals label before a colon that opens a paragraph, or None."""
    match = _KICKER.match(paragraph)
    if not match:
        return None
    label = match.group(1)
    letters = [ch for ch in label if ch.isalpha()]
    if len(letters) < 3 or any(ch.islower() for ch in label) or len(paragraph) - match.end() < 20:
        return None
    return label


def split_heading(paragraph: str) -> Heading:
    """Split ``KICKER: deck run into the Body...`` into its kicker, deck and body."""
    kicker = kicker_of(paragraph)
    if kicker is None:
        return Heading(kicker=None, deck=None, body=paragraph)
    rest = _KICKER.sub("", paragraph, count=1)
    cut = deck_end(rest)
    if cut is None:
        return Heading(kicker=kicker, deck=None, body=rest)
    return Heading(kicker=kicker, deck=rest[:cut].rstrip(), body=rest[cut:].lstrip())


def deck_end(text: str) -> int | None:
    """Where the body starts in a deck run into it without a full stop, or None when unclear.

    A candidate is a token the deck can end on (a lower-case content word, a number or amount, a
    closing quote, or a name) followed by a capitalised word the body can start with. The deck
    never ends on a function word ("in", "the") or a place modifier ("northern", "New"), so a
    deck ending in a place name keeps it. Where the deck ends in a name and the body starts with
    capitalised words too, the body's first clause decides: a word that only opens sentences
    ("The", "Thousands", "Officials") starts it; a subject directly followed by a verb or an
    appositive comma is a name of up to two words; a capitalised word before a lower-case noun
    ("Union leaders said") is the body's first word. Each candidate is scored on the deck's
    length (a standfirst is one headline-style phrase of about 8-40 words), whether the body
    opens a clause, and whether the token before is a verb that wants an object ("to paint X").
    A deck that ends with a full stop before the first sentence's end is not run in: None.
    """
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    first_stop = _SENTENCE_END.search(text)
    best: tuple[float, int] | None = None
    for i in range(4, min(len(tokens) - 8, 60)):
        start, prev = tokens[i]
        if first_stop is not None and first_stop.end() <= start:
            break
        following = tokens[i + 1][1]
        if not _capitalised(following) or not _deck_final(prev, text[:start]):
            continue
        if _capitalised(prev):
            if _run_cut(tokens, i + 1) != i + 1:
                continue
            if not 8 <= i + 1 <= 40:
                continue
            score = 2.0
        else:
            cut = _run_cut(tokens, i + 1)
            if cut is not None and cut != i + 1:
                continue  # a word that only opens sentences comes later in the run: the body starts there
            score = _deck_score(tokens, i)
        if score >= 0.5 and (best is None or score > best[0]):
            best = (score, tokens[i + 1][0])
    return None if best is None else best[1]


# Words that precede a place name and cannot end a deck ("in northern Sweden", "New Zealand"), and
# prepositions beyond the function words.
PLACE_MODIFIERS = frozenset("""
northern southern eastern western central coastal rural north south east west northeast northwest
southeast southwest new greater inner outer upper lower downtown upstate former san santa st saint
los las el al le la mount lake port fort cape prime vice
across around near beyond behind inside outside along amid amidst despite within throughout beside
alongside including like unlike versus past
""".split())
# Verbs that follow a sentence's subject at once ("Macron said", "Officials were").
CLAUSE_VERBS = frozenset("""
said says say told tells tell was were is are has have had will would could can may might must should
did does do warned announced added urged called claimed insisted confirmed denied admitted agreed
""".split())
_OPENING_QUOTES = "\"“‘'("
_CLOSING_QUOTES = "\"”’'"


def _capitalised(token: str) -> bool:
    head = token.lstrip(_OPENING_QUOTES)
    return bool(head) and head[0].isupper()


def _deck_final(prev: str, deck: str) -> bool:
    """A token a headline-style deck can end on."""
    if prev[-1] in _CLOSING_QUOTES:  # a quoted phrase ends the deck: 'calls the plan "a recipe for chaos"'
        word = prev.rstrip(_CLOSING_QUOTES)
        quoted = deck + prev
        opened = "“" in quoted or "‘" in quoted or quoted.count('"') >= 2 or quoted.count("'") >= 2
        return bool(word) and word[-1].isalnum() and opened
    if not prev[-1].isalnum():
        return False
    word = prev.lower()
    if word in FUNCTION_WORDS or word in PLACE_MODIFIERS:
        return False
    return prev[0].isalnum() or (prev[0] in "£$€¥" and any(ch.isdigit() for ch in prev))


def _run_cut(tokens: list[tuple[int, str]], j: int) -> int | None:
    """Where the body starts in the run of capitalised tokens through ``tokens[j]``, or None.

    None when the run gives no evidence (a lone capitalised word, or a run whose start may follow
    the deck); otherwise the index of the body's first word, from the first clause's shape.
    """
    s = j
    while s > 0 and _capitalised(tokens[s - 1][1]):
        s -= 1
    e = j
    while e + 1 < len(tokens) and _capitalised(tokens[e + 1][1]) and not tokens[e][1].endswith(","):
        e += 1
    for k in range(s + 1, e + 1):
        if tokens[k][1].lstrip(_OPENING_QUOTES).lower() in SENTENCE_STARTERS:
            return k
    if s == 0 or _deck_final(tokens[s - 1][1], ""):
        return None  # the run may start the body after a lower-case deck word: the old scoring decides
    if e == s or tokens[s - 1][1].lower() in DETERMINERS:
        return None  # "the Red Cross": one name, never split
    after = [t.lower().strip(",.;:") for _, t in tokens[e + 1 : e + 3]] + ["", ""]
    if after[0] in CLAUSE_VERBS or (tokens[e][1].endswith(",") and e - s >= 2):
        return max(s + 1, e - 1)  # "Maria Lopez said", "Maria Lopez, a pilgrim": a name of two words
    if after[0] and after[0][0].islower() and after[0] not in FUNCTION_WORDS and _verb_like(after[1]):
        return e  # "Union leaders said": the last capitalised word modifies the subject noun
    return None


DETERMINERS = frozenset("the a an this that these those its his her their our your my".split())


def _verb_like(word: str) -> bool:
    return word in CLAUSE_VERBS or (len(word) > 4 and word.endswith("ed"))


def _deck_score(tokens: list[tuple[int, str]], i: int) -> float:
    words = i + 1
    score = 1.0 if 8 <= words <= 40 else 0.0
    following = tokens[i + 1][1].lstrip("\"“‘'")
    run = 1
    for _, token in tokens[i + 2 : i + 6]:
        if token[0].isupper() or token in ("of", "de", "for"):
            run += 1
        else:
            break
    if following.lower().strip(",.;:") in SENTENCE_STARTERS or run >= 2:
        score += 1.0
    before = tokens[i - 1][1].lower()
    if before == "to" and not tokens[i][1][0].isdigit():
        score -= 1.5  # "to paint X": an infinitive wants its object
    elif before in MODALS:
        score -= 0.5
    return score


def title_like(paragraph: str, *, strict: bool = False) -> bool:
    """A short headline-shaped line: few words, no closing full stop, starts capitalised.

    ``strict`` (used mid-dump) also refuses a line ending with ``?`` or ``!``.
    """
    words = paragraph.split()
    if not 1 <= len(words) <= 16 or len(paragraph) > 150:
        return False
    closing = (".", ",", ";", ":", "…", "?", "!") if strict else (".", ",", ";", ":", "…")
    if paragraph.rstrip("\"'”’)").endswith(closing):
        return False
    first = paragraph.lstrip("\"“‘'(")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    return boilerplate_kind(paragraph) is None and kicker_of(paragraph) is None


def truncated_paragraph(paragraph: str) -> bool:
    """A body paragraph cut off mid-sentence (not a headline, not a lead-in ending in a colon)."""
    return not ends_sentence(paragraph) and not title_like(paragraph) and not paragraph.endswith(":")


def sentence_count(paragraph: str) -> int:
    """A rough count of sentences: full stops followed by a capitalised word, plus one."""
    return len(_SENTENCE_END.findall(paragraph)) + 1


def content_words(paragraph: str) -> frozenset[str]:
    """Lower-cased content words (no stopwords, crude plural folding) for topic continuity."""
    found = set()
    for word in _WORD.findall(paragraph.lower()):
        if len(word) < 3 or word in STOPWORDS:
            continue
        if word.endswith(("’s", "'s")):
            word = word[:-2]
        elif len(word) > 4 and word[-1] == "s" and word[-2] != "s":
            word = word[:-1]
        found.add(word)
    return frozenset(found)
