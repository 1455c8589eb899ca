"""Short forms of well-known institutions and parties: world knowledge, as ``countries.py`` is.

A small, general table: an acronym or short form that news uses for a body without defining it
("EU", "Labour", "the Commons", "Tories") → the body's full name. Matching is on the written form,
case-sensitive (so "who" is never the WHO). Every form is an organisation.
"""

from __future__ import annotations

_TABLE: dict[str, tuple[str, ...]] = {
    "European Union": ("EU", "E.U."),
    "United Nations": ("UN", "U.N."),
    "NATO": ("Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    "European Commission": (),
    "European Central Bank": ("ECB",),
    "International Monetary Fund": ("IMF",),
    "World Trade Organization": ("WTO",),
    "World Health Organization": ("WHO",),
    "World Bank": (),
    "Organization of the Petroleum Exporting Countries": ("OPEC", "Opec"),
    "Federal Reserve": ("Fed", "US Federal Reserve"),
    "Labour Party": ("Labour", "Labour party"),
    "Conservative Party": ("Conservatives", "Conservative party", "Tories", "Tory", "Tory party", "Tory Party"),
    "Liberal Democrats": ("Lib Dems", "Lib Dem", "Liberal Democrat", "Liberal Democrat party", "Liberal Democrat Party"),
    "Scottish National Party": ("SNP",),
    "UK Independence Party": ("UKIP", "Ukip"),
    "Plaid Cymru": (),
    "House of Commons": ("Commons",),
    "House of Lords": ("Lords",),
    "Republican Party": ("GOP",),  # not "Democrats"/"Republicans": parties of those names exist in many countries
    "National Health Service": ("NHS",),
    "British Broadcasting Corporation": ("BBC",),
}

_FORMS: dict[str, str] = {}
for _name, _forms in _TABLE.items():
    for _form in (_name, *_forms):
        _FORMS[_form] = _name


FORMS = frozenset(_FORMS)
# first word → the forms starting with it, as word tuples, longest first (the tokeniser splits on spaces here)
BY_FIRST_WORD: dict[str, tuple[tuple[str, ...], ...]] = {}
for _form in sorted(_FORMS, key=lambda f: -len(f.split())):
    BY_FIRST_WORD[_form.split()[0]] = BY_FIRST_WORD.get(_form.split()[0], ()) + (tuple(_form.split()),)


def canonical_institution(text: str) -> str | None:
    """The full name of a known institution written as ``text`` ("EU" → "European Union"), or None."""
    found = _FORMS.get(text.strip())
    if found is None and text.startswith("the "):
        found = _FORMS.get(text[4:].strip())
    return found


__all__ = ["BY_FIRST_WORD", "FORMS", "canonical_institution"]
