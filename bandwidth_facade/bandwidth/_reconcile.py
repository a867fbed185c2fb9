"""Telling whether a message whose send ended in doubt is at the API, by listing and matching.

A send that timed out, or got a 5xx, may or may not have been accepted. Resending could text
someone twice; not resending could lose the message. The API's listing can answer: messages
from that number to that number since shortly before the send, compared on text, media and tag.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ._exceptions import ReconcileError
from ._types import Error, Message, SendResult

__all__ = [
    "CLOCK_MARGIN",
    "DEFAULT_SETTLE",
    "TEXT_KEPT_FOR",
    "absent",
    "by_sender",
    "found",
    "lookup_filters",
    "matches",
    "parse_time",
]

CLOCK_MARGIN: Final = dt.timedelta(minutes=15)
"""Looked back this far before a send: this machine's clock and the API's may disagree."""

TEXT_KEPT_FOR: Final = dt.timedelta(days=3)
"""The API keeps message text this long (its documentation); after that nothing can match."""

DEFAULT_SETTLE: Final = 30.0
"""Seconds after a send ended before its absence from the listing is taken as certain."""

_E164: Final = re.compile(r"^\+[1-9][0-9]{1,14}$")


def parse_time(value: str) -> dt.datetime:
    """A time as the API and ``SendResult.sent_at`` write it, aware, in UTC."""
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def lookup_filters(from_: object, to: object, since: dt.datetime) -> dict[str, object]:
    """The ``list_messages`` filters (its keyword names) that find what ``from_`` sent after
    ``since`` (to ``to`` too, when the API can filter on it), or ``ReconcileError`` when the
    answer would prove nothing."""
    if since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    if dt.datetime.now(dt.UTC) - since > TEXT_KEPT_FOR:
        raise ReconcileError(
            f"cannot look up a message sent before {since:%Y-%m-%d %H:%M} UTC: the API keeps "
            f"message text for {TEXT_KEPT_FOR.days} days, so its absence would prove nothing"
        )
    if not _E164.match(str(from_)):
        raise ReconcileError(
            f"cannot look up a message from {from_!r}: the API's listing filters take E.164 "
            "numbers (+ and up to 15 digits) only"
        )
    numbers = {"from_": from_}
    if to is not None and _E164.match(str(to)):
        numbers["to"] = to  # narrows the listing; a short code is matched on the page instead
    return {
        **numbers,
        "from_date_time": since - CLOCK_MARGIN,
        "direction": "out",
        "sort_order": "asc",
        "size": 1000,
    }


def matches(message: Message, item: dict[str, object]) -> bool | None:
    """Whether the listed ``message`` is ``item`` sent: ``None`` when that cannot be told
    (its text was removed, by redaction or age)."""
    if message.get("from") != item["from"] or message.get("to") != item["to"]:
        return False
    media = message.get("media")
    if media is not None and list(media) != list(item.get("media") or []):  # type: ignore[call-overload]
        return False
    tag = message.get("tag")
    if tag is not None and tag != item.get("tag"):
        return False
    text, wanted = message.get("text"), item.get("text") or ""
    if text == wanted:
        return True
    if not text and wanted:
        return None  # the text is gone: it may be this message or another one
    return False


def by_sender(results: list[SendResult]) -> list[list[SendResult]]:
    """The results grouped by the number they were sent from: one listing a group."""
    groups: dict[str, list[SendResult]] = {}
    for result in results:
        groups.setdefault(str(result["message"]["from"]), []).append(result)
    return list(groups.values())


def found(result: SendResult, message: Message) -> None:
    """Turn a result in doubt into the accepted result the lookup proved it to be."""
    for key in ("error", "exception", "may_have_been_sent"):
        result.pop(key, None)  # type: ignore[misc]
    result["result"] = "accepted"
    result["id"] = message["id"]
    result["reconciled"] = True


def absent(result: SendResult, settle: float) -> None:
    """Turn a result in doubt into one certainly not sent, safe to send again."""
    result.pop("exception", None)
    result["may_have_been_sent"] = False
    result["reconciled"] = True
    result["error"] = Error(
        category="reconciled",
        code="not-sent",
        message=f"not at the API {settle:g} s after its send ended: it was not accepted",
    )
