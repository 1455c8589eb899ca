"""Headlines read as headlines: a typed past participle with no auxiliary is a passive."""

from spacy.tokens import Doc

from newsgraph.nlp.plover import LEXICON

# Typed verbs a headline may use in the past without an object and without being done to its
# subject ("Minister resigned", "Talks collapsed").
_INTRANSITIVE = frozenset(
    """protest resign quit retreat withdraw meet agree clash fight strike rally talk apologise apologize
    march demonstrate riot vote negotiate cooperate surrender yield concede admit plead compromise return
    visit travel rebel mutiny flee escape collapse die""".split()
)
_TERMINAL = frozenset({".", "!", "?", '"', "'", "\u201d", ":"})


def read_headline_passives(doc: Doc) -> None:
    """Headlines drop a passive's auxiliary: in "Koubek suspended after drugs test", "Chelsea
    ridiculed over complaint", a typed verb in the past with a subject, no object and no auxiliary
    is done to its subject, so the subject is marked as a passive one (``nsubjpass``). Only the
    text's first line, when it is a headline (no closing stop, at most 16 words), is read so."""
    end = next((t.i for t in doc if "\n" in t.text), len(doc))
    line = doc[:end]
    if not 0 < len(line) <= 16 or line[-1].text in _TERMINAL:
        return
    for verb in line:
        lemma = verb.lemma_.lower()
        if verb.tag_ not in ("VBD", "VBN") or lemma in _INTRANSITIVE or lemma not in LEXICON:
            continue
        children = list(verb.children)
        if any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp", "prt") for c in children):
            continue
        for child in children:
            if child.dep_ == "nsubj":
                child.dep_ = "nsubjpass"
