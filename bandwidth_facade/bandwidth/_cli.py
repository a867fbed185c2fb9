"""``bandwidth-messaging`` (also ``python -m bandwidth``): the Messaging API from a shell.

This entry point only checks that click (the ``cli`` extra) is installed, then runs the
commands of ``_commands.py``, which say what they print and how they exit.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> None:
    try:
        import click  # noqa: F401 - the extra the commands need
    except ImportError:
        sys.stderr.write(
            "bandwidth-messaging needs click: pip install 'bandwidth-messaging[cli]'\n"
        )
        raise SystemExit(2) from None
    from ._commands import cli

    cli.main(args=argv, prog_name="bandwidth-messaging")
