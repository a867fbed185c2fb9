"""The stand-in's Account API: the account, its applications, numbers to search and order, its
numbers, media files stored and served back, number info and the errors it met.

Held with the Messaging stand-in (``FakeMessagingAPI.account``), which routes every request
that is not about messages here. Requests are checked against the spec's rules for each
operation (the generated ``Operation``s), so what the stand-in refuses is what the SDK
refuses before sending, and what the API documents.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import string
import threading
from collections.abc import Callable
from typing import Any, Final

import httpx
from bandwidth_messaging_api import operations as op
from bandwidth_messaging_api.operations import Operation

from bandwidth import InvalidTypeError, InvalidValueError, check_value

__all__ = ["FakeAccount"]

_KEYPAD: Final = {
    **dict.fromkeys("abc", "2"),
    **dict.fromkeys("def", "3"),
    **dict.fromkeys("ghi", "4"),
    **dict.fromkeys("jkl", "5"),
    **dict.fromkeys("mno", "6"),
    **dict.fromkeys("pqrs", "7"),
    **dict.fromkeys("tuv", "8"),
    **dict.fromkeys("wxyz", "9"),
}
_PLACES: Final = {  # area code: (city, state, ZIP)
    "919": ("RALEIGH", "NC", "27606"),
    "910": ("WILMINGTON", "NC", "28401"),
    "704": ("CHARLOTTE", "NC", "28202"),
    "415": ("SAN FRANCISCO", "CA", "94103"),
    "212": ("NEW YORK", "NY", "10001"),
}
_TOLL_FREE: Final = frozenset({"800", "833", "844", "855", "866", "877", "888"})
_ROUTES: Final[list[tuple[re.Pattern[str], dict[str, Operation]]]] = [
    (re.compile(pattern), operations)
    for pattern, operations in [
        (r"/users/(?P<userId>[^/]+)/account", {"GET": op.GET_ACCOUNT}),
        (
            r"/users/(?P<userId>[^/]+)/account/transactions",
            {"GET": op.LIST_ACCOUNT_TRANSACTIONS},
        ),
        (
            r"/users/(?P<userId>[^/]+)/applications",
            {"GET": op.LIST_APPLICATIONS, "POST": op.CREATE_APPLICATION},
        ),
        (
            r"/users/(?P<userId>[^/]+)/applications/(?P<applicationId>[^/]+)",
            {
                "GET": op.GET_APPLICATION,
                "POST": op.UPDATE_APPLICATION,
                "DELETE": op.DELETE_APPLICATION,
            },
        ),
        (
            r"/availableNumbers/local",
            {"GET": op.SEARCH_AVAILABLE_LOCAL_NUMBERS, "POST": op.SEARCH_AND_ORDER_LOCAL_NUMBERS},
        ),
        (
            r"/availableNumbers/tollFree",
            {
                "GET": op.SEARCH_AVAILABLE_TOLL_FREE_NUMBERS,
                "POST": op.SEARCH_AND_ORDER_TOLL_FREE_NUMBERS,
            },
        ),
        (
            r"/users/(?P<userId>[^/]+)/phoneNumbers",
            {"GET": op.LIST_PHONE_NUMBERS, "POST": op.ORDER_PHONE_NUMBER},
        ),
        (
            r"/users/(?P<userId>[^/]+)/phoneNumbers/(?P<numberId>[^/]+)",
            {
                "GET": op.GET_PHONE_NUMBER,
                "POST": op.UPDATE_PHONE_NUMBER,
                "DELETE": op.DELETE_PHONE_NUMBER,
            },
        ),
        (r"/users/(?P<userId>[^/]+)/media", {"GET": op.LIST_MEDIA}),
        (
            r"/users/(?P<userId>[^/]+)/media/(?P<mediaName>[^/]+)",
            {"PUT": op.UPLOAD_MEDIA, "GET": op.DOWNLOAD_MEDIA, "DELETE": op.DELETE_MEDIA},
        ),
        (r"/phoneNumbers/numberInfo/(?P<number>[^/]+)", {"GET": op.GET_NUMBER_INFO}),
        (r"/users/(?P<userId>[^/]+)/errors", {"GET": op.LIST_ERRORS}),
        (r"/users/(?P<userId>[^/]+)/errors/(?P<errorId>[^/]+)", {"GET": op.GET_ERROR}),
    ]
]


class _Answer(Exception):
    """An error answer, raised from deep inside a handler."""

    def __init__(self, status: int, category: str, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.category, self.code, self.message = status, category, code, message


def _national(number: str) -> str:
    digits = number[-10:]
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


def _pattern(pattern: str) -> re.Pattern[str]:
    """The API's number pattern (digits, letters as on a keypad, ``?`` one digit, ``*`` any
    digits) as a regular expression searched in the national number."""
    parts = []
    for char in pattern.lower():
        if char == "*":
            parts.append(r"\d*")
        elif char == "?":
            parts.append(r"\d")
        else:
            parts.append(re.escape(_KEYPAD.get(char, char)))
    return re.compile("".join(parts))


class FakeAccount:
    """The Account API of one account, in memory (see the module's documentation)."""

    def __init__(
        self,
        user_id: str,
        *,
        seed: int,
        clock: Callable[[], dt.datetime],
        lock: threading.RLock,
        base_url: str,
    ) -> None:
        self.user_id = user_id
        self.base_url = base_url
        self._random = random.Random(seed + 1)  # noqa: S311 - ids, not secrets
        self._clock = clock
        self._lock = lock
        self.balance = "100.00"
        self.applications: dict[str, dict[str, Any]] = {}
        """Applications by id, as the API answers them (wire keys)."""
        self.numbers: dict[str, dict[str, Any]] = {}
        """The account's numbers by id, as the API answers them."""
        self.media: dict[str, tuple[bytes, str]] = {}
        """Media files by name: content and type."""
        self.errors: list[dict[str, Any]] = []
        """Every error the Account API answered, oldest first, as ``list_errors`` shows them."""
        self.transactions: list[dict[str, Any]] = []
        """Charges of the account, oldest first (a number ordered, a message sent)."""

    # -- for the Messaging stand-in and for tests -------------------------------------------

    def application_of(self, number: str) -> dict[str, Any] | None:
        """The application a number of the account is assigned to, if any."""
        for held in self.numbers.values():
            if held["number"] == number and held.get("applicationId"):
                return self.applications.get(held["applicationId"])
        return None

    def charge(self, product: str, number: str, amount: str, resource_id: str = "") -> None:
        """Record a charge, as the API's transactions show it."""
        record = {
            "id": f"tr-{len(self.transactions) + 1:020d}",  # cheap: one for every send
            "time": self._now(),
            "amount": amount,
            "type": "charge",
            "units": 1,
            "productType": product,
            "number": number,
        }
        if resource_id:
            record["resourceId"] = resource_id
        self.transactions.append(record)

    # -- routing ----------------------------------------------------------------------------

    def answer(self, request: httpx.Request, path: str) -> httpx.Response | None:
        """The answer to ``request`` (``path`` without the version), or ``None`` when it is no
        Account API path."""
        for pattern, operations in _ROUTES:
            match = pattern.fullmatch(path.rstrip("/"))
            if match is None:
                continue
            operation = operations.get(request.method)
            if operation is None:
                return self._error(
                    405, "bad-request", "method-not-allowed", f"{request.method} is not allowed"
                )
            segments = {k: v for k, v in match.groupdict().items()}
            if segments.get("userId", self.user_id) != self.user_id:
                return self._error(401, "authorization", "user-access-denied", "Access is denied")
            try:
                query = self._query(request, operation)
                handler = getattr(self, "_" + operation.operation_id)
                return handler(request, segments, query)  # type: ignore[no-any-return]
            except _Answer as refusal:
                return self._error(refusal.status, refusal.category, refusal.code, refusal.message)
        return None

    def _error(self, status: int, category: str, code: str, message: str) -> httpx.Response:
        body = {"category": category, "code": code, "message": message, "details": []}
        self.errors.append({"id": self._new_id("ue-"), "time": self._now(), **body})
        return httpx.Response(status, json=body)

    def _query(self, request: httpx.Request, operation: Operation) -> dict[str, Any]:
        """The query parameters, checked against the spec's rules and typed as it types them."""
        values: dict[str, Any] = {}
        for wire, raw in request.url.params.items():
            rule = operation.query_rules.get(wire)
            if rule is None:
                continue
            value: Any = raw
            try:
                if rule.get("type") == "integer":
                    value = int(raw)
                elif rule.get("type") == "boolean":
                    if raw not in ("true", "false"):
                        raise InvalidValueError(f"{wire} must be true or false")
                    value = raw == "true"
                check_value(wire, value, rule)
            except (ValueError, InvalidTypeError) as error:
                raise _Answer(400, "bad-request", "invalid-query", str(error)) from None
            values[wire] = value
        return values

    def _body(self, request: httpx.Request, operation: Operation) -> dict[str, Any]:
        try:
            body = json.loads(request.content or b"{}")
        except ValueError:
            raise _Answer(400, "bad-request", "invalid-json", "The body is not JSON") from None
        if not isinstance(body, dict):
            raise _Answer(400, "bad-request", "invalid-json", "The body must be a JSON object")
        for wire, value in body.items():
            rule = operation.body_rules.get(wire)  # closed: a property it does not name
            if rule is None:
                raise _Answer(400, "bad-request", "unknown-property", f"Unknown property {wire}")
            try:
                check_value(wire, value, rule)
            except (ValueError, InvalidTypeError) as error:
                raise _Answer(400, "bad-request", "invalid-property", str(error)) from None
        for wire, rule in operation.body_rules.items():
            if rule.get("required") and wire not in body:
                raise _Answer(
                    400, "bad-request", "blank-property", f"The property '{wire}' must not be blank"
                )
        return body

    def _new_id(self, prefix: str) -> str:
        alphabet = string.ascii_lowercase + string.digits
        return prefix + "".join(self._random.choice(alphabet) for _ in range(20))

    def _now(self) -> str:
        return self._clock().astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _url(self, request: httpx.Request, path: str) -> str:
        return f"{request.url.scheme}://{request.url.netloc.decode()}/{request.url.path.split('/')[1]}{path}"

    def _page(
        self, request: httpx.Request, items: list[dict[str, Any]], query: dict[str, Any]
    ) -> httpx.Response:
        """One page of ``items`` (``page``, ``size``: default 25), with ``Link`` to the next."""
        size = int(query.get("size", 25))
        try:
            page = int(request.url.params.get("page", "0"))
        except ValueError:
            page = 0
        chosen = items[page * size : (page + 1) * size]
        headers = {}
        if (page + 1) * size < len(items):
            following = request.url.copy_merge_params({"page": str(page + 1)})
            headers["Link"] = f'<{following}>; rel="next"'
        return httpx.Response(200, json=chosen, headers=headers)

    # -- the account ------------------------------------------------------------------------

    def _getAccount(
        self, request: httpx.Request, _: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        return httpx.Response(200, json={"balance": self.balance, "accountType": "pre-pay"})

    def _listAccountTransactions(
        self, request: httpx.Request, _: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        found = [
            t
            for t in reversed(self.transactions)
            if ("type" not in q or t["type"] == q["type"])
            and ("number" not in q or t.get("number") == q["number"])
            and ("fromDate" not in q or t["time"] > q["fromDate"])
            and ("toDate" not in q or t["time"] < q["toDate"])
        ]
        if "maxItems" in q:
            found = found[: q["maxItems"]]
        return self._page(request, found, q)

    # -- applications -----------------------------------------------------------------------

    def _listApplications(
        self, request: httpx.Request, _: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        return self._page(request, list(self.applications.values()), q)

    def _createApplication(
        self, request: httpx.Request, _: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        body = self._body(request, op.CREATE_APPLICATION)
        if not body.get("incomingCallUrl") and not body.get("incomingMessageUrl"):
            raise _Answer(
                400,
                "bad-request",
                "blank-property",
                "One of incomingCallUrl or incomingMessageUrl must be set",
            )
        application_id = self._new_id("a-")
        self.applications[application_id] = {"id": application_id, "autoAnswer": True, **body}
        location = self._url(request, f"/users/{self.user_id}/applications/{application_id}")
        return httpx.Response(201, headers={"Location": location})

    def _application(self, application_id: str) -> dict[str, Any]:
        found = self.applications.get(application_id)
        if found is None:
            raise _Answer(
                404,
                "not-found",
                "application-not-found",
                f"The application {application_id} could not be found",
            )
        return found

    def _getApplication(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        return httpx.Response(200, json=self._application(p["applicationId"]))

    def _updateApplication(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        held = self._application(p["applicationId"])
        held.update(self._body(request, op.UPDATE_APPLICATION))
        return httpx.Response(200)

    def _deleteApplication(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        self._application(p["applicationId"])
        del self.applications[p["applicationId"]]
        for held in self.numbers.values():
            if held.get("applicationId") == p["applicationId"]:
                held.pop("applicationId")
                held.pop("application", None)
        return httpx.Response(200)

    # -- numbers to order -------------------------------------------------------------------

    def _candidates(self, q: dict[str, Any], toll_free: bool) -> list[dict[str, Any]]:
        """Numbers the account could order, as the search finds them: a fixed set per area
        code (toll-free: 844), less the account's own."""
        owned = {held["number"] for held in self.numbers.values()}
        if toll_free:
            area: str | None = "844"
            place = None
        else:
            area = q.get("areaCode")
            if area is None:
                wanted = (q.get("state"), q.get("zip"), (q.get("city") or "").upper())
                area = next(
                    (
                        code
                        for code, (city, state, zip_code) in _PLACES.items()
                        if wanted[0] == state or wanted[1] == zip_code or wanted[2] == city
                    ),
                    None,
                )
                if area is None:
                    raise _Answer(
                        400,
                        "bad-request",
                        "missing-search-criteria",
                        "One of state, zip or areaCode is required",
                    )
            place = _PLACES.get(area, ("SOMEWHERE", "NC", "27000"))
        prefix = q.get("localNumber", "444") if not toll_free else "489"
        pattern = _pattern(q["pattern"]) if "pattern" in q else None
        found = []
        for line in range(10_000):
            number = f"+1{area}{prefix[:3]}{line:04d}"
            if number in owned:
                continue
            national = _national(number)
            if pattern is not None and not pattern.search(number[2:]):
                continue
            item: dict[str, Any] = {
                "number": number,
                "nationalNumber": national,
                "price": "0.75" if toll_free else "0.35",
            }
            if place is not None:
                item.update(city=place[0], rateCenter=place[0], state=place[1], lata="426")
            elif pattern is not None:
                item["patternMatch"] = national
            found.append(item)
            if len(found) == q.get("quantity", 10):
                break
        return found

    def _searchAvailableLocalNumbers(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        return httpx.Response(200, json=self._candidates(q, toll_free=False))

    def _searchAvailableTollFreeNumbers(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        return httpx.Response(200, json=self._candidates(q, toll_free=True))

    def _search_and_order(
        self, request: httpx.Request, found: list[dict[str, Any]]
    ) -> httpx.Response:
        ordered = []
        for item in found:
            held = self._order(request, {"number": item["number"]})
            ordered.append(
                {**{k: v for k, v in item.items() if k != "rateCenter"}, "location": held}
            )
        return httpx.Response(200, json=ordered)

    def _searchAndOrderLocalNumbers(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        return self._search_and_order(request, self._candidates(q, toll_free=False))

    def _searchAndOrderTollFreeNumbers(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        q.setdefault("quantity", 1)
        return self._search_and_order(request, self._candidates(q, toll_free=True))

    # -- the account's numbers --------------------------------------------------------------

    def _order(self, request: httpx.Request, body: dict[str, Any]) -> str:
        """Put a number on the account; its URL."""
        number = body["number"]
        if any(held["number"] == number for held in self.numbers.values()):
            raise _Answer(409, "conflict", "number-already-owned", f"{number} is already yours")
        if body.get("applicationId"):
            self._application(body["applicationId"])
        number_id = self._new_id("n-")
        area = number[2:5]
        city, state, _ = _PLACES.get(area, ("", "", ""))
        held: dict[str, Any] = {
            "id": number_id,
            "number": number,
            "nationalNumber": _national(number),
            "price": "0.75" if area in _TOLL_FREE else "0.35",
            "createdTime": self._now(),
            "numberState": "enabled",
        }
        if city:
            held.update(city=city, state=state)
        self.numbers[number_id] = held
        self._assign(held, body)
        self.charge("local-number-per-month", number, held["price"])
        return self._url(request, f"/users/{self.user_id}/phoneNumbers/{number_id}")

    def _assign(self, held: dict[str, Any], body: dict[str, Any]) -> None:
        for key in ("name", "fallbackNumber"):
            if key in body:
                held[key] = body[key]
        if "applicationId" in body:
            if body["applicationId"]:
                self._application(body["applicationId"])
                held["applicationId"] = body["applicationId"]
                held["application"] = (
                    f"{self.base_url}/v1/users/{self.user_id}/applications/{body['applicationId']}"
                )
            else:
                held.pop("applicationId", None)
                held.pop("application", None)

    def _number(self, number_id: str) -> dict[str, Any]:
        for held in self.numbers.values():
            if number_id in (held["id"], held["number"]):
                return held
        raise _Answer(
            404, "not-found", "number-not-found", f"The number {number_id} could not be found"
        )

    def _listPhoneNumbers(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        found = [
            held
            for held in self.numbers.values()
            if all(
                held.get(key) == q[key]
                for key in ("applicationId", "state", "name", "city", "numberState")
                if key in q
            )
        ]
        return self._page(request, found, q)

    def _orderPhoneNumber(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        location = self._order(request, self._body(request, op.ORDER_PHONE_NUMBER))
        return httpx.Response(201, headers={"Location": location})

    def _getPhoneNumber(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        return httpx.Response(200, json=self._number(p["numberId"]))

    def _updatePhoneNumber(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        held = self._number(p["numberId"])
        self._assign(held, self._body(request, op.UPDATE_PHONE_NUMBER))
        return httpx.Response(200)

    def _deletePhoneNumber(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        del self.numbers[self._number(p["numberId"])["id"]]
        return httpx.Response(200)

    def _getNumberInfo(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        number = p["number"]
        if not re.fullmatch(r"\+[1-9]\d{1,14}", number):
            raise _Answer(404, "not-found", "number-info-not-found", f"No information for {number}")
        now = self._now()
        name = next((h.get("name") for h in self.numbers.values() if h["number"] == number), None)
        return httpx.Response(
            200,
            json={
                "name": (name or "BANDWIDTH INC").upper(),
                "number": number,
                "created": now,
                "updated": now,
            },
        )

    # -- media ------------------------------------------------------------------------------

    def _listMedia(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        listed = [
            {
                "mediaName": name,
                "contentLength": len(content),
                "content": self._url(request, f"/users/{self.user_id}/media/{name}"),
            }
            for name, (content, _) in sorted(self.media.items())
        ]
        return self._page(request, listed, q)

    def _uploadMedia(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        content_type = request.headers.get("Content-Type", "application/octet-stream")
        self.media[p["mediaName"]] = (request.content, content_type)
        return httpx.Response(200)

    def _media_file(self, name: str) -> tuple[bytes, str]:
        found = self.media.get(name)
        if found is None:
            raise _Answer(
                404, "not-found", "media-not-found", f"The media {name} could not be found"
            )
        return found

    def _downloadMedia(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        content, content_type = self._media_file(p["mediaName"])
        return httpx.Response(200, content=content, headers={"Content-Type": content_type})

    def _deleteMedia(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        self._media_file(p["mediaName"])
        del self.media[p["mediaName"]]
        return httpx.Response(200)

    # -- errors -----------------------------------------------------------------------------

    def _listErrors(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        return self._page(request, list(reversed(self.errors)), q)

    def _getError(
        self, request: httpx.Request, p: dict[str, str], q: dict[str, Any]
    ) -> httpx.Response:
        for error in self.errors:
            if error["id"] == p["errorId"]:
                return httpx.Response(200, json=error)
        raise _Answer(
            404, "not-found", "error-not-found", f"The error {p['errorId']} could not be found"
        )
