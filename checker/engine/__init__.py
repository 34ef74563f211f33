"""Rules at work: rule packs and their loading (``packs.py``, ``registry.py``),
which rules a selector names (``selection.py``), suppressions, the engine that
lints one plan (``core.py``) and the rules' self-test."""
