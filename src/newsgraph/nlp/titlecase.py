"""Headlines in Title Case or in capitals parsed as the sentences they are (``newsgraph_title_case``).

spaCy reads a headline written in Title Case ("Taliban Strike German Consulate in Mazar-i-Sharif",
"Tram Derails in Croydon") as a run of proper names: no verb, the words an organisation. This
component, registered after ``ner`` (after ``newsgraph_recogniser`` where that runs), runs the
model's components up to itself again over each Title Case sentence of the headline written in
sentence case, and puts the tags, POS, lemmas, dependencies and entities it reads there in place of
the first reading. Words the article capitalises mid-sentence elsewhere ("Leeds", "Jane Porter")
keep their capitals, so names stay names. The text, its tokens and every offset stay as they are.

The headline is the article's first line when a body follows and the line ends without a full
stop: a first line that is a sentence ("US Secretary of Commerce Daniel Whitcombe met leaders in
Ohio.") is full of names, not Title Case. A line is Title Case when at least ``MIN_WORDS`` words
of four letters or more after its first are capitalised, and at least ``SHARE`` of them; a line in
capitals ("DEADLY FLOODS SWAMP CENTRAL VIETNAM") is read the same way, each word as the body writes
it where the body names it ("Vietnam"), else in lower case (entities v19). Only
such lines are read again, so text without them costs nothing more (measured on 76 Giveme5W1H and
100 BBC articles: 0.46 s of 23.5 s, 7 headlines read again).
"""

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.nlp.component import doc_text

MIN_WORDS = 3
SHARE = 0.75
NAME = "newsgraph_title_case"


def headline(doc: Doc) -> list[Span]:
    """The sentences of the doc's first line when it reads as a headline: a body follows and the
    line ends without a full stop."""
    text = doc_text(doc)
    line_end = text.find("\n")
    line = text[:line_end].rstrip() if line_end != -1 else ""
    if not line or line[-1] in ".!?" or not text[line_end:].strip():
        return []
    return [s for s in doc.sents if s.end_char <= line_end + 1]


def title_case(line: Span) -> bool:
    """True for a sentence in Title Case: most of its longer words after the first capitalised."""
    words = [t for t in line[1:] if t.is_alpha and len(t) >= 4]
    capital = [t for t in words if t.text[0].isupper() and not t.is_upper]
    return len(capital) >= MIN_WORDS and len(capital) >= SHARE * len(words)


def all_caps(line: Span) -> bool:
    """True for a sentence written in capitals ("DEADLY FLOODS SWAMP CENTRAL VIETNAM"): at least
    ``MIN_WORDS`` words of four letters or more, every one of them in capitals."""
    words = [t for t in line if t.is_alpha and len(t) >= 4]
    return len(words) >= MIN_WORDS and all(t.is_upper for t in words)


def _forms(doc: Doc, lines: list[Span]) -> dict[str, str]:
    """How the article writes each word it capitalises mid-sentence outside ``lines`` (lower case →
    the body's form: "vietnam" → "Vietnam", "un" → "UN")."""
    inside = {t.i for line in lines for t in line}
    return {t.lower_: t.text for t in doc
            if t.i not in inside and t.is_alpha and not t.is_sent_start and t.text[0].isupper()}


def caps_to_sentence_case(line: Span, forms: dict[str, str]) -> str:
    """A line in capitals written as a sentence: each word as the body writes it where it is one of
    the body's names, else in lower case, the first word capitalised."""
    out = []
    for k, token in enumerate(line):
        text = forms.get(token.lower_, token.lower_) if token.is_alpha else token.text
        if k == 0 and text[:1].islower():
            text = text[:1].upper() + text[1:]
        out.append(text + token.whitespace_)
    return "".join(out)


def _names(doc: Doc, lines: list[Span]) -> set[str]:
    """Words the article writes with a capital mid-sentence outside ``lines``: its names."""
    inside = {t.i for line in lines for t in line}
    return {t.lower_ for t in doc if t.i not in inside and t.is_alpha and not t.is_sent_start and t.text[0].isupper()}


def sentence_case(line: Span, names: set[str]) -> str:
    """The line with its capitalised words lower-cased after the first, except ``names`` and
    words in capitals ("FBI")."""
    out = []
    for k, token in enumerate(line):
        text = token.text
        titled = token.is_alpha and text[0].isupper() and not token.is_upper
        if k > 0 and titled and token.lower_ not in names:
            text = token.lower_
        out.append(text + token.whitespace_)
    return "".join(out)


class TitleCase:
    """The component: reads a Title Case headline again in sentence case."""

    def __init__(self, nlp: Language, name: str = NAME) -> None:
        self.nlp = nlp
        self.name = name

    def _steps(self) -> list[str]:
        """The components that run before this one (the reading to redo)."""
        names = self.nlp.pipe_names
        return names[: names.index(self.name)] if self.name in names else list(names)

    def __call__(self, doc: Doc) -> Doc:
        lines = [s for s in headline(doc) if title_case(s) or all_caps(s)]
        steps = self._steps()
        if not lines or "parser" not in steps:
            return doc
        names = _names(doc, lines)
        forms = _forms(doc, lines) if any(all_caps(s) for s in lines) else {}
        attrs = [HEAD, DEP, TAG, POS, LEMMA]
        values = doc.to_array(attrs).copy()
        entities = list(doc.ents)
        body_labels = _body_labels(doc, lines)
        changed = False
        for line in lines:
            text = caps_to_sentence_case(line, forms) if all_caps(line) else sentence_case(line, names)
            if text == line.text_with_ws:
                continue
            sub = self.nlp.make_doc(text)
            if len(sub) != len(line) or any(a.text.lower() != b.text.lower() for a, b in zip(sub, line)):
                continue  # tokenised otherwise: keep the first reading
            for step in steps:
                sub = self.nlp.get_pipe(step)(sub)
            values[line.start : line.end] = sub.to_array(attrs)
            entities = [e for e in entities if e.end <= line.start or e.start >= line.end] + [
                Span(doc, line.start + e.start, line.start + e.end, label=body_labels.get(e.text.lower(), e.label_))
                for e in sub.ents
            ]
            changed = True
        if changed:
            doc.from_array(attrs, values)
            doc.ents = sorted(entities, key=lambda e: e.start)
        return doc


def _body_labels(doc: Doc, lines: list[Span]) -> dict[str, str]:
    """The type the body gives a name, by the name and by its last word ("Daniel Brooks" is a
    person, so a headline's "Brooks" is): the body, in its own case, is read more surely."""
    inside = {t.i for line in lines for t in line}
    labels: dict[str, str] = {}
    for ent in doc.ents:
        if ent.start in inside:
            continue
        labels.setdefault(ent.text.lower(), ent.label_)
        if ent.label_ == "PERSON" and len(ent) > 1:
            labels.setdefault(ent[-1].lower_, "PERSON")
    return labels


@Language.factory(NAME)
def make_title_case(nlp: Language, name: str) -> TitleCase:
    return TitleCase(nlp, name)
