"""Currencies as news writes them: symbols, prefixed symbols ("US$", "NT$"), names and ISO codes."""

from __future__ import annotations

import re

# A "$" alone is read as US dollars, a "¥" alone as Japanese yen (the usual reading in
# English-language news); a prefix ("NT$", "HK$") or a name ("yuan") says otherwise.
SYMBOLS = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "nt$": "TWD", "hk$": "HKD", "a$": "AUD", "au$": "AUD",
    "c$": "CAD", "ca$": "CAD", "s$": "SGD", "nz$": "NZD", "r$": "BRL", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "₩": "KRW", "rm": "MYR", "₱": "PHP",
    "₫": "VND", "rp": "IDR", "rp.": "IDR", "chf": "CHF",
}
NAMES = {
    "dollar": "USD", "dollars": "USD", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "euro": "EUR",
    "euros": "EUR", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "won": "KRW", "rupee": "INR",
    "rupees": "INR", "ringgit": "MYR", "baht": "THB", "dong": "VND", "rupiah": "IDR", "ruble": "RUB",
    "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rand": "ZAR", "lira": "TRY", "shekels": "ILS",
}
# An adjective before "dollars" that names another dollar ("Hong Kong dollars" → HKD).
DOLLAR_COUNTRIES = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                    "singapore": "SGD", "taiwan": "TWD", "nt": "TWD", "kong": "HKD", "zealand": "NZD"}
# Currency names that several countries use: only an adjective naming the country decides.
QUALIFIED = {
    ("swiss", "franc"): "CHF", ("norwegian", "krone"): "NOK", ("norwegian", "kroner"): "NOK",
    ("danish", "krone"): "DKK", ("danish", "kroner"): "DKK", ("swedish", "krona"): "SEK",
    ("swedish", "kronor"): "SEK", ("icelandic", "kronur"): "ISK", ("mexican", "peso"): "MXN",
    ("argentine", "peso"): "ARS", ("chilean", "peso"): "CLP", ("colombian", "peso"): "COP",
    ("philippine", "peso"): "PHP", ("egyptian", "pound"): "EGP", ("indian", "rupee"): "INR",
    ("pakistani", "rupee"): "PKR", ("sri", "rupee"): "LKR", ("saudi", "riyal"): "SAR",
    ("qatari", "riyal"): "QAR", ("brazilian", "real"): "BRL", ("polish", "zloty"): "PLN",
    ("czech", "koruna"): "CZK", ("hungarian", "forint"): "HUF", ("nigerian", "naira"): "NGN",
    ("kenyan", "shilling"): "KES", ("ukrainian", "hryvnia"): "UAH", ("turkish", "lira"): "TRY",
}
QUALIFYING = {adjective for adjective, _ in QUALIFIED}
# ISO 4217 codes as news writes them before or after a number ("NOK 1.8 billion", "2 million SEK").
CODES = {
    "usd", "eur", "gbp", "jpy", "cny", "twd", "hkd", "aud", "cad", "sgd", "inr", "krw", "myr", "thb",
    "vnd", "idr", "php", "chf", "rub", "brl", "zar", "nzd", "nok", "dkk", "sek", "isk", "pln", "czk",
    "huf", "ron", "bgn", "uah", "try", "ils", "egp", "ngn", "kes", "sar", "aed", "qar", "kwd", "pkr",
    "bdt", "lkr", "mxn", "ars", "clp", "cop", "pen",
}

# One token holding a prefix symbol, the number and a glued scale: "NT$10,000", "$3m", "€20bn".
GLUED = re.compile(
    r"^(?P<cur>US\$|U\.S\.\$|NT\$|HK\$|AU?\$|CA?\$|S\$|NZ\$|R\$|\$|€|£|¥|₹|₩|₱)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<scale>k|m|mn|mln|bn|b|tn|trn)?$",
    re.IGNORECASE,
)


def symbol_code(text: str) -> str | None:
    """``"US$"`` → ``"USD"``; None when the token is no currency symbol or code."""
    lower = text.lower()
    if lower in SYMBOLS:
        return SYMBOLS[lower]
    if lower in CODES and text.isupper():
        return lower.upper()
    return None


def name_code(text: str, before: str | None) -> str | None:
    """``"yen"`` → ``"JPY"``; "dollars" after "Hong Kong" → ``"HKD"``; None for other words."""
    lower = text.lower()
    if lower in ("dollar", "dollars") and before is not None and before.lower() in DOLLAR_COUNTRIES:
        return DOLLAR_COUNTRIES[before.lower()]
    if before is not None:
        singular = lower[:-1] if lower.endswith("s") and (before.lower(), lower[:-1]) in QUALIFIED else lower
        if (before.lower(), singular) in QUALIFIED:
            return QUALIFIED[(before.lower(), singular)]
    return NAMES.get(lower)
