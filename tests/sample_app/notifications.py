"""A small application using the SDK, as a user would write it: the subject of test_sample_app.

It texts customers about their orders, handles Bandwidth's callbacks (replies and delivery
receipts), and never sends a customer the same update twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import bandwidth
from bandwidth import messaging

SHOP_NUMBER = "+19195550100"


@dataclass
class Outbox:
    """What the shop has sent, and what it must not send again."""

    accepted: dict[str, str] = field(default_factory=dict)  # order id -> message id
    in_doubt: list[str] = field(default_factory=list)  # orders whose text may have gone out
    refused: dict[str, str] = field(default_factory=dict)  # order id -> reason
    opted_out: set[str] = field(default_factory=set)
    delivered: set[str] = field(default_factory=set)  # message ids


def send_order_updates(client: bandwidth.Client, outbox: Outbox, orders: dict[str, str]) -> None:
    """Text each order's customer (order id -> phone number) once, whatever fails."""
    pending = [
        (order, phone)
        for order, phone in orders.items()
        if order not in outbox.accepted
        and order not in outbox.in_doubt
        and phone not in outbox.opted_out
    ]
    items: list[messaging.SendMessageItem] = [
        {
            "from": SHOP_NUMBER,
            "to": phone,
            "text": f"Order {order} has shipped.",
            "tag": order,
            "receiptRequested": "all",
            "callbackUrl": "https://shop.example/bw",
        }
        for order, phone in pending
    ]
    for (order, _), result in zip(pending, client.send_messages(items), strict=True):
        if result["result"] == "accepted":
            outbox.accepted[order] = result["id"]
        elif result.get("may_have_been_sent"):
            outbox.in_doubt.append(order)  # a person checks these: resending could text twice
        else:
            outbox.refused[order] = result.get("error", {}).get("code", "unknown")


def on_callback(outbox: Outbox, body: bytes) -> None:
    """The web handler's work for one POST from Bandwidth."""
    event = messaging.parse_event(body)
    if event["direction"] == "in" and event.get("text", "").strip().upper() == "STOP":
        outbox.opted_out.add(event["from"])
    elif event["direction"] == "out" and event.get("delivery_state") == "delivered":
        outbox.delivered.add(event["message_id"])
