"""The package's layout holds: the command line and the stand-in are built on the public API
only, so what they need is there for users too, and the runtime can change behind it."""

from __future__ import annotations

import ast
from pathlib import Path

import bandwidth
import bandwidth.testing

PACKAGE = Path(bandwidth.__file__).parent
RUNTIME_PRIVATE = {p.stem for p in PACKAGE.glob("_*.py")} - {"__init__", "__main__"}
# Built on the public API: the command line (its entry point and its commands) and the
# stand-in's modules. Only ``testing/__init__.py`` may name runtime modules: it declares the
# public ``bandwidth.testing`` names, as ``bandwidth/__init__.py`` declares ``bandwidth``'s.
USERS_OF_THE_API = [
    PACKAGE / "_cli.py",
    PACKAGE / "_commands.py",
    PACKAGE / "__main__.py",
    *sorted(p for p in (PACKAGE / "testing").glob("*.py") if p.name != "__init__.py"),
]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.endswith("__")  # ``__version__`` is public


def _private_names(source: str, *, in_package: bool) -> list[str]:
    """Each private runtime name a module's ``source`` imports or reads: ``bandwidth._x``
    modules, and names starting with ``_`` imported from ``bandwidth``. ``in_package``: the
    module is in ``bandwidth/`` itself, where ``from ._x`` is a runtime module."""
    tree = ast.parse(source)
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0:
                parts = module.split(".")
            elif (node.level == 1 and in_package) or node.level == 2:
                parts = ["bandwidth", *module.split(".")] if module else ["bandwidth"]
            else:
                continue  # the stand-in's own modules (``from ._fake import``)
            if parts[0] != "bandwidth":
                continue
            if any(part.startswith("_") for part in parts[1:]) and parts[1:] != ["_commands"]:
                found.append(f"from {module or '.'} (line {node.lineno})")
            found += [
                f"{module}.{alias.name} (line {node.lineno})"
                for alias in node.names
                if _private(alias.name)
            ]
        elif isinstance(node, ast.Import):
            found += [
                f"import {alias.name} (line {node.lineno})"
                for alias in node.names
                if alias.name.startswith("bandwidth._")
            ]
        elif (
            isinstance(node, ast.Attribute)
            and _private(node.attr)
            and isinstance(node.value, ast.Name)
            and node.value.id == "bandwidth"
        ):
            found.append(f"bandwidth.{node.attr} (line {node.lineno})")
    return found


def test_the_cli_and_the_stand_in_use_only_public_names() -> None:
    used = {
        path.name: _private_names(
            path.read_text(encoding="utf-8"), in_package=path.parent == PACKAGE
        )
        for path in USERS_OF_THE_API
    }
    assert {name: found for name, found in used.items() if found} == {}


def test_the_check_finds_each_kind_of_private_use() -> None:
    # The check above would pass on any file if it could not see a private import.
    source = (
        "import bandwidth\n"
        "from bandwidth._rate import clock\n"
        "from bandwidth import _present_as, Client\n"
        "from .. import _waits\n"
        "from ._fake import Fault\n"  # the stand-in's own module: allowed
        "bandwidth._client.Client\n"
        "import bandwidth._journal\n"
    )
    found = _private_names(source, in_package=False)
    assert sorted(entry.split(" (")[0] for entry in found) == [
        "._waits",
        "bandwidth._client",
        "bandwidth._present_as",
        "from bandwidth._rate",
        "import bandwidth._journal",
    ], found


def test_runtime_modules_are_known() -> None:
    # So that a new runtime module is covered by the check without editing it.
    assert {"_client", "_bulk", "_journal", "_rate", "_validation"} <= RUNTIME_PRIVATE
