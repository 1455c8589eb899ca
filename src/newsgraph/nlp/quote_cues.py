"""What marks an attribution: cue words and quotation marks.

The cue lexicon (``data/quote_cues.tsv``) is derived from PolNeAR ``train`` only: for each verb
form, how often it was part of an annotated cue and how often the parser tagged it a verb outside
quotation marks (``newsgraph.evaluate.polnear.cue_verb_counts``). A verb is a cue when that share
reaches MIN_SHARE and it was a cue MIN_COUNT times (both chosen on train); a small hand list of
speech verbs (``SPEECH``) is always a cue, so that the common news forms hold even for a word the
training data saw rarely.

Quotation marks: curly and straight pairs (“ ” ‘ ’ " '), two apostrophes ('' as in NYT archives),
paired in text order, a double mark closing whatever shape opened it (but a straight mark after a
sentence's end and a space, before a letter, opens the next quoted sentence: BBC News writes
"One. "Two." for a quote of two sentences); an
opening mark with no close before the end of its paragraph runs to the paragraph's end, and the
next paragraph continues it when that one opens with a quotation mark too (the news convention for
a quote over several paragraphs).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

# Verbs of saying and writing that are always cues (lower-cased forms).
SPEECH = frozenset(
    """say says said saying tell tells told telling add adds added adding insist insists insisted
    insisting warn warns warned warning write writes wrote writing announce announces announced
    state states stated note notes noted noting argue argues argued arguing claim claims claimed
    claiming deny denies denied confirm confirms confirmed estimate estimates estimated believe
    believes believed explain explains explained tweet tweets tweeted declare declares declared
    acknowledge acknowledges acknowledged admit admits admitted predict predicts predicted
    suggest suggests suggested report reports reported recall recalls recalled reply replies
    replied respond responds responded stress stresses stressed assert asserts asserted
    contend contends contended maintain maintains maintained emphasize emphasized emphasised
    observe observed remark remarked concede conceded conclude concluded continue continued
    complain complained promise promised pledge pledged vow vowed urge urged caution cautioned
    allege alleged testify testified post posted""".split()
)
# Nouns heading a noun cue: "in a statement", "in an interview", "in a post".
NOUN_CUES = frozenset(
    "statement interview post tweet letter email memo speech op-ed editorial release briefing".split()
)
MIN_SHARE = 0.25   # a lexicon word is a cue when at least this share of its uses were cues ...
MIN_COUNT = 2     # ... and it was a cue at least this many times in train

OPENERS = {"“": "”", "‘": "’", '"': '"', "'": "'"}
_DOUBLE = '”"'  # marks that close a double quotation


@cache
def lexicon() -> frozenset[str]:
    """The cue words: SPEECH plus the lexicon's words that pass MIN_SHARE and MIN_COUNT."""
    words = set(SPEECH)
    text = resources.files("newsgraph.nlp").joinpath("data/quote_cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        word, in_cue, total = line.split("\t")
        if int(in_cue) >= MIN_COUNT and int(in_cue) / int(total) >= MIN_SHARE:
            words.add(word)
    return frozenset(words)


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' between letters (don’t, Lopez’s) or after an s (voters’) is not a closing mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and (after.isalnum() or before in "sS")


def _close(text: str, start: int, closer: str, limit: int) -> int:
    """Index of the mark closing the quote opened at ``start``, or -1 before ``limit``.

    Double marks close each other whatever their shape: news text often opens with a straight
    mark and closes with a curly one, or the other way round."""
    if closer in _DOUBLE:
        for i in range(start + 1, limit):
            if text[i] in _DOUBLE:
                return i
        return -1
    for i in range(start + 1, limit):
        if text[i] == closer and not _is_apostrophe(text, i):
            return i
    return -1


Regions = tuple[tuple[int, int], ...]  # quoted passages as (start, end) character spans


@lru_cache(maxsize=8)
def quote_regions(text: str) -> Regions:
    """Character spans of quoted passages, marks included, in text order (outermost only). Kept
    for the last few texts: the quote, attribution and event components of one article all ask."""
    regions: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if text.startswith("''", i):  # two apostrophes for a double quotation mark (NYT archives)
            para_end = text.find("\n", i)
            para_end = n if para_end == -1 else para_end
            close = text.find("''", i + 2, para_end)
            end = close + 2 if close != -1 else para_end
            if end - i > 4:
                regions.append((i, end))
            i = end
            continue
        if ch not in OPENERS or (ch in "‘'" and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        para_end = text.find("\n", i)
        para_end = n if para_end == -1 else para_end
        end = _close(text, i, OPENERS[ch], para_end)
        if end != -1 and _reopens(text, end):
            # BBC style, "First sentence. "Second sentence.": a straight mark after a space and
            # before a letter opens the next quoted sentence; this one ends at the space
            stop = end
            while stop > i and text[stop - 1].isspace():
                stop -= 1
            if stop - i > 2:
                regions.append((i, stop))
            i = end
            continue
        if end == -1:
            if ch in "‘'":
                i += 1
                continue
            end = _run_on(text, para_end)
        else:
            end += 1
        if end - i > 2:
            regions.append((i, end))
        i = max(end, i + 1)
    return tuple(regions)


def _reopens(text: str, at: int) -> bool:
    """A straight double mark after a sentence's end and a space, before a letter: an opening mark."""
    if text[at] != '"' or at < 2 or at + 1 >= len(text):
        return False
    return text[at - 1] == " " and text[at - 2] in ".?!" and (text[at + 1].isalnum() or text[at + 1] in "[(")


def _run_on(text: str, para_end: int) -> int:
    """Where an unclosed quote ends: its paragraph, or a later one closing it when that opens with a mark."""
    end = para_end
    while end < len(text):
        nxt = end
        while nxt < len(text) and text[nxt] in "\n \t":
            nxt += 1
        if nxt >= len(text) or text[nxt] not in "“\"":
            return end
        following = text.find("\n", nxt)
        following = len(text) if following == -1 else following
        close = _close(text, nxt, "”", following)
        if close != -1:
            return close + 1
        end = following
    return end
