"""``bandwidth-messaging`` (also ``python -m bandwidth``): the Messaging API from a shell.

Output is JSON (one document, or JSON lines for listings and bulk results), or a table with
``--table``. Failures exit non-zero with the API's error on stderr: 1 for a refused or failed
call, 2 for bad input (nothing was sent). The commands are in ``_commands.py``; this entry
point only checks that click (the ``cli`` extra) is installed first.
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
