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
    run.add_argument(
        "--messages",
        type=int,
        default=0,
        metavar="N",
        help="start with N received messages (for trying out listing)",
    )
    run.add_argument(
        "--latency-ms",
        type=float,
        default=0.0,
        metavar="MS",
        help="delay every answer, as a real network and API do",
    )
    run.add_argument(
        "--messages-per-second",
        type=float,
        metavar="RATE",
        help="enforce the account's send rate, as the API does (403 message-rate-limit)",
    )
    run.add_argument(
        "--burst", type=int, metavar="N", help="messages at once (default: the rate + 10)"
    )
    run.add_argument(
        "--per-number-rate",
        type=float,
        metavar="RATE",
        help="enforce each long-code number's rate (403 message-rate-limit-per-tn)",
    )
    args = parser.parse_args(argv)
    fake = FakeMessagingAPI(
        args.user_id,
        args.api_token,
        args.api_secret,
        messages_per_second=args.messages_per_second,
        burst=args.burst,
        per_number_messages_per_second=args.per_number_rate,
    )
    for index in range(args.messages):
        # Shaped as the API sends them: every property its documentation lists.
        fake.add_message(
            from_="+19193047864",
            to="+19191234567",
            text=f"message {index}",
            time="2017-02-01T21:10:32Z",
            media=["https://api.catapult.inetwork.com/v1/users/u-user/media/image-1.jpg"],
            callbackUrl="https://yoursite.com/message",
            callbackHttpMethod="POST",
            callbackTimeout=10000,
            fallbackUrl="https://yoursite.com/fallback",
            tag=f"order-{index}",
            receiptRequested="all",
            deliveryState="delivered",
            deliveryCode=0,
            deliveryDescription="Message delivered to carrier.",
            skipMMSCarrierValidation=True,
            segmentCount=1,
        )
    serve(fake, args.host, args.port, args.latency_ms / 1000)


if __name__ == "__main__":
    main()
