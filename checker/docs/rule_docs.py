"""The pages of plancheck's own rules, ``docs/rules/CODE.md``, generated from the rule files.

SARIF's ``helpUri`` links each rule to its page in the repository at the release's
tag (``checker.rule_doc_url``), so the pages are committed. ``python -m
checker.docs.rule_docs`` rewrites them; ``--check`` says whether any is stale
(a test runs it), so a page never says something its rule file does not.
"""

from __future__ import annotations

import sys
from pathlib import Path

from checker.config import Settings
from checker.docs.rule_page import rule_markdown
from checker.engine.packs import builtin_pack_dir, load_pack
from checker.engine.registry import check_types

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"
INDEX = "README.md"


def pages() -> dict[str, str]:
    """File name -> page, for every rule of the built-in pack, and the index."""
    settings = Settings()
    rules = load_pack(
        builtin_pack_dir(), check_types(), settings.severity, settings.weights, settings.rules
    )
    out: dict[str, str] = {}
    index = [
        "# plancheck's rules",
        "",
        "Generated from `rules/` by `python -m checker.docs.rule_docs`; do not edit by hand.",
        "",
        "| code | name | criterion | summary |",
        "|---|---|---|---|",
    ]
    for rule in sorted(rules, key=lambda r: r.code):
        options = {
            name: field.description or ""
            for name, field in rule.check.options_model.model_fields.items()
        }
        out[f"{rule.code}.md"] = rule_markdown(rule.spec, options)
        summary = " ".join(rule.spec.summary.split()).replace("|", "\\|")
        index.append(
            f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.spec.criterion} | {summary} |"
        )
    out[INDEX] = "\n".join(index) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    fresh = pages()
    stale = sorted(
        name
        for name, text in fresh.items()
        if not (DOCS / name).is_file() or (DOCS / name).read_text(encoding="utf-8") != text
    )
    extra = sorted(p.name for p in DOCS.glob("*.md") if p.name not in fresh)
    if check:
        for name in [*stale, *extra]:
            print(f"docs/rules/{name} is stale (run python -m checker.docs.rule_docs)")
        return 1 if stale or extra else 0
    DOCS.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (DOCS / name).write_text(fresh[name], encoding="utf-8")
    for name in extra:
        (DOCS / name).unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
