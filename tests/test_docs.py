"""Generated files stay in step with their sources."""

from __future__ import annotations

import pytest

from checker.docs import lemmas, rule_docs, ruletable, schemas


def test_readme_rule_table_is_current() -> None:
    assert ruletable.main(["--check"]) == 0


def test_rule_pages_are_current() -> None:
    """docs/rules/CODE.md, which SARIF's helpUri links to, says what the rule files say."""
    assert rule_docs.main(["--check"]) == 0


def test_schemas_are_current() -> None:
    assert schemas.main(["--check"]) == 0


def test_the_shipped_lemma_table_is_spacys() -> None:
    pytest.importorskip("spacy_lookups_data")  # a dev dependency: only to refresh the table
    assert lemmas.main(["--check"]) == 0


def test_readme_starts_with_the_two_setup_commands() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "pip install" in block[0] and "plancheck lint examples/" in block[0]
    assert block[1] == ".venv/bin/python -m pytest -q"
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1] in ci
