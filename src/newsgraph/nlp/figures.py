"""Figures an article cites: money, percentages, counts of things, ages (``newsgraph.figures.v2``).

One pass over the tokens. A figure starts at a number (digits, "US$550", "20bn", words such as
"three" or "a dozen", vague plurals such as "hundreds of"); it takes in its scale ("billion"),
a range ("3-4 million", "between 10 and 15 percent"), its currency (symbol, prefix, name or
ISO code), "percent"/"%"/"per cent", or "-year-old", and the hedge written before it ("as much
as", "more than", "about"), which is part of its evidence. What it measures comes from the
parse: the noun it counts with the compounds and adjectives that name it ("US troops"), the
of-complement of a percentage ("GDP"); its owner is a possessor or the person an age belongs to.

Not figures: dates, times and durations (the times component's spans, which run first),
ordinals, years, phone numbers, and numbers inside names ("F-150", "Covid-19").
"""

from dataclasses import dataclass

from newsgraph.nlp.component import register
from spacy.tokens import Doc, Token

from newsgraph.model import Figure, evidence_from, fact_id
from newsgraph.nlp import money
from newsgraph.nlp.numbers import SCALES, VAGUE, is_number_word, parse_number

EXTRACTOR = "newsgraph.figures.v2"
_QUALIFIERS = tuple(sorted((tuple(q.split()) for q in (
    "as much as", "as many as", "as little as", "as few as", "as high as", "as low as", "more than",
    "less than", "fewer than", "up to", "at least", "at most", "no more than", "no fewer than",
    "nearly", "almost", "about", "around", "roughly", "approximately", "some", "over", "under",
    "just over", "just under", "close to", "an estimated", "upwards of", "well over", "more than",
    "only", "just", "an additional", "another", "estimated", "approx.", "circa", "between",
)), key=len, reverse=True))
_QUALIFIER_ENDS = {words[-1] for words in _QUALIFIERS}
# Units of measure after a number ("5,000 barrels of oil"): the word → the unit recorded.
_MEASURE_UNITS = {
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "miles": "miles", "mile": "miles", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "feet": "feet", "foot": "feet", "inches": "inches", "cm": "cm", "mm": "mm",
    "kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "tonnes": "tonnes", "tons": "tons",
    "pounds": "pounds", "lb": "pounds", "lbs": "pounds", "grams": "g", "litres": "litres",
    "liters": "litres", "gallons": "gallons", "barrels": "barrels", "acres": "acres",
    "hectares": "hectares", "degrees": "degrees", "mph": "mph", "km/h": "km/h", "megawatts": "MW",
    "mw": "MW", "gigawatts": "GW", "gw": "GW", "kwh": "kWh",
}
_SUBUNITS = {"cents": "USD", "pence": "GBP"}  # hundredths: "65 cents" is 0.65 USD
_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "crore", "crores", "lakh", "lakhs"}
_GLUED_SCALES = {"m", "bn", "mn", "mln", "tn", "trn", "k", "b"}
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "last", "once", "twice"}
_NAME_ENTS = {"PRODUCT", "ORG", "WORK_OF_ART", "LAW", "FAC", "EVENT", "PERSON", "GPE", "NORP", "LOC",
              "LANGUAGE"}
_NOT_FIGURE_ENTS = {"DATE", "TIME", "ORDINAL"}
_NOT_MEASURES = {"percent", "cent", "%", "points", "dollars", "times"}
_RANGE_LINKS = {"-", "–", "—", "to"}
_MEASURE_DEPS = {"compound", "amod", "nmod", "nummod"}
_COUNT_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod"}


@dataclass(frozen=True, slots=True)
class _Number:
    """A run of number tokens [start, end) and its value; ``unit`` when a glued symbol gave one."""

    start: int
    end: int
    value: float
    unit: str | None


def _glued(token: Token) -> tuple[float, str | None] | None:
    match = money.GLUED.match(token.text)
    if match is None:
        return None
    value = float(match.group("num").replace(",", ""))
    if match.group("scale"):
        value *= SCALES[match.group("scale").lower()]
    unit = money.symbol_code(match.group("cur")) if match.group("cur") else None
    return value, unit


def _is_word_number(token: Token) -> bool:
    return token.lower_ not in _ORDINALS and is_number_word(token.lower_)


def number_at(doc: Doc, i: int) -> _Number | None:
    """The number starting at token ``i``: "550 billion", "3m", "twenty-six", "a dozen"; else None."""
    token = doc[i]
    glued = _glued(token)
    if glued is not None:
        value, unit = glued
        end = i + 1
        while end < len(doc) and (doc[end].lower_ in _SCALE_WORDS or (
                doc[end].lower_.rstrip(".") in _GLUED_SCALES and doc[end - 1].whitespace_ == "")):
            word = doc[end].lower_.rstrip(".")
            value *= SCALES[word.rstrip("s") if word in ("crores", "lakhs") else word]
            end += 1
        return _Number(i, end, value, unit)
    if token.lower_ == "half" and i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an") and (
            doc[i + 2].lower_ in _SCALE_WORDS or doc[i + 2].lower_ == "dozen"):
        scale = 12.0 if doc[i + 2].lower_ == "dozen" else SCALES[doc[i + 2].lower_.rstrip("s")]
        return _Number(i, i + 3, 0.5 * scale, None)  # "half a million"
    if token.lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in ("dozen", "hundred", "thousand"):
        start = i
    elif _is_word_number(token) and token.lower_ not in ("hundred", "thousand", "dozen"):
        start = i
    else:
        return None
    end = start + 1
    while end < len(doc) and (_is_word_number(doc[end]) or (
            doc[end].text == "-" and end + 1 < len(doc) and _is_word_number(doc[end + 1])
            and doc[end - 1].whitespace_ == "")):
        end += 1
    words = [t.text for t in doc[start:end] if t.text != "-"]
    value = parse_number(words)
    return None if value is None else _Number(start, end, value, None)


def _qualifier(doc: Doc, start: int) -> tuple[int, str | None]:
    if start == 0 or doc[start - 1].lower_ not in _QUALIFIER_ENDS:
        return start, None
    for words in _QUALIFIERS:
        first = start - len(words)
        if first >= 0 and tuple(t.lower_ for t in doc[first:start]) == words:
            return first, " ".join(t.text for t in doc[first:start])
    return start, None


def _head_noun(doc: Doc, last: Token, after: int) -> Token | None:
    """The noun a number (ending at ``last``) counts: its head, when that comes after the figure."""
    token = last
    for _ in range(2):
        head = token.head
        if head is token:
            return None
        if head.i >= after and head.pos_ in ("NOUN", "PROPN") and token.dep_ in _COUNT_DEPS:
            return None if head.lower_ in _NOT_MEASURES or money.name_code(head.text, None) else head
        if head.i >= after or head.dep_ not in _COUNT_DEPS:
            return None
        token = head
    return None


def _phrase(doc: Doc, head: Token, first: int) -> str:
    """``head`` with the compounds and adjectives before it, not reaching before token ``first``."""
    start = head.i
    while start - 1 >= first and doc[start - 1].dep_ in _MEASURE_DEPS and doc[start - 1].head.i in range(
            start, head.i + 1) and not doc[start - 1].like_num:
        start -= 1
    return doc[start : head.i + 1].text


def _owner(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            start = child.left_edge.i
            return child.doc[start : child.i + 1].text
    return None


def _of_complement(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


@dataclass(frozen=True, slots=True)
class FigureSpan:
    """A figure found in a doc: token span [start, end) with its normalised parts."""

    start: int
    end: int
    value: float
    unit: str
    value_high: float | None = None
    qualifier: str | None = None
    measures: str | None = None
    owner: str | None = None


def _scale_of(doc: Doc, number: _Number) -> float:
    factor = 1.0
    for token in doc[number.start + 1 : number.end]:
        word = token.lower_.rstrip("s") if token.lower_ in ("crores", "lakhs") else token.lower_
        factor *= SCALES.get(word, 1.0)
    return factor


def _change_before(doc: Doc, i: int) -> bool:
    """True after a verb of change: "rose 87.5 cents to $38.875" is a change and a level, no range."""
    return i > 0 and doc[i - 1].pos_ == "VERB"


def _range_high(doc: Doc, low: _Number, first: int) -> _Number | None:
    """The high end of "3-4 million", "10 to 15", "between 10 and 15"; None when there is none."""
    j = low.end
    if j + 1 >= len(doc):
        return None
    link = doc[j].lower_
    if link == "to" and _change_before(doc, first):
        return None
    between = low.start > 0 and doc[low.start - 1].lower_ == "between"
    if link in _RANGE_LINKS - {"to"} and (doc[j - 1].whitespace_ or doc[j].whitespace_):
        return None
    if link not in _RANGE_LINKS and not (between and link == "and"):
        return None
    start = j + 1
    if money.symbol_code(doc[start].text) and start + 1 < len(doc):
        start += 1
    high = number_at(doc, start)
    if high is None or high.value < low.value:
        return None
    return high


def _is_phone(doc: Doc, low: _Number, high: _Number) -> bool:
    a, b = doc[low.start].text, doc[high.start].text
    return a.isdigit() and b.isdigit() and len(a) >= 3 and len(b) >= 4


def _unit_after(doc: Doc, k: int) -> tuple[str | None, int, bool]:
    """(unit, end, is_age) from the tokens after a number at ``k``."""
    words = [t.lower_ for t in doc[k : k + 4]]
    if words[:1] and words[0] in ("%", "percent", "pct", "per-cent"):
        return "percent", k + 1, False
    if words[:2] == ["per", "cent"]:
        return "percent", k + 2, False
    if words[:1] and words[0] in _SUBUNITS:
        return _SUBUNITS[words[0]], k + 1, False
    if words[:2] in (["square", "kilometres"], ["square", "kilometers"], ["square", "miles"], ["square", "metres"],
                     ["square", "meters"], ["square", "feet"]):
        return f"square {_MEASURE_UNITS[words[1]]}", k + 2, False
    if words[:1] and words[0] in _MEASURE_UNITS and (words[0] != "pounds" or doc[k].ent_type_ == "QUANTITY"):
        return _MEASURE_UNITS[words[0]], k + 1, False
    if words[:2] == ["percentage", "points"] or words[:2] == ["percentage", "point"]:
        return "percentage points", k + 2, False
    if words[:4] == ["-", "year", "-", "old"] or words[:2] in (["years", "old"], ["year", "old"]):
        return "years", k + (4 if words[0] == "-" else 2), True
    if words[:2] == ["-", "year-old"]:
        return "years", k + 2, True
    if len(words) >= 2 and (words[0] in money.DOLLAR_COUNTRIES or words[0] in money.QUALIFYING):
        code = money.name_code(words[1], words[0])
        if code and code != money.NAMES.get(words[1]):  # "Hong Kong dollars", "Swiss francs"
            return code, k + 2, False
    if words:
        code = money.name_code(doc[k].text, None) or (
            money.symbol_code(doc[k].text) if doc[k].text.isupper() else None)
        if code:
            return code, k + 1, False
    return None, k, False


def _repeated_range(doc: Doc, end: int, unit: str, first: int) -> tuple[float, int] | None:
    """The high end of a range that repeats its unit: "10% to 20%", "$3 million to $4 million"."""
    if end + 1 >= len(doc) or doc[end].lower_ not in _RANGE_LINKS:
        return None
    if doc[end].lower_ == "to" and _change_before(doc, first):
        return None
    start = end + 1
    if money.symbol_code(doc[start].text) == unit:
        start += 1
    high = number_at(doc, start) if start < len(doc) else None
    if high is None:
        return None
    high_unit, high_end, _ = _unit_after(doc, high.end)
    if (high.unit or high_unit or (unit if start > end + 1 else None)) != unit:
        return None
    value = high.value / 100 if doc[high_end - 1].lower_ in _SUBUNITS else high.value
    return value, high_end


def _apposed_age(doc: Doc, number: _Number) -> str | None:
    """The person an age in apposition belongs to ("Lam, 68,"): the proper name before it."""
    i, end = number.start, number.end
    if end - i != 1 or not doc[i].text.isdigit() or not 1 <= int(doc[i].text) <= 120:
        return None
    if i < 2 or doc[i - 1].text != "," or doc[i - 2].pos_ != "PROPN":
        return None
    if doc[i - 2].ent_type_ in ("GPE", "LOC", "FAC", "NORP", "DATE", "ORG") and doc[i - 2].ent_type_ != "PERSON":
        if doc[i - 2].ent_type_ != "ORG":
            return None
    if end < len(doc) and doc[end].text not in (",", ".", ";", ")", "—", "–"):
        return None
    first = i - 2
    while first - 1 >= 0 and doc[first - 1].pos_ == "PROPN":
        first -= 1
    return doc[first : i - 1].text


def _vague_at(doc: Doc, i: int) -> FigureSpan | None:
    """"hundreds of protesters", "tens of thousands of people": the lower bound, the word as qualifier."""
    value, j = 1.0, i
    while j + 1 < len(doc) and doc[j].lower_ in VAGUE and doc[j + 1].lower_ == "of":
        value *= VAGUE[doc[j].lower_]
        j += 2
    if j == i:
        return None
    counted = _of_complement(doc[j - 2])
    measures = _phrase(doc, counted, j) if counted is not None else None
    return FigureSpan(i, j - 1, value, "count", qualifier=doc[i : j - 1].text, measures=measures,
                      owner=_owner(counted) if counted is not None else None)


def _measures(doc: Doc, unit: str, last: Token, end: int) -> tuple[str | None, str | None]:
    """What a figure measures and whose it is, from the parse around its last token."""
    if unit in ("percent", "percentage points") or unit in _MEASURE_UNITS.values() or unit.startswith("square "):
        complement = _of_complement(last) or _of_complement(doc[last.i - 1] if last.i > 0 else last)
        if complement is not None:
            return _phrase(doc, complement, complement.left_edge.i), _owner(complement)
    head = _head_noun(doc, last, end)
    if head is None:
        return None, None
    return _phrase(doc, head, end), _owner(head)


def _is_excluded_count(doc: Doc, number: _Number) -> bool:
    """Years, dates, ordinals, numbers inside names ("F-150") are no counts."""
    tokens = doc[number.start : number.end]
    if any(t.ent_type_ in _NOT_FIGURE_ENTS or t.ent_type_ in _NAME_ENTS for t in tokens):
        return True
    first = doc[number.start]
    if number.end - number.start == 1 and first.text.isdigit() and len(first.text) == 4 and 1600 <= int(first.text) <= 2100:
        return True
    if number.start >= 1 and doc[number.start - 1].text in ("-", "#", "No.", "no.") and not doc[number.start - 1].whitespace_:
        return True
    if number.end + 1 < len(doc) and doc[number.end].text == "-" and not doc[number.end - 1].whitespace_ \
            and doc[number.end + 1].is_alpha:
        return True  # "one-off", "a 20-page report": a compound modifier, not a count
    after = "".join(t.lower_ for t in doc[number.end : number.end + 3])
    if after.startswith("-for") or after.startswith("for-"):
        return True  # "a 2-for-1 split"
    return False


def figure_at(doc: Doc, i: int) -> FigureSpan | None:
    """The figure whose number starts at token ``i`` (or whose currency symbol does), else None."""
    start_unit = None
    num_i = i
    code = money.symbol_code(doc[i].text)
    if code and i + 1 < len(doc) and doc[i].text not in ("CHF",):
        start_unit, num_i = code, i + 1
    number = number_at(doc, num_i)
    if number is None:
        return None if start_unit else _vague_at(doc, i)
    value, high_value = number.value, None
    high = _range_high(doc, number, i)
    last = number
    if high is not None:
        if _is_phone(doc, number, high):
            return None
        if _scale_of(doc, number) == 1.0:
            value *= _scale_of(doc, high)
        high_value, last = high.value, high
    unit, end, is_age = _unit_after(doc, last.end)
    unit = start_unit or number.unit or unit
    if doc[end - 1].lower_ in _SUBUNITS and not start_unit:
        value, high_value = value / 100, (high_value / 100 if high_value is not None else None)
    repeated = _repeated_range(doc, end, unit, i) if unit not in (None, "years") and high_value is None else None
    if repeated is not None:
        high_value, end = repeated
    owner = None
    if unit is None:
        owner = _apposed_age(doc, number)
        if owner is not None:
            unit, is_age = "years", True
        elif number.start > 0 and doc[number.start - 1].lower_ == "aged":
            unit, is_age = "years", True
    if unit is None:
        if _is_excluded_count(doc, number):
            return None
        unit = "count"
    first, qualifier = _qualifier(doc, i)
    if is_age:
        subject = doc[end - 1].head if end > 0 and doc[end - 1].head.pos_ in ("NOUN", "PROPN") else None
        if owner is None and subject is not None and subject.i >= end:
            owner = _phrase(doc, subject, end)
        return FigureSpan(first, end, value, "years", high_value, qualifier, "age", owner)
    measures, whose = _measures(doc, unit, doc[end - 1], end)
    if unit == "count" and measures is None and (not doc[number.start].text[0].isdigit() or (
            number.start > 0 and doc[number.start - 1].pos_ in ("NOUN", "PROPN") and doc[number.start - 1].is_title)):
        return None  # a number word with nothing counted, or a label: "Page 3", "Article 5"
    return FigureSpan(first, end, value, unit, high_value, qualifier, measures, whose)


def find_figures(doc: Doc, skip: list[tuple[int, int]]) -> list[FigureSpan]:
    """Every figure of the doc, in order; counts overlapping a ``skip`` character span are left out."""
    found: list[FigureSpan] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not (token.like_num or token.lower_ in VAGUE or token.lower_ in ("a", "an", "half")
                or money.symbol_code(token.text) or any(c.isdigit() for c in token.text)):
            i += 1
            continue
        figure = figure_at(doc, i)
        if figure is None:
            i += 1
            continue
        if figure.unit == "count":
            s, e = doc[figure.start].idx, doc[figure.end - 1].idx + len(doc[figure.end - 1])
            if any(s < b and a < e for a, b in skip):  # "seven years", "five-year": times, not counts
                i = figure.end
                continue
        found.append(figure)
        i = figure.end
    return found


def _tidy(value: float | None) -> float | None:
    """``8.2 * 1e9`` is 8199999999.999999 in binary floating point: keep 12 significant digits."""
    return None if value is None else float(f"{value:.12g}")


def figures_of(doc: Doc) -> tuple[Figure, ...]:
    """The doc's figures as model records (after the times component, whose spans are no figures)."""
    article = doc._.ng["article"]
    skip = [(t.evidence.start, t.evidence.end) for t in doc._.ng.get("times", ())]
    text = article.text  # the doc was made from it: the same characters as doc.text
    out = []
    for f in find_figures(doc, skip):
        start, end = doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1])
        out.append(Figure(
            id=fact_id("figure", article.id, start, end),
            evidence=evidence_from(article.id, text, start, end),
            value=_tidy(f.value), unit=f.unit, value_high=_tidy(f.value_high), qualifier=f.qualifier,
            measures=f.measures, owner=f.owner, extractor=EXTRACTOR,
        ))
    return tuple(out)


register("newsgraph_figures", EXTRACTOR, lambda doc: {"figures": figures_of(doc)})
