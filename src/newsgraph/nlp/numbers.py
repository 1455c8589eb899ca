"""Numbers as written in news: digits with separators, words ("twenty-six"), scale words.

Shared by the figures and times components. Pure functions over strings; no spaCy.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
    "mn": 1e6, "mln": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12, "k": 1e3,
}
# Scale suffixes glued to digits ("3m", "20bn", "1.5tn", "5k").
_GLUED = re.compile(r"^(\d+(?:[.,]\d+)*)(k|m|mn|mln|bn|b|tn|trn)$", re.IGNORECASE)
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
WORD_NUMBERS = set(UNITS) | set(TENS) | {"hundred", "thousand", "dozen"}
# Vague plurals: "hundreds of" → 100 as the lower bound.
VAGUE = {"dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6,
         "billions": 1e9, "tens": 10.0}


def parse_digits(text: str) -> float | None:
    """``"1,600"`` → 1600.0, ``"5.5"`` → 5.5, ``"3m"`` → 3e6; None when it is not a plain number."""
    text = text.strip()
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    glued = _GLUED.match(text)
    if glued:
        base = glued.group(1).replace(",", "")
        try:
            return float(base) * SCALES[glued.group(2).lower()]
        except ValueError:
            return None
    return None


def parse_words(words: list[str]) -> float | None:
    """Number words as one value: ``["twenty", "six"]`` → 26, ``["a", "dozen"]`` → 12."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        for word in raw.lower().split("-"):
            if word in ("a", "an") and not seen:
                current = 1.0
                continue
            if word == "and" or not word:
                continue
            if word in UNITS:
                current += UNITS[word]
            elif word in TENS:
                current += TENS[word]
            elif word == "dozen":
                current = (current or 1.0) * 12
            elif word == "hundred":
                current = (current or 1.0) * 100
            elif word in SCALES and word not in ("m", "b", "k"):
                total += (current or 1.0) * SCALES[word]
                current = 0.0
            else:
                return None
            seen = True
    return total + current if seen else None


def parse_number(tokens: list[str]) -> float | None:
    """The value of a run of number tokens: digits, words, or digits with a scale word.

    ``["550", "billion"]`` → 5.5e11, ``["1.2", "million"]`` → 1.2e6, ``["three"]`` → 3,
    ``["20bn"]`` → 2e10. None when the tokens are not a number.
    """
    if not tokens:
        return None
    first = parse_digits(tokens[0])
    if first is None:
        return parse_words(tokens)
    value = first
    for token in tokens[1:]:
        scale = SCALES.get(token.lower())
        if scale is None:
            return None
        value *= scale
    return value


def is_number_word(word: str) -> bool:
    """True for a word that can be part of a number ("twenty-six", "million", "dozen")."""
    parts = word.lower().split("-")
    return all(p in WORD_NUMBERS or (p in SCALES and len(p) > 2) for p in parts if p)
