"""The English lemma table plancheck ships, copied from spaCy's ``spacy-lookups-data``.

plancheck reads one 205 KB file of that 99 MB package (``en_lemma_lookup.json.gz``),
so the wheel carries the file itself (``checker/lemmas/``, with the package's MIT
licence) and the package is needed only to refresh it: ``python -m
checker.docs.lemmas`` writes it, ``--check`` says whether it is stale (a test runs
the check where the package is installed).
"""

from __future__ import annotations

import sys
from pathlib import Path

NAME = "en_lemma_lookup.json.gz"
SHIPPED = Path(__file__).resolve().parents[1] / "lemmas"


def _source() -> tuple[Path, Path]:
    """The table and the licence in the installed spacy-lookups-data."""
    import spacy_lookups_data

    package = Path(spacy_lookups_data.__file__).parent
    dist = next(package.parent.glob("spacy_lookups_data-*.dist-info"))
    return package / "data" / NAME, dist / "LICENSE"


def stale() -> list[str]:
    """The shipped files that differ from the installed package's."""
    table, licence = _source()
    pairs = [(table, SHIPPED / NAME), (licence, SHIPPED / "LICENSE-spacy-lookups-data")]
    return [
        dst.name for src, dst in pairs if not dst.is_file() or dst.read_bytes() != src.read_bytes()
    ]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        out = stale()
        if out:
            print(f"stale lemma files: {', '.join(out)} (run python -m checker.docs.lemmas)")
            return 1
        return 0
    table, licence = _source()
    SHIPPED.mkdir(exist_ok=True)
    (SHIPPED / NAME).write_bytes(table.read_bytes())
    (SHIPPED / "LICENSE-spacy-lookups-data").write_bytes(licence.read_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
