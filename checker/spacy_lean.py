"""``import spacy`` without spaCy's command line, which plancheck never uses.

spaCy's ``__init__`` imports ``spacy.cli.info`` for its ``spacy.info`` helper, and
with it the whole command line (typer, the download and training commands,
their HTTP and config machinery): about a third of what ``import spacy`` costs.
Before spaCy is first imported, ``import_spacy`` puts a stand-in for
``spacy.cli`` in ``sys.modules`` that loads the real package the moment anyone
touches it (an attribute, ``spacy.info()``, ``import spacy.cli.download``), so
nothing changes for code that does use the command line. If a spaCy release
imports more of its command line at start-up than the stand-in covers, the
import is simply retried the ordinary way; a test says when that happens.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

_CLI = "spacy.cli"
_INFO = "spacy.cli.info"


class _LazyPackage(types.ModuleType):
    """Stands in for a package; the first use runs the real package into this object."""

    def __init__(self, name: str, folder: Path) -> None:
        super().__init__(name)
        self.__path__ = [str(folder)]  # submodules import as usual
        self.__file__ = str(folder / "__init__.py")
        self.__dict__["_plancheck_loaded"] = False

    def _plancheck_load(self) -> None:
        if self.__dict__["_plancheck_loaded"]:
            return
        self.__dict__["_plancheck_loaded"] = True
        if sys.modules.get(_INFO) is _info_stub:
            del sys.modules[_INFO]
        spec = importlib.util.spec_from_file_location(
            self.__name__, self.__file__, submodule_search_locations=list(self.__path__)
        )
        if spec is None or spec.loader is None:  # pragma: no cover - spaCy moved its files
            raise ImportError(f"cannot load {self.__name__}")
        self.__spec__ = spec
        spec.loader.exec_module(self)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        self._plancheck_load()
        return self.__dict__[name] if name in self.__dict__ else super().__getattribute__(name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, loaded on first call."""
    cli = sys.modules.get(_CLI)
    if isinstance(cli, _LazyPackage):
        cli._plancheck_load()
    real = importlib.import_module(_INFO).info
    return real(*args, **kwargs)


_info_stub = types.ModuleType(_INFO)
_info_stub.info = _info  # type: ignore[attr-defined]


def import_spacy() -> types.ModuleType:
    """spaCy, imported without its command line when this is the first import of it."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    found = importlib.util.find_spec("spacy")
    if found is None or found.origin is None:
        return importlib.import_module("spacy")  # let the ordinary import say what is wrong
    folder = Path(found.origin).parent / "cli"
    sys.modules[_CLI] = _LazyPackage(_CLI, folder)
    sys.modules[_INFO] = _info_stub
    try:
        module = importlib.import_module("spacy")
        # as the ordinary import binds a loaded submodule to its package
        setattr(module, "cli", sys.modules[_CLI])  # noqa: B010
        return module
    except ImportError:
        # this spaCy wants more of its command line at start-up: import it as it is
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        return importlib.import_module("spacy")


def lean() -> bool:
    """Whether spaCy was imported without its command line (for tests and benchmarks)."""
    cli = sys.modules.get(_CLI)
    return isinstance(cli, _LazyPackage) and not cli.__dict__["_plancheck_loaded"]
