"""Dates: the grammar (``grammar.py``), target cells (``targets.py``), dates in prose
and headers (``prose.py``), and month arithmetic with the one season table
(``calendar.py``)."""
