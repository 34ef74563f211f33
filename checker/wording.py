"""How plancheck compares two pieces of plan text: by their words alone.

Lower case, letters and digits (with % and £), every other character a word
break: "Wing A - showers (repair)" and "wing a showers repair" compare equal.
The parser uses it to spot a cell repeated after a page break, the duplicate
check to find an action written twice, suppressions to find the action they
name by the start of its text.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9£%]+")


def comparable(text: str) -> str:
    """The text's words, lower case, one space apart."""
    return " ".join(_WORD.findall(text.lower()))
