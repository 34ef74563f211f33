"""plancheck: a linter for the quality of prison action plans."""

# The one place the version is written: pyproject.toml reads it from here (hatch), and a
# constant costs nothing at start-up, where importlib.metadata costs ~45 ms on every run.
__version__ = "0.1.0"
