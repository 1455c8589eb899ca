"""A name in apposition right after a lower-case title head and its comma is a person's, whatever
the model typed ("The central bank's president, Lucía Moreno Salazar, has ..."); an organisation's
own words or a known place keep their type, and so does a name the comma does not close. Every
sentence here was written for these tests (none comes from the golden sets)."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # the model types these names ORG
        ("The central bank's president, Lucía Moreno Salazar, has signalled that rates will stay on hold.",
         "Lucía Moreno Salazar", "PERSON"),
        ("The BCRP's president, Lucía Paredes Santillán, said inflation would ease.", "Lucía Paredes Santillán", "PERSON"),
        # an organisation's own words, a known place: no person
        ("The report's author, Oxford Economics, said growth would slow.", "Oxford Economics", "ORG"),
        ("The bank's chairman, Banco Andino, said nothing.", "Banco Andino", "ORG"),
    ],
)
def test_a_name_in_apposition_after_a_title(run, types, nlp: Language, text: str, name: str, kind: str) -> None:
    assert types(run(nlp, text)).get(name) == kind
