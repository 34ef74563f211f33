"""Which rules a selector names: the one definition --select, --ignore, extend-select,
per-file-ignores and the engine all use.

A selector is ``ALL``, a criterion letter (``S``), a code or code prefix
(``PC-S001``, ``PC-S``, ``PC``), a rule's name (``vague-commitment``) or one of
its earlier names (``aliases`` in the rule file), in any case. The more specific
match wins: a name or full code over a prefix, a prefix over a letter, anything
over ``ALL``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.engine.packs import Rule


def specificity(rule: Rule, selectors: Iterable[str]) -> int:
    """Length of the longest selector matching the rule, -1 for none."""
    best = -1
    for sel in selectors:
        s = sel.strip().upper()
        if not s:
            continue
        if s == "ALL":
            best = max(best, 0)
        elif len(s) == 1 and s == rule.criterion.upper():
            best = max(best, 3)  # a criterion letter is as specific as the prefix 'PC-X'
        elif rule.name.upper() == s or s in (a.upper() for a in rule.spec.aliases):
            best = max(best, len(rule.code))
        elif rule.code.upper().startswith(s):
            best = max(best, len(s))
    return best


def named(rule: Rule, selectors: Iterable[str]) -> bool:
    """Does any selector name this rule?"""
    return specificity(rule, selectors) >= 0
