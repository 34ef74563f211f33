"""plancheck: a linter for the quality of prison action plans."""

# The one place the version is written: pyproject.toml reads it from here (hatch), and a
# constant costs nothing at start-up, where importlib.metadata costs ~45 ms on every run.
__version__ = "0.1.0"

# Where plancheck is published: users install it from here by tag (the CI snippets, the
# GitHub Action, the GitLab template) and SARIF links each rule to its page here.
# pyproject.toml's [project.urls] names the same address; a test keeps the two equal.
REPOSITORY = "https://github.com/plancheck/plancheck"


def release_tag(version: str = __version__) -> str:
    """The git tag a release is published under."""
    return f"v{version}"


def rule_doc_url(code: str, version: str = __version__) -> str:
    """The page of one of plancheck's own rules, in the repository at this release's tag."""
    return f"{REPOSITORY}/blob/{release_tag(version)}/docs/rules/{code}.md"
