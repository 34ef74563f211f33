"""Shared test set-up: Hypothesis profiles.

``ci`` (the default) keeps Hypothesis's own settings; ``long`` runs 5000
examples per property, ``soak`` 25000, for a soak before a release:
``HYPOTHESIS_PROFILE=long pytest tests``.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", settings())
settings.register_profile("long", max_examples=5000)
settings.register_profile("soak", max_examples=25000)  # half an hour or more, before a release
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(autouse=True)
def _own_user_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test has its own user cache folder (results and the cache secret), never ~/.cache."""
    from checker.cache import machine_secret

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
    machine_secret.cache_clear()


@pytest.fixture
def shared() -> Path:
    """../shared beside the project; tests that need it skip cleanly without it."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the expected outputs under tests/golden/ from the current code",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to refresh golden files (never done silently)."""
    return bool(request.config.getoption("--update-golden"))
