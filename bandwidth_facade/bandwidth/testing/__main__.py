"""``python -m bandwidth.testing serve [--host H] [--port N]``: the fake API on loopback."""

from __future__ import annotations

import argparse

from . import FakeMessagingAPI, serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bandwidth.testing", description="A stand-in for Bandwidth's Messaging API."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the fake API over HTTP")
    run.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    run.add_argument("--port", type=int, default=8080, help="port (0 picks a free one)")
    run.add_argument("--user-id", default="u-user")
    run.add_argument("--api-token", default="t-token")
    run.add_argument("--api-secret", default="s-secret")
    args = parser.parse_args(argv)
    serve(FakeMessagingAPI(args.user_id, args.api_token, args.api_secret), args.host, args.port)


if __name__ == "__main__":
    main()
