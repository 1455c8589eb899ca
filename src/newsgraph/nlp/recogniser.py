"""newsgraph's own named-entity recogniser, and how it votes with spaCy's (``newsgraph_recogniser``).

The recogniser is MiniLM-L6 fine-tuned on CoNLL-2003 by ``scripts/train_ner.py`` (see
``data/ner/MODEL_CARD.md``): an ONNX token classifier (BIO over PER/ORG/LOC/MISC) run with
onnxruntime, shipped as package data (``data/ner/ner.onnx``, its sha256 beside it, checked at load:
NG460 when missing, NG461 when it does not match). Its word pieces come from the model's own
``tokenizer.json`` (shipped beside it); the weights are uncased, so every piece also carries its
word's casing class (``casing_class``, the same function the training script uses).

The component runs after spaCy's ``ner`` and replaces ``doc.ents`` by the vote of the two
(``BOUNDARIES``, measured by ``newsgraph eval ner`` and ``eval entities``, see the README):

- ``"retype"`` (the pipeline's): spaCy's spans stay, their boundaries mended first where the
  trained spans show them wrong (``_mend_boundaries``: a name running on into figures, across a
  headline's spaced dash, into common nouns or a possessive, or cut short inside a trained name);
  where a trained span has exactly the boundaries of a spaCy name and another class, the trained
  class wins (PERSON, ORG, a place → spaCy's GPE/LOC/FAC kept when it agrees, else GPE for a known
  country or city, else LOC), and a trained span that no spaCy name overlaps is added; but never
  into MISC (only a nationality or a named tournament is added as NORP / EVENT), never for a name
  not in English script, never a place the gazetteer does not know, never a known place as a
  person; unless the model is sure (``SURE``, 90%, its least sure word: ``confidence``) of a
  name in Latin letters, which then keeps its class over spaCy's and over the gazetteer (not a
  city of 100,000 people as a person). A name spaCy missed is added only at ``ADD_AT_LEAST``
  (60%), never a word of a title's portfolio ("Minister of Foreign Affairs"), and a one-word person
  only at ``SURE`` (film and play titles otherwise became people). The rules after
  the vote do not move a name the model is sure of out of its class on the gazetteer's word
  alone (``keep_sure``, used after ``places.fix_place_types``: a city's name in a results table is
  the team). On CoNLL dev this lifts spaCy + rules from F1 0.747 to 0.882 (0.852 with the
  earlier weights and without the confidence) and keeps the golden set whole.
- ``"retype-only"``: the same without the added spans (the model then only runs on sentences
  that hold a spaCy name): CoNLL dev 0.766.
- ``"trained"``: the trained spans win on boundaries and class; spaCy's fine type is kept where
  it agrees with the class (GPE/LOC/FAC for LOC; NORP/EVENT/PRODUCT/LAW/WORK_OF_ART/LANGUAGE for
  MISC), else the class's default (a demonym or one word → NORP, else EVENT); spaCy's names no
  trained span overlaps are kept only for the types the model was never taught (``SPACY_ONLY``).
  On CoNLL dev F1 0.864, but lower on the golden set (mention F1 0.93 with the first model).
- ``"spacy"``: as ``"trained"`` but spaCy's agreeing spans keep their boundaries.

The model reads words as CoNLL-2003 wrote them: tokens that spaCy split at an unspaced hyphen
("Song-ho", "Anglo-Dutch") are one word for it (``_words``).

spaCy's numeric entities (DATE, MONEY, CARDINAL, ...) are kept untouched wherever no name covers
them. spaCy's own entities stay readable as ``doc.user_data["newsgraph_spacy_ents"]`` and the
trained spans (of the sentences it ran on) as ``doc.user_data["newsgraph_trained_ents"]`` (token
start, end, label).
"""


import hashlib
import json
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.errors import NlpError
from newsgraph.nlp.countries import canonical_country, country_of_demonym
from newsgraph.nlp.titles import PORTFOLIO_LINKS, is_head, is_title_word

NAME = "newsgraph.ner-minilm.v1"  # the trained model; bumped with new weights
NUMERIC = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
FINE: dict[str, frozenset[str]] = {
    "PER": frozenset({"PERSON"}),
    "ORG": frozenset({"ORG"}),
    "LOC": frozenset({"GPE", "LOC", "FAC"}),
    "MISC": frozenset({"NORP", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE"}),
}
SPACY_ONLY = frozenset({"WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT", "EVENT", "FAC"})
# Sentences a model run. One: the model is int8 with its inputs quantised on the fly, one scale a
# run, so in a padded batch a sentence's tags would depend on the sentences beside it (its article,
# and so the worker that read it); one at a time is also 1.7 times faster than an article's
# sentences padded together (60 BBC articles: 3.0 s of onnxruntime against 5.2 s).
BATCH = 1
_SURE = "newsgraph_trained_sure"  # doc.user_data: (start, end) of a trained span -> its probability
BOUNDARIES = "retype"  # the vote the pipeline uses (measured: docs in eval ner, README)


def casing_class(word: str) -> int:
    """1 all-lower, 2 Title/mixed with a leading capital, 3 ALLCAPS (2+ letters), 4 has a digit, 5 other."""
    if any(c.isdigit() for c in word):
        return 4
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return 5
    if all(c.islower() for c in letters):
        return 1
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return 3
    if letters[0].isupper():
        return 2
    return 5


def model_folder() -> Path:
    """The installed package's ``nlp/data/ner`` folder."""
    return Path(str(resources.files("newsgraph.nlp") / "data" / "ner"))


def check_model(folder: Path) -> bytes:
    """The model file's bytes, once its sha256 matches the one written beside it (NG460, NG461)."""
    model, digest_file = folder / "ner.onnx", folder / "ner.onnx.sha256"
    try:
        data = model.read_bytes()
        expected = digest_file.read_text(encoding="utf-8").split()[0]
    except (OSError, IndexError) as exc:
        raise NlpError("NG460", f"the trained recogniser is missing from {folder}: {exc}") from None
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise NlpError("NG461", f"{model} has sha256 {actual[:12]}…, expected {expected[:12]}…")
    return data


def exact_on_every_cpu(data: bytes) -> bytes:
    """The model's bytes with its int8 weights stored as uint8 (``search.graph.unsigned_weights``):
    the same integer products, computed without saturation on CPUs with AVX2 but no VNNI."""
    import onnx

    from newsgraph.search.graph import unsigned_weights

    return bytes(unsigned_weights(onnx.load_model_from_string(data)).SerializeToString())


class Recogniser:
    """The loaded ONNX model and its tokenizer. Use ``recogniser()`` for the process's shared one."""

    def __init__(self, folder: Path | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        folder = folder or model_folder()
        data = check_model(folder)
        try:
            self.meta = json.loads((folder / "ner.json").read_text(encoding="utf-8"))
            self.labels: list[str] = list(self.meta["labels"])
            self.max_pieces = int(self.meta["max_pieces"])
            self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            self.tokenizer.no_padding()
            self.tokenizer.no_truncation()
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            self.session = onnxruntime.InferenceSession(exact_on_every_cpu(data), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - any failure to load is one coded error
            raise NlpError("NG462", f"cannot load the trained recogniser from {folder}: {exc}") from None
        self.cls = self.tokenizer.token_to_id("[CLS]")
        self.sep = self.tokenizer.token_to_id("[SEP]")

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags (PER/ORG/LOC/MISC) for each word of each sentence."""
        return [[t for t, _ in row] for row in self.tag_scored(sentences)]

    def tag_scored(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[str, float]]]:
        """(BIO tag, the model's probability of it) for each word of each sentence."""
        rows: list[tuple[list[int], list[int], list[int]]] = []  # ids, casing, first piece of each word
        owners: list[tuple[int, int]] = []  # (sentence, its first word) of each row
        for n, words in enumerate(sentences):
            for start, ids, casing, first in self._rows(words):
                rows.append((ids, casing, first))
                owners.append((n, start))
        tags: list[list[str]] = [["O"] * len(words) for words in sentences]
        probs: list[list[float]] = [[1.0] * len(words) for words in sentences]
        order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))
        for b in range(0, len(order), BATCH):
            chunk = order[b : b + BATCH]
            width = max(len(rows[i][0]) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            casing = np.zeros_like(ids)
            for r, i in enumerate(chunk):
                k = len(rows[i][0])
                ids[r, :k], mask[r, :k], casing[r, :k] = rows[i][0], 1, rows[i][1]
            logits = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "casing_ids": casing})[0]
            for r, i in enumerate(chunk):
                n, start = owners[i]
                shifted = np.exp(logits[r] - logits[r].max(-1, keepdims=True))
                p = shifted / shifted.sum(-1, keepdims=True)
                best = p.argmax(-1)
                for w, pos in enumerate(rows[i][2]):
                    if pos >= 0:
                        tags[n][start + w] = self.labels[int(best[pos])]
                        probs[n][start + w] = float(p[pos, best[pos]])
        return [list(zip(_repair(t), q, strict=True)) for t, q in zip(tags, probs, strict=True)]

    def _rows(self, words: Sequence[str]) -> Iterable[tuple[int, list[int], list[int], list[int]]]:
        """Model inputs for one sentence, cut into pieces of at most ``max_pieces`` at word boundaries."""
        if not words:
            return
        encoded = self.tokenizer.encode(list(words), is_pretokenized=True, add_special_tokens=False)
        per_word: list[list[int]] = [[] for _ in words]
        for piece, w in zip(encoded.ids, encoded.word_ids, strict=True):
            if w is not None:
                per_word[w].append(piece)
        room = self.max_pieces - 2
        start = 0
        while start < len(words):
            ids, casing, first = [self.cls], [0], []
            end = start
            while end < len(words) and (len(ids) - 1 + min(len(per_word[end]), room) <= room or end == start):
                pieces = per_word[end][:room]
                first.append(len(ids) if pieces else -1)
                ids += pieces
                casing += [casing_class(words[end])] * len(pieces)
                end += 1
            yield start, ids + [self.sep], casing + [0], first
            start = end


def _repair(tags: list[str]) -> list[str]:
    out: list[str] = []
    for t in tags:
        if t.startswith("I-") and (not out or out[-1] == "O" or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out


_SHARED: Recogniser | None = None
_LOCK = threading.Lock()


def recogniser() -> Recogniser:
    """The process's one recogniser (one onnxruntime session a process), loaded on first use."""
    global _SHARED
    with _LOCK:
        if _SHARED is None:
            _SHARED = Recogniser()
        return _SHARED


def trained_spans(doc: Doc, model: Recogniser | None = None, *, only: Sequence[Span] | None = None) -> list[Span]:
    """The trained model's entities over ``doc`` (labels PER/ORG/LOC/MISC), sentence by sentence;
    with ``only``, over the sentences that hold one of those spans only (the rest are not run)."""
    model = model or recogniser()
    if doc.has_annotation("SENT_START"):
        sents = list(doc.sents)
        if only is not None:
            starts = {s.start for s in only}
            sents = [s for s in sents if any(s.start <= i < s.end for i in starts)]
        kept = [[t for t in sent if not t.is_space] for sent in sents]
    else:
        kept = [[t for t in doc if not t.is_space]] if only is None or only else []
    kept = [k for k in kept if k]
    groups = [[t.i for t in k] for k in kept]
    words = [_words(k) for k in kept]
    tags = [_per_token(w, row) for w, row in zip(words, model.tag_scored([[text for text, _ in w] for w in words]), strict=True)]
    out: list[Span] = []
    probabilities: list[float] = []  # each span's least sure word
    for group, sentence_tags in zip(groups, tags, strict=True):
        start = kind = None
        for k, (t, _) in enumerate([*sentence_tags, ("O", 1.0)]):
            if start is not None and not (t.startswith("I-") and t[2:] == kind):
                out.append(Span(doc, group[start], group[k - 1] + 1, label=kind))
                probabilities.append(min(p for _, p in sentence_tags[start:k]))
                start = None
            if t.startswith("B-"):
                start, kind = k, t[2:]
    return remember(doc, out, probabilities)


def remember(doc: Doc, spans: Sequence[Span], probabilities: Sequence[float] | None = None) -> list[Span]:
    """Record ``spans`` as the trained model's over ``doc``, each with its probability (1 when not
    given), for ``confidence``, ``keep_sure`` and the vote; returns them."""
    probabilities = probabilities if probabilities is not None else [1.0] * len(spans)
    doc.user_data[_SURE] = {(s.start, s.end): (s.label_, p) for s, p in zip(spans, probabilities, strict=True)}
    return list(spans)


def _words(tokens: Sequence[Token]) -> list[tuple[str, int]]:
    """The model's words over a sentence's tokens, (text, tokens in it): spaCy splits "Song-ho" into
    three tokens where CoNLL-2003, which the model learnt from, keeps one word."""
    words: list[tuple[str, int]] = []
    last, glued, joinable = -2, False, False  # the previous token: index, no space after it, a hyphen
    for token in tokens:
        text = token.text
        if last == token.i - 1 and glued and (joinable or text == "-"):
            prev_text, n = words[-1]
            words[-1] = (prev_text + text, n + 1)
        else:
            words.append((text, 1))
        last, glued, joinable = token.i, not token.whitespace_, text == "-"
    return words


def _per_token(words: Sequence[tuple[str, int]], scored: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    """Word tags back onto the sentence's tokens (see ``_words``): a word's later tokens continue it."""
    out: list[tuple[str, float]] = []
    for (tag, p), (_, n) in zip(scored, words, strict=True):
        out.append((tag, p))
        out += [("I-" + tag[2:] if tag != "O" else "O", p)] * (n - 1)
    return out


def confidence(span: Span) -> float:
    """The trained model's probability of ``span`` (its least sure word), from the last
    ``trained_spans`` over its doc; 0 for a span it did not find."""
    return float(span.doc.user_data.get(_SURE, {}).get((span.start, span.end), ("", 0.0))[1])


def keep_sure(doc: Doc, before: Sequence[Span], after: Sequence[Span]) -> list[Span]:
    """``after`` (spans the rules retyped), where a rule moved a name the trained model is sure of
    out of its class, with the type the vote gave it back (``before``, the doc's entities)."""
    sure = {k: label for k, (label, p) in doc.user_data.get(_SURE, {}).items() if label != "MISC" and p >= SURE}
    if not sure:  # the model did not run (ner = spacy), or is sure of nothing here
        return list(after)
    voted = {(e.start, e.end): e.label_ for e in before}
    out = []
    for span in after:
        key = (span.start, span.end)
        cls = sure.get(key)
        label = voted.get(key)
        if cls is not None and label is not None and span.label_ not in FINE[cls] and label in FINE[cls]:
            span = Span(doc, span.start, span.end, label=label)
        out.append(span)
    return out


def _fine_label(span: Span, coarse: str, spacy_ents: Sequence[Span], misc_default: str | None = None) -> str | None:
    """The OntoNotes type of a trained span: spaCy's where it agrees with the class, else the default."""
    agreeing = [e for e in spacy_ents if e.label_ in FINE[coarse] and e.start < span.end and span.start < e.end]
    if agreeing:
        best = max(agreeing, key=lambda e: (min(e.end, span.end) - max(e.start, span.start), -abs(len(e) - len(span))))
        return best.label_
    if coarse == "PER":
        return "PERSON"
    if coarse == "ORG":
        return "ORG"
    if coarse == "LOC":
        return "GPE" if canonical_country(span.text) is not None or _is_city(span.text) else "LOC"
    if misc_default is not None:
        return misc_default
    return "NORP" if country_of_demonym(span.text) is not None or len(span) == 1 else "EVENT"


def _is_city(text: str) -> bool:
    from newsgraph.nlp.places import gazetteer

    return gazetteer().is_place(text)


def combine(doc: Doc, trained: Sequence[Span], spacy_ents: Sequence[Span], *, boundaries: str = BOUNDARIES,
            spacy_only: frozenset[str] = SPACY_ONLY, misc_default: str | None = None) -> list[Span]:
    """The vote: the trained class, spaCy's fine type where it agrees, spaCy's numbers.

    With ``boundaries="trained"`` a trained span keeps its own boundaries; with ``"spacy"`` a
    trained span that spaCy's entities of the same class overlap gives way to them (the rules
    after it were written on spaCy's boundaries). ``spacy_only`` and ``misc_default`` are the other
    alternatives ``eval ner`` was measured with."""
    if boundaries in {"retype", "retype-only"}:
        return _retype(doc, trained, spacy_ents, misc_default, add=boundaries == "retype")
    out: list[Span] = []
    taken: set[int] = set()
    for span in trained:
        agreeing = [e for e in spacy_ents if e.label_ in FINE[span.label_] and e.start < span.end and span.start < e.end]
        if boundaries == "spacy" and agreeing:
            for e in agreeing:
                if not taken.intersection(range(e.start, e.end)):
                    out.append(e)
                    taken.update(range(e.start, e.end))
            continue
        label = _fine_label(span, span.label_, spacy_ents, misc_default)
        if label is not None and not taken.intersection(range(span.start, span.end)):
            out.append(Span(doc, span.start, span.end, label=label))
            taken.update(range(span.start, span.end))
    covered = taken | {i for s in trained for i in range(s.start, s.end)}
    for ent in spacy_ents:
        if (ent.label_ in NUMERIC or ent.label_ in spacy_only) and not covered.intersection(range(ent.start, ent.end)):
            out.append(ent)
    return sorted(out, key=lambda s: s.start)


def _retype(doc: Doc, trained: Sequence[Span], spacy_ents: Sequence[Span], misc_default: str | None, *,
            add: bool = True) -> list[Span]:
    """spaCy's spans stay; a trained span with the same boundaries and another class retypes it, and
    a trained span that no spaCy name overlaps is added."""
    spacy_ents = _mend_boundaries(doc, trained, spacy_ents)
    exact = {(t.start, t.end): t for t in trained}
    out: list[Span] = []
    covered: set[int] = set()
    for ent in spacy_ents:
        if ent.label_ in NUMERIC:
            continue
        t = exact.get((ent.start, ent.end))
        if t is not None and ent.label_ not in FINE[t.label_] and _overrules(t):
            label = _fine_label(t, t.label_, (), misc_default)
            if label is None:
                continue
            ent = Span(doc, ent.start, ent.end, label=label)
        out.append(ent)
        covered.update(range(ent.start, ent.end))
    for t in trained if add else ():
        if covered.intersection(range(t.start, t.end)) or confidence(t) < ADD_AT_LEAST or _portfolio(t):
            continue
        if len(t) == 1 and t.label_ == "PER" and not _sure(t):
            continue  # one word spaCy did not find a name: a person only when the model is sure
        if _overrules(t) or _may_add_misc(t):
            label = _fine_label(t, t.label_, (), misc_default)
            if label is not None:
                out.append(Span(doc, t.start, t.end, label=label))
                covered.update(range(t.start, t.end))
    out += [e for e in spacy_ents if e.label_ in NUMERIC and not covered.intersection(range(e.start, e.end))]
    return sorted(out, key=lambda s: s.start)


DASHES = frozenset({"-", "–", "—", "--"})


def _is_figure(token: Any) -> bool:
    return any(c.isdigit() for c in token.text) and not any(c.isalpha() for c in token.text)


def _overreach(doc: Doc, outer: Span, inner: Sequence[Span]) -> bool:
    """Whether ``outer`` (spaCy's) runs past the trained names ``inner`` it holds into what is no name:

    figures ("Watkin 4-28", "Leicestershire 296"), a headline's topic before a spaced dash
    ("SOCCER - WALES"), common nouns after the name ("Interfax news agency") or a possessive and
    what it owns ("Cofinec 's Global Depositary Receipts")."""
    inside = {i for t in inner for i in range(t.start, t.end)}
    rest = [doc[i] for i in range(outer.start, outer.end) if i not in inside]
    if not rest:
        return False
    if any(t.text in DASHES and (t.whitespace_ or doc[t.i - 1].whitespace_) for t in rest if t.i > 0):
        return True  # a name does not cross a spaced dash
    if all(_is_figure(t) or t.is_punct for t in rest) and any(_is_figure(t) for t in rest):
        return True
    if len(inner) > 1 and all(t.text in {",", ";"} or t.lower_ == "and" for t in rest):
        return True  # names in a list run together ("Vaas, Muralitharan"); a hyphen joins, it stays
    last = max(t.end for t in inner)
    after = [doc[i] for i in range(last, outer.end)]
    if len(inner) == 1 and after and len(after) == len(rest):  # what is left is all after the name
        if after[0].text in {"'s", "’s", "'"}:
            return True
        if all(t.is_alpha and t.is_lower for t in after):
            return True
    return False


def _name_words(tokens: Sequence[Any]) -> bool:
    """Capitalised words that are neither a title ("Cardinal") nor a nationality ("American")."""
    return bool(tokens) and all(t.text[:1].isupper() and t.text.replace("-", "").replace("'", "").isalpha()
                                and not is_title_word(t.text)
                                and country_of_demonym(t.text) is None for t in tokens)


def _mend_boundaries(doc: Doc, trained: Sequence[Span], spacy_ents: Sequence[Span]) -> list[Span]:
    """spaCy's name spans mended where the trained spans show their boundaries wrong:

    - a name that runs on past the trained names inside it into what is no name (``_overreach``:
      figures, a headline's topic before a spaced dash, common nouns, a possessive, a list) is
      replaced by those trained names, spaCy's label kept for the vote that follows;
    - a name spaCy cut short or split ("Gunhild" + "Halle", "Trafford" of "Old Trafford") takes the
      trained span that holds it when the words it adds are capitalised name words (not a title
      such as "Cardinal", not a nationality such as "American") and no other name of spaCy's
      crosses that span.
    """
    out: list[Span] = []
    names = [e for e in spacy_ents if e.label_ not in NUMERIC]
    taken: set[int] = set()
    for ent in spacy_ents:
        if ent.label_ in NUMERIC:
            out.append(ent)
            continue
        inner = [t for t in trained if ent.start <= t.start and t.end <= ent.end and (t.start, t.end) != (ent.start, ent.end)]
        if inner and _overreach(doc, ent, inner):
            out += [Span(doc, t.start, t.end, label=ent.label_) for t in inner]
            continue
        out.append(ent)
    mended: list[Span] = []
    people = {w for e in names if e.label_ == "PERSON" for w in e.text.split()}  # words of its people's names
    for t in trained:
        held = [e for e in names if t.start <= e.start and e.end <= t.end and (e.start, e.end) != (t.start, t.end)]
        crossing = [e for e in names if e.start < t.end and t.start < e.end and e not in held]
        if not held or crossing or t.label_ == "MISC" or not t.text.isascii():
            continue
        if _before_title(t):
            continue  # "South Korean Defence Minister": capitalised words before a title are its portfolio
        added = [doc[i] for i in range(t.start, t.end) if not any(e.start <= i < e.end for e in held)]
        if t.label_ == "PER" and any(len(e) >= 2 and e.label_ == "PERSON" for e in held) and any(a.text in people for a in added):
            continue  # "Mitch McConnell Trump" (a full stop lost): a full name and another person's name
        if _name_words(added) and not taken.intersection(range(t.start, t.end)):
            label = next((e.label_ for e in held if e.label_ in FINE[t.label_]), None)
            if label is None and _may_retype(t):  # another class: the same checks as a retyping
                label = _fine_label(t, t.label_, ())
            if label is not None:
                mended.append(Span(doc, t.start, t.end, label=label))
                taken.update(range(t.start, t.end))
    if mended:
        out = [e for e in out if not taken.intersection(range(e.start, e.end))] + mended
    return sorted(out, key=lambda s: (s.start, s.end))


EVENT_HEADS = frozenset({"cup", "open", "championship", "championships", "games", "olympics", "war", "festival",
                         "tour", "trophy", "prix", "masters", "classic", "marathon", "rally", "summit", "series"})


def _may_add_misc(span: Span) -> bool:
    """A MISC name spaCy missed that is added: a nationality the countries table knows (→ NORP)
    or a named happening of two words or more ending in an event word ("World
    Cup", "British Masters" → EVENT). Other MISC (products, indices, currencies) have no type of
    ours the model tells apart, so they stay out."""
    if span.label_ != "MISC" or not span.text.isascii():
        return False
    if len(span) == 1:
        return country_of_demonym(span.text) is not None
    return span[-1].text.lower() in EVENT_HEADS and all(t.text[:1].isupper() or t.is_digit or t.is_lower and t.text in {"of", "de"}
                                                        for t in span)


SURE = 0.9  # the trained model's probability at which its class overrules spaCy's type


def _sure(span: Span) -> bool:
    """Whether the trained model is sure enough of ``span`` to overrule spaCy's type: a name in
    Latin letters (it learnt from English news), a MISC only where it has a type of ours
    (``_may_add_misc``: a nationality, a named event)."""
    return confidence(span) >= SURE and _latin(span.text) and (span.label_ != "MISC" or _may_add_misc(span))


def _latin(text: str) -> bool:
    """Whether every letter of ``text`` is a Latin one ("São Paulo" is, "Павел" is not)."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in text if c.isalpha())


ADD_AT_LEAST = 0.6  # a name spaCy missed is added only when the trained model gives it at least this


def _overrules(span: Span) -> bool:
    """Whether the trained class of ``span`` wins over spaCy's: where the guards allow it
    (``_may_retype``), or where the model is sure, but never a big city made a person."""
    return _may_retype(span) or (_sure(span) and not _city_person(span))


_BIG_TOWN = 100_000  # a city this large is not a person however sure the model is


def _city_person(span: Span) -> bool:
    """A "person" the gazetteer knows as a city of 100,000 people or more ("Addis Ababa"): the
    model's confidence does not overrule it (a town's name is as often a surname: "Dole")."""
    from newsgraph.nlp.places import gazetteer

    return span.label_ == "PER" and gazetteer().is_city(span.text, min_population=_BIG_TOWN)


def _before_title(span: Span) -> bool:
    """Whether a title's head follows the span: "Defence" of "Defence Minister" is its portfolio."""
    return span.end < len(span.doc) and is_head(span.doc[span.end].lower_)


def _portfolio(span: Span) -> bool:
    """Whether the span is a title's portfolio, before its head ("Defence" of "Defence Minister")
    or ending its "of"/"for" ("Minister of Foreign [Affairs]")."""
    if _before_title(span):
        return True
    doc = span.doc
    i = span.start - 1
    while i > 0 and doc[i].text[:1].isupper() and not is_head(doc[i].lower_):
        i -= 1
    return i > 0 and doc[i].lower_ in PORTFOLIO_LINKS and is_head(doc[i - 1].lower_)


def _may_retype(span: Span) -> bool:
    """Where the trained class may overrule spaCy's: English-script names, never to MISC, a place
    only when the gazetteer knows it and a person never when it does (the golden set's errors)."""
    if not span.text.isascii() or span.label_ == "MISC":
        return False
    if span.label_ == "LOC":
        return _is_city(span.text) or canonical_country(span.text) is not None
    if span.label_ == "PER":
        return not _is_city(span.text)
    return True


class Combiner:
    """The ``newsgraph_recogniser`` component: the trained spans voting with spaCy's in ``doc.ents``."""

    def __init__(self) -> None:
        self.model = recogniser()  # loaded with the pipeline, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        spacy_ents = list(doc.ents)
        names = [e for e in spacy_ents if e.label_ not in NUMERIC]
        # the pipeline's vote only retypes spaCy's names: sentences without one need no model run
        trained = trained_spans(doc, self.model, only=names if BOUNDARIES == "retype-only" else None)
        doc.user_data["newsgraph_spacy_ents"] = tuple((e.start, e.end, e.label_) for e in spacy_ents)
        doc.user_data["newsgraph_trained_ents"] = tuple((e.start, e.end, e.label_) for e in trained)
        doc.ents = combine(doc, trained, spacy_ents)
        return doc


def _make(nlp: Language, name: str) -> Any:
    return Combiner()


if not Language.has_factory("newsgraph_recogniser"):
    Language.factory("newsgraph_recogniser", func=_make)


def spacy_entities(doc: Doc) -> list[Span]:
    """spaCy's own entities of a doc the recogniser ran over (its ``doc.ents`` otherwise)."""
    saved = doc.user_data.get("newsgraph_spacy_ents")
    if saved is None:
        return list(doc.ents)
    return [Span(doc, s, e, label=label) for s, e, label in saved]


__all__ = ["NAME", "Recogniser", "casing_class", "check_model", "combine", "recogniser", "spacy_entities", "trained_spans"]
