"""Classes read off the golden set's `layouts7/` part after its blind first run, each tested here on
sentences written for these tests (none comes from the golden sets): a name in apposition before
"the (former) chairman of X" is a person, and so is one after a title and before its name in
another script; a name after a title is never a club; a decree or law named by its number, and
"the X Law", are laws; a highway is a facility and a reservoir a natural place; a company's name
runs over its legal form in brackets ("(Pty) Ltd"), over an organisation word the model cut it at
("PT Bank" | "... Tbk") and up to newer forms (PCL, CJSC, SRL); a club's name ends in "AC" or "SC"
where the model stopped before it; and a product is named where a description follows it ("X, a
small satellite")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("OSLO (NTB) — Arne Holmsveen, the former chairman of Fjordline Cargo ASA, died on Sunday aged 84.",
         "Arne Holmsveen", "PERSON"),
        ("The ministry's deputy secretary-general, Chanida Wongsuwan (ชนิดา วงศ์สุวรรณ), said the plan was ready.",
         "Chanida Wongsuwan", "PERSON"),
        ("The bus had passed an inspection, the company's manager said. Salvadoran Labour Minister Lourdes Cisneros "
         "said six of the dead came from Usulután.", "Lourdes Cisneros", "PERSON"),
        ("Lenders caught reselling dollars will be barred under Decree No. 58, which takes effect on May 1.",
         "Decree No. 58", "LAW"),
        ("The regulator cleared the service in March under Executive Decree 112, which opened payments to start-ups.",
         "Executive Decree 112", "LAW"),
        ("The court found that the plant had breached the Clean Air Law by switching off its filters at night.",
         "Clean Air Law", "LAW"),
        ("Floods closed the Trans-Kalahari Highway near Gobabis on Tuesday.", "Trans-Kalahari Highway", "FAC"),
        ("Water levels at the Zhinvali Reservoir fell to a record low in August.", "Zhinvali Reservoir", "LOC"),
        ("Cape miner Aloe Ridge Minerals (Pty) Ltd has agreed to buy the rest of the copper project.",
         "Aloe Ridge Minerals (Pty) Ltd", "ORG"),
        ("The festival is sponsored by PT Bank Nusa Makmur Tbk, whose president director promised more.",
         "PT Bank Nusa Makmur Tbk", "ORG"),
        ("The pill is made by Bangkok-based Siam Riverside Pharma PCL, the regulator said.",
         "Siam Riverside Pharma PCL", "ORG"),
        ("1. Almaz Tesfaye (Bahir Dar Textile AC) 33:02; 2. Sara Kedir (Hawassa Water SC) 33:09",
         "Bahir Dar Textile AC", "ORG"),
        ("The team matched water samples with images from Arevik-3, a small satellite built in Yerevan.",
         "Arevik-3", "PRODUCT"),
        ("The game comes preinstalled on the Kestrel Lite 4, a cheap handset sold in Lagos.", "Kestrel Lite 4",
         "PRODUCT"),
    ],
)
def test_a_layouts7_class_takes_its_type(nlp, run, types, text: str, name: str, label: str) -> None:
    assert types(run(nlp, text)).get(name) == label


def test_a_word_for_a_lake_in_french_opens_no_company_name(nlp, run, types) -> None:
    found = types(run(nlp, "Sales at the Hanoi carmaker Lac Viet Motors rose 12% in the first quarter."))
    assert all(label != "LOC" for name, label in found.items() if "Lac" in name)
