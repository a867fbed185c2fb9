"""``python -m bandwidth``: the ``bandwidth-messaging`` command line tool."""

from ._cli import main

main()
