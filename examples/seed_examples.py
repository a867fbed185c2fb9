"""The examples of the user documentation (messaging_api.rst), run end to end.

With BANDWIDTH_USER_ID, BANDWIDTH_API_TOKEN and BANDWIDTH_API_SECRET set this talks to the real
API (set BANDWIDTH_FROM and BANDWIDTH_TO to numbers of yours: real messages are sent). Without
them it starts the package's stand-in of the API on loopback, runs against it, and stops it.
"""

from __future__ import annotations

import datetime as dt
import os
import pprint
from contextlib import AbstractContextManager, nullcontext

import bandwidth
from bandwidth.testing import FakeMessagingAPI, FakeServer

DOCUMENTED_ID = "m-na6cpyjf2qcpz6l3drhcx7y"


def stand_in() -> FakeServer:
    # Its clock on the day after the documented message: the API keeps a message's text for 3
    # days, so the stand-in on today's date would give the 2017 message back without its text.
    fake = FakeMessagingAPI(
        "u-user", "t-token", "s-secret", clock=lambda: dt.datetime(2017, 2, 2, tzinfo=dt.UTC)
    )
    # The message the documentation fetches, as Bandwidth would hold it after receiving it.
    fake.add_message(
        id=DOCUMENTED_ID,
        callbackUrl="https://yoursite.com/message",
        direction="in",
        from_="+19193047864",
        media=[],
        skipMMSCarrierValidation=True,
        state="received",
        text="Hey there",
        time="2017-02-01T21:10:32Z",
        to="+19191234567",
    )
    return FakeServer(fake)


def main() -> None:
    real = all(os.environ.get(f"BANDWIDTH_{n}") for n in ("USER_ID", "API_TOKEN", "API_SECRET"))
    sender = os.environ.get("BANDWIDTH_FROM", "+1234567980") if real else "+1234567980"
    receiver = os.environ.get("BANDWIDTH_TO", "+1234567981") if real else "+1234567981"
    server: AbstractContextManager[FakeServer | None] = nullcontext() if real else stand_in()
    with server as running:
        if running is None:
            print("Using the real Bandwidth API")
            messaging_api = bandwidth.client("messaging")
        else:
            print(f"Using the local stand-in of the API at {running.url}")
            messaging_api = bandwidth.client(
                "messaging", "u-user", "t-token", "s-secret", api_endpoint=running.url
            )
        with messaging_api:
            print("\n# Send Text Message")
            message_id = messaging_api.send_message(from_=sender, to=receiver, text="SMS message")
            print(message_id)

            print("\n# Send Picture Message")
            message_id = messaging_api.send_message(
                from_=sender, to=receiver, text="MMS message", media=["http://cat.com/cat.png"]
            )
            print(message_id)

            print("\n# Bulk Send Picture or Text messages (or both)")
            results = messaging_api.send_messages(
                [
                    {"from": sender, "to": receiver, "text": "SMS message"},
                    {
                        "from": sender,
                        "to": "+1234567982" if not real else receiver,
                        "text": "SMS message2",
                    },
                ]
            )
            pprint.pprint(results, sort_dicts=True)

            print("\n# Fetch information about single message")
            my_message = messaging_api.get_message(message_id if real else DOCUMENTED_ID)
            pprint.pprint(my_message, sort_dicts=True)

            print("\n# List messages (newest first, first 3)")
            for message in messaging_api.list_messages(size=2, limit=3):
                print(message["id"], message["direction"], message.get("text"))


if __name__ == "__main__":
    main()
