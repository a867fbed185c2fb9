"""Telling whether a message whose send ended in doubt is at the API, by listing and matching.

A send that timed out, or got a 5xx, may or may not have been accepted. Resending could text
someone twice; not resending could lose the message. The API's listing can answer: messages
from that number to that number since shortly before the send, compared on text, media and tag.

``search`` is that one lookup; ``find_sent`` (one message) and ``reconcile`` (a bulk send's
results, a journal's lines in doubt) are flows built on it, performed by either client.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Collection
from typing import TYPE_CHECKING, Final, Literal, TypeAlias, cast

from ._config import check_seconds
from ._exceptions import InvalidTypeError, ReconcileError
from ._types import Error, Message, SendResult
from ._validation import send_item

if TYPE_CHECKING:
    import httpx

    from ._core import Core
    from ._exchange import Flow, TimeoutArg

__all__ = ["DEFAULT_SETTLE", "find_sent", "reconcile", "search"]

log = logging.getLogger("bandwidth")

CLOCK_MARGIN: Final = dt.timedelta(minutes=15)
"""Looked back this far before a send: this machine's clock and the API's may disagree."""

TEXT_KEPT_FOR: Final = dt.timedelta(days=3)
"""The API keeps message text this long (its documentation); after that nothing can match."""

DEFAULT_SETTLE: Final = 30.0
"""Seconds after a send ended before its absence from the listing is taken as certain."""

_E164: Final = re.compile(r"^\+[1-9][0-9]{1,14}$")


def parse_time(value: str) -> dt.datetime:
    """A time as the API and ``SendResult.sent_at`` write it, aware (naive means UTC)."""
    parsed = dt.datetime.fromisoformat(value)
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
    # An MMS sent without text is listed with none (no key, or null): the same as "".
    text, wanted = message.get("text") or "", item.get("text") or ""
    if text == wanted:
        return True
    if not text and wanted:
        return None  # the text is gone: it may be this message or another one
    return False


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


UNSURE: Final = "unsure"
"""A search's verdict for an item whose candidate had its text removed: it may be that one."""
Verdict: TypeAlias = Message | Literal["unsure"] | None


def search(
    core: Core,
    items: list[dict[str, object]],
    since: dt.datetime,
    claimed: set[str],
    timeout: TimeoutArg,
) -> Flow[list[Verdict]]:
    """Look up checked ``items`` sent from one number at or after ``since``, with one listing:
    what that number sent (to the one recipient, when there is one item) since then. Returns,
    for each item, the message found (its id added to ``claimed``, so identical items are told
    apart), ``None`` when it certainly is not listed, or ``UNSURE``. Raises ``ReconcileError``
    when the listing could prove nothing (see ``lookup_filters``)."""
    first = items[0]
    filters = lookup_filters(first["from"], first["to"] if len(items) == 1 else None, since)
    verdicts: list[Verdict] = [None] * len(items)
    waiting: dict[str, list[int]] = {}
    for position, item in enumerate(items):
        waiting.setdefault(str(item["to"]), []).append(position)
    request: httpx.Request | None = core.list_request(filters, timeout)
    seen: set[str] = set()
    while request is not None and waiting:
        page, request = yield from core.page(request, seen, "messages")
        for listed in page:
            candidates = waiting.get(str(listed.get("to")))
            if not candidates or listed.get("id") in claimed:
                continue
            for position in candidates:
                verdict = matches(listed, items[position])
                if verdict:
                    verdicts[position] = cast(Message, listed)
                    claimed.add(listed["id"])
                    candidates.remove(position)
                    if not candidates:  # so that paging stops once every one is found
                        del waiting[str(listed.get("to"))]
                    break
                if verdict is None:
                    verdicts[position] = UNSURE
    return verdicts


def find_sent(
    core: Core,
    message: object,
    since: dt.datetime,
    exclude: Collection[str],
    timeout: TimeoutArg,
) -> Flow[Message | None]:
    """The flow of ``Client.find_sent`` (its contract is documented there)."""
    item = send_item(message, "find_sent")
    if not isinstance(since, dt.datetime):
        raise InvalidTypeError(f"find_sent: since must be a datetime, not {type(since).__name__}")
    [verdict] = yield from search(core, [item], since, set(exclude), timeout)
    if verdict == UNSURE:
        raise ReconcileError(
            f"a message from {item['from']} to {item['to']} since {since:%Y-%m-%d %H:%M} "
            "has had its text removed: it may be this one"
        )
    return verdict


def reconcile(
    core: Core,
    results: list[SendResult],
    exclude: Collection[str],
    settle: float,
    timeout: TimeoutArg,
) -> Flow[list[SendResult]]:
    """The flow of ``Client.reconcile`` (its contract is documented there)."""
    started = time.monotonic()
    settle = check_seconds("settle", settle)
    claimed = set(exclude) | {r["id"] for r in results if "id" in r}
    # In doubt: an accepted result never is, and one not yet sent has no ``sent_at``.
    doubtful = [r for r in results if r.get("may_have_been_sent") and "sent_at" in r]
    for last_look in (False, True):
        missing: list[SendResult] = []
        by_sender: dict[str, list[SendResult]] = {}
        for result in doubtful:
            by_sender.setdefault(str(result["message"]["from"]), []).append(result)
        for group in by_sender.values():  # one listing for each sending number
            missing += yield from _look_up(core, group, claimed, timeout)
        if not missing:
            break
        if last_look:
            for result in missing:
                absent(result, settle)
        else:
            wait = settle - (time.monotonic() - started)
            if wait > 0:
                yield wait
            doubtful = missing
    return results


def _look_up(
    core: Core, group: list[SendResult], claimed: set[str], timeout: TimeoutArg
) -> Flow[list[SendResult]]:
    """Search for results in doubt sent from one number; mark the ones found and return the
    ones certainly not listed."""
    since = min(parse_time(r["sent_at"]) for r in group)
    items = [cast(dict[str, object], r["message"]) for r in group]
    try:
        verdicts = yield from search(core, items, since, claimed, timeout)
    except ReconcileError as error:
        log.warning("cannot reconcile %d item(s): %s", len(group), error)
        return []
    missing: list[SendResult] = []
    for result, verdict in zip(group, verdicts, strict=True):
        if verdict == UNSURE:
            log.warning("cannot reconcile item %s: a candidate's text was removed", result["index"])
        elif verdict is None:
            missing.append(result)
        else:
            found(result, verdict)
    return missing
