"""The spaCy pipeline: built once per process, run once per text, only if a rule needs it.

The default pipeline is ``spacy.blank("en")`` (its rule-based tokenizer) with a
lemmatizer component of ours that looks words up in spaCy's English lookup
table (from ``spacy-lookups-data``, shipped in ``checker/lemmas/`` so that the 99 MB
package is not installed for one 205 KB file). Two things differ from spaCy's own lookup mode,
both measured on the corpus:

* case is folded before the lookup: plans open sentences with "Explore ...",
  "Reviewing ...", which spaCy's table (keyed on the text as written) leaves
  unlemmatised;
* the table is cut down to the forms of the lemmas the rule packs use, and
  that small table is cached on disk, because loading the full English table
  costs about half a second of every cold run. A word outside it keeps its
  lower-case form as lemma, which no rule can tell apart.

A trained pipeline (``pipeline = "en_core_web_sm"`` in config) is used when the
user names it and it is installed; it brings part-of-speech tags, which rules
may declare they need. Nothing is ever downloaded.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BLANK = "blank:en"
_COMPONENT = "plancheck_lemmatizer"


# spaCy's English lookup table, shipped with plancheck (see checker/docs/lemmas.py)
LEMMA_FILE = Path(__file__).resolve().parent / "lemmas" / "en_lemma_lookup.json.gz"


def _full_table() -> dict[str, str]:
    with gzip.open(LEMMA_FILE, "rt", encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    return table


def lemma_table(vocabulary: Iterable[str], cache_dir: Path | None = None) -> dict[str, str]:
    """Form -> lemma for every form whose lemma (or itself) is in the vocabulary."""
    from checker.cache import keyed

    vocab = sorted({w.lower() for w in vocabulary if w})
    # keyed under the machine's cache secret, like results: a table planted in a
    # repository's cache folder is never read
    key = keyed("\n".join(vocab).encode("utf-8", "surrogateescape"))[:32]
    cached = cache_dir / f"lemmas-{key}.json" if cache_dir else None
    if cached is not None and cached.is_file():
        try:
            data = json.loads(cached.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            return data  # anything else (a wrong shape) is a miss, rewritten below
    wanted = set(vocab)
    table: dict[str, str] = {}
    for word in vocab:  # regular inflections first: the table has gaps and slips ("developing")
        for form in _inflections(word):
            table.setdefault(form, word)
    full = _full_table()
    for form, lemma in full.items():
        if lemma.lower() in wanted:
            table[form.lower()] = lemma.lower()
    for (
        word
    ) in vocab:  # a pack word the table turns into a non-pack word ("meeting" -> "meet") stays
        if full.get(word, word).lower() not in wanted:
            table[word] = word
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_text(json.dumps(table, sort_keys=True), encoding="utf-8")
            tmp.replace(cached)
        except OSError:
            pass  # a read-only cache is no reason to fail the lint
    return table


_VOWELS = frozenset("aeiou")


def _inflections(word: str) -> set[str]:
    """Regular inflections of a verb or noun lemma: -s, -es, -ed, -ing, doubled consonants."""
    if not word.isalpha() or len(word) < 3:
        return set()
    out = {word + "s", word + "ed", word + "ing"}
    if word.endswith("e"):
        out |= {word + "d", word[:-1] + "ing"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        out.add(word + "es")
    if word.endswith("y") and word[-2] not in _VOWELS:
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (
        len(word) <= 4
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return out


class FoldedLookupLemmatizer:
    """Sets ``token.lemma_`` from a lower-cased lookup; unknown words keep their lower case."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self._lemma_of: dict[int, int] = {}  # a lower-case form's hash -> its lemma's hash

    def __call__(self, doc: Doc) -> Doc:
        # read and written as arrays of the vocabulary's hashes: a Token object per word,
        # made to read ``lower_`` and set ``lemma_``, cost twice the time
        import numpy
        from spacy.attrs import LEMMA, LOWER

        if not len(doc):
            return doc
        strings = doc.vocab.strings
        lemma_of = self._lemma_of
        if len(lemma_of) > 1_000_000:  # a long-lived server meets ever more words
            lemma_of.clear()
        lemmas = []
        lows = [int(h) for h in doc.to_array(LOWER).reshape(-1).tolist()]
        for low in lows:
            lemma = lemma_of.get(low)
            if lemma is None:
                form = strings[low]
                lemma = lemma_of[low] = strings.add(self.table.get(form, form))
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc


_TABLES: dict[str, dict[str, str]] = {}
_REGISTERED: list[bool] = []


def _register() -> None:
    """Make our lemmatizer a spaCy component ("plancheck_lemmatizer"), once per process."""
    if _REGISTERED:
        return
    from spacy.language import Language

    def make(nlp: Language, name: str, table: str) -> FoldedLookupLemmatizer:
        return FoldedLookupLemmatizer(_TABLES[table])

    Language.factory(_COMPONENT, default_config={"table": ""}, func=make)
    _REGISTERED.append(True)


class Annotator:
    """Builds the pipeline lazily and keeps one Doc per distinct text."""

    def __init__(
        self,
        vocabulary: Iterable[str] = (),
        pipeline: str | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.vocabulary = frozenset(vocabulary)
        self.pipeline = pipeline or BLANK
        self.cache_dir = cache_dir
        self._nlp: Language | None = None
        self._docs: dict[str, Doc] = {}

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = self._build()
        return self._nlp

    @property
    def has_pos(self) -> bool:
        return self.pipeline != BLANK and (
            "tagger" in self.nlp.pipe_names or "morphologizer" in self.nlp.pipe_names
        )

    def _build(self) -> Language:
        from checker.spacy_lean import import_spacy

        import_spacy()  # first, so that spaCy comes without its command line
        import spacy

        if self.pipeline == BLANK:
            nlp = spacy.blank("en")
            _register()
            key = hashlib.sha256(" ".join(sorted(self.vocabulary)).encode()).hexdigest()[:16]
            from checker.cache_keys import build_folder

            _TABLES[key] = lemma_table(self.vocabulary, self.cache_dir or build_folder())
            nlp.add_pipe(_COMPONENT, config={"table": key})
            # sentence bounds: "in the same sentence" and a commitment's head need them
            nlp.add_pipe("sentencizer")
            return nlp
        try:
            return spacy.load(self.pipeline, exclude=["ner"])
        except OSError as exc:
            raise ConfigError(
                f"spaCy pipeline '{self.pipeline}' is not installed (plancheck never downloads "
                "one): install its package, or remove 'pipeline' from the config to use the "
                f"built-in one ({exc.__class__.__name__})"
            ) from None

    def annotate(self, texts: Iterable[str]) -> None:
        """Run the pipeline once, batched, over the texts not seen yet."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._docs))
        if not todo:
            return
        for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=256), strict=True):
            self._docs[text] = doc

    def forget(self) -> None:
        """Drop the Docs kept so far: a batch of many plans must not hold every text it read."""
        self._docs.clear()

    def doc(self, text: str) -> Doc:
        if text not in self._docs:
            self.annotate([text])
        return self._docs[text]
