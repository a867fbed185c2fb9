"""``Journal``: a bulk send's record that survives any interruption.

A JSON lines file, appended to and never rewritten: each item gets a record with
``"result": "unknown"`` before its request is sent, and a record of what happened after the
answer (``accepted``, ``error`` when it certainly was not sent, ``unknown`` when it may have
been). Each write is flushed to disk (fsync) before the send goes on or the result is handed
to the caller. The last record of a line is its state. A kill can only tear the last record;
the journal cuts a torn tail when it opens, and that item's earlier record (or none) stands.

Why JSON lines and not SQLite: the journal *is* the results file people read (with ``jq``,
``grep``, a spreadsheet), appends are the only writes, and a torn tail is easy to see and cut.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
from array import array
from collections.abc import AsyncGenerator, Generator, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Literal, Self, TypeAlias, cast

from ._exceptions import BandwidthError, InvalidValueError, JournalError
from ._reconcile import DEFAULT_SETTLE
from ._types import Error, SendMessageItem, SendResult
from ._validation import send_item

if TYPE_CHECKING:
    from ._bulk import Batch
    from ._client import AsyncClient, Client
    from ._exchange import TimeoutArg

__all__ = ["Journal", "LineState"]

LineState: TypeAlias = Literal["accepted", "error", "unknown"]
"""A line's state in a journal: accepted; certainly not sent; or may have been sent."""

_STATES: Final[tuple[LineState | None, ...]] = (None, "accepted", "error", "unknown")
_CODES: Final = {state: code for code, state in enumerate(_STATES)}
_MAX_LINE: Final = 100_000_000
_RECORD_START: Final = b'{"line": '
"""How every record begins (``json.dumps`` of a row, whose first key is ``line``)."""
_HEAD: Final = 1 << 20
"""Bytes read to check that a file is a journal: its first record fits (an item is at most a
few kilobytes)."""


def _digest(item: object) -> int:
    text = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def _state_of(result: SendResult) -> LineState:
    if result["result"] == "accepted":
        return "accepted"
    return "unknown" if result.get("may_have_been_sent") else "error"


class Journal:
    """The durable record of a bulk send, in the JSON lines file at ``path``.

    Send through it with ``journal.send(client, pairs)``, where ``pairs`` yields
    ``(line, item)`` (``enumerate(items, 1)``, or a file's line numbers): a line already
    accepted for the same item, or whose message may have been sent, is skipped; every other
    line is sent and recorded. ``journal.reconcile(client)`` first settles the lines in doubt
    by looking them up at the API. One process at a time holds a journal (an exclusive lock;
    ``JournalError`` otherwise). Use it as a context manager, or call ``close()``.

    Records: ``{"line", "result", "item", "sent_at"}`` plus ``id`` when accepted and
    ``error`` and ``may_have_been_sent`` when not; ``reconciled: true`` when a lookup decided.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path: Path = Path(path)
        self.skipped: int = 0
        """Lines ``send`` passed over: already accepted, or in doubt (see ``pending``)."""
        self.damaged: int = 0
        """Records that could not be read (a torn last record is cut, not counted)."""
        self._states = bytearray()
        self._digests = array("Q")
        self._pending: dict[int, dict[str, Any]] = {}
        existed = self.path.exists()
        # Never through a symbolic link: the journal is cut and appended to, and a link could
        # point that at any file.
        flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        try:
            self._fd = os.open(self.path, flags, 0o600)
        except OSError as error:
            if self.path.is_symlink():
                raise JournalError(
                    f"{self.path} is a symbolic link; give the journal's own path"
                ) from None
            raise JournalError(f"{self.path} cannot be opened as a journal: {error}") from None
        try:
            self._lock()
            self._check_own()
            self._cut_torn_tail()
            if not existed:
                _sync_directory(self.path)
            self._load()
        except BaseException:
            os.close(self._fd)
            raise

    # -- opening ----------------------------------------------------------------------------

    def _lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory locks through fcntl
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise JournalError(
                f"{self.path} is in use by another run; wait for it to end, or use another file"
            ) from None
        # Locked, but perhaps a file another run removed (an empty journal) or replaced just
        # before: records written to it would be lost with it.
        held = os.fstat(self._fd)
        try:
            named = os.stat(self.path, follow_symlinks=False)
        except FileNotFoundError:
            named = None
        if named is None or (named.st_dev, named.st_ino) != (held.st_dev, held.st_ino):
            raise JournalError(
                f"{self.path} was removed or replaced by another run as it was opened; try again"
            )

    def _check_own(self) -> None:
        """Refuse, untouched, a file that is not a journal: a journal is a regular file whose
        first record is one of ours (or, if the first write was cut short, the start of one)."""
        info = os.fstat(self._fd)
        if not stat.S_ISREG(info.st_mode):
            raise JournalError(f"{self.path} is not a regular file, so not a journal")
        if info.st_size == 0:
            return
        head = os.pread(self._fd, _HEAD, 0)
        first, newline, _ = head.partition(b"\n")
        if not newline:
            if _RECORD_START.startswith(first[: len(_RECORD_START)]):
                return  # the first record, torn by a kill: cut below
        else:
            try:
                record = json.loads(first)
            except (ValueError, RecursionError):
                record = None
            if isinstance(record, dict) and {"line", "result", "item"} <= record.keys():
                return
        raise JournalError(
            f"{self.path} is not a journal (its first line is not a record of one); it was "
            "left as it is: give a new file, or a journal of an earlier run"
        )

    def _cut_torn_tail(self) -> None:
        """A record cut short by a kill has no newline: drop it, so the next record starts
        on a line of its own. What it said was never acted on (it was not yet durable)."""
        size = os.lseek(self._fd, 0, os.SEEK_END)
        if size == 0:
            return
        end = size
        while end > 0:
            start = max(0, end - 65536)
            chunk = os.pread(self._fd, end - start, start)
            if end == size and chunk.endswith(b"\n"):
                return
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                os.ftruncate(self._fd, start + newline + 1)
                os.fsync(self._fd)
                return
            end = start
        os.ftruncate(self._fd, 0)
        os.fsync(self._fd)

    def _load(self) -> None:
        with open(self.path, "rb") as handle:
            for raw in handle:
                try:
                    record = json.loads(raw)
                    line, state, item = record["line"], record["result"], record["item"]
                    code = _CODES[state]
                except (ValueError, KeyError, TypeError, RecursionError):
                    self.damaged += 1
                    continue
                if (
                    not isinstance(line, int)
                    or isinstance(line, bool)
                    or not 0 <= line <= _MAX_LINE
                    or code == 0
                ):
                    self.damaged += 1
                    continue
                self._set(line, code, _digest(item))
                if state == "unknown":
                    self._pending[line] = record
                else:
                    self._pending.pop(line, None)

    def _set(self, line: int, code: int, digest: int) -> None:
        if line >= len(self._states):
            grow = max(line + 1, 2 * len(self._states)) - len(self._states)
            self._states.extend(bytes(grow))
            self._digests.extend(array("Q", bytes(8 * grow)))
        self._states[line] = code
        self._digests[line] = digest

    # -- reading ----------------------------------------------------------------------------

    def state(self, line: int, item: SendMessageItem | dict[str, object]) -> LineState | None:
        """The journal's state of ``line`` if it records it for this same item, else ``None``
        (never recorded, or recorded for what the line said before it was changed)."""
        return self._state_of_checked(line, send_item(item, f"line {line}"))

    def _state_of_checked(self, line: int, checked: object) -> LineState | None:
        """``state`` for an item already checked (with the wire's keys): no second check."""
        if not 0 <= line < len(self._states) or self._states[line] == 0:
            return None
        if self._digests[line] != _digest(checked):
            return None
        return _STATES[self._states[line]]

    def last_state(self, line: int) -> LineState | None:
        """The state of ``line``'s last record, whatever item it was for."""
        return _STATES[self._states[line]] if 0 <= line < len(self._states) else None

    def counts(self) -> dict[LineState, int]:
        """How many lines are in each state."""
        return {
            state: self._states.count(code) for state, code in _CODES.items() if state is not None
        }

    def pending(self) -> list[SendResult]:
        """A result for each line whose message may have been sent, for ``reconcile``."""
        results: list[SendResult] = []
        for line, record in sorted(self._pending.items()):
            result = SendResult(
                result="error",
                message=record["item"],
                index=line,
                may_have_been_sent=True,
                error=record.get("error")
                or Error(code="in-flight", message="the run ended while it was being sent"),
            )
            if "sent_at" in record:
                result["sent_at"] = record["sent_at"]
            results.append(result)
        return results

    def _claimed_ids(self, results: list[SendResult]) -> set[str]:
        """Ids recorded as accepted for items identical to ones in doubt: those messages are
        accounted for, and must not be taken for the doubtful ones."""
        wanted = {_digest(r["message"]) for r in results}
        ids: set[str] = set()
        with open(self.path, "rb") as handle:
            for raw in handle:
                if b'"accepted"' not in raw:
                    continue
                try:
                    record = json.loads(raw)
                except ValueError:
                    continue
                if record.get("id") and _digest(record.get("item")) in wanted:
                    ids.add(record["id"])
        return ids

    # -- recording (the ``Recorder`` the bulk stream calls) -----------------------------------

    def sending(self, batch: Batch) -> None:
        """Record that ``batch`` is about to be sent; durable when this returns."""
        self._append(
            {"line": key, "result": "unknown", "item": item, "sent_at": batch.sent_at}
            for key, item in zip(batch.keys, batch.items, strict=True)
        )
        for key, item in zip(batch.keys, batch.items, strict=True):
            self._set(key, _CODES["unknown"], _digest(item))

    def finished(self, results: list[SendResult]) -> None:
        """Record what happened to each item; durable when this returns."""
        rows = [self._row(result) for result in results]
        self._append(rows)
        for row in rows:
            line = row["line"]
            self._set(line, _CODES[row["result"]], _digest(row["item"]))
            if row["result"] == "unknown":
                self._pending[line] = row
            else:
                self._pending.pop(line, None)

    @staticmethod
    def _row(result: SendResult) -> dict[str, Any]:
        row: dict[str, Any] = {
            "line": result["index"],
            "result": _state_of(result),
            "item": result["message"],
        }
        for key in ("id", "sent_at", "error", "may_have_been_sent", "reconciled"):
            if key in result:
                row[key] = result[key]
        return row

    def _append(self, rows: Iterable[dict[str, Any]]) -> None:
        data = "".join(
            json.dumps(row, ensure_ascii=False, default=repr) + "\n" for row in rows
        ).encode()
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        _durable(self._fd)

    # -- sending ----------------------------------------------------------------------------

    def _todo(self, pairs: Iterable[tuple[int, object]]) -> Iterator[tuple[int, object]]:
        for line, item in pairs:
            if isinstance(line, bool) or not isinstance(line, int) or not 0 <= line <= _MAX_LINE:
                raise InvalidValueError(
                    f"journal lines are numbers from 0 to {_MAX_LINE:,}, not {line!r}"
                )
            try:
                checked: object = send_item(item, f"line {line}")
            except BandwidthError:
                yield line, item  # the stream records it as an invalid item, never sent
                continue
            if self._state_of_checked(line, checked) in ("accepted", "unknown"):
                self.skipped += 1
            else:
                yield line, checked

    def send(
        self,
        client: Client,
        pairs: Iterable[tuple[int, SendMessageItem]],
        *,
        concurrency: int | None = None,
        timeout: TimeoutArg = None,
        stop: threading.Event | None = None,
    ) -> Generator[SendResult, None, None]:
        """Send the lines not yet accepted (nor in doubt), recording each request before it
        is sent and its results before they are yielded; see ``Client.iter_send_messages``.
        Setting ``stop`` (say, from a signal handler) ends it gracefully: no new request
        starts, and the results of those in flight are recorded and yielded. Closing the
        generator (leaving a ``for`` loop) starts no new request either and waits for those in
        flight, which are recorded but not yielded."""
        todo = cast("Iterable[tuple[int, SendMessageItem]]", self._todo(pairs))  # wire's keys
        return client.send_stream(
            todo, recorder=self, stop=stop, timeout=timeout, concurrency=concurrency
        )

    def asend(
        self,
        client: AsyncClient,
        pairs: Iterable[tuple[int, SendMessageItem]],
        *,
        concurrency: int | None = None,
        timeout: TimeoutArg = None,
        stop: threading.Event | None = None,
    ) -> AsyncGenerator[SendResult, None]:
        """``send`` for the async client; ``aclose()`` it (or use ``contextlib.aclosing``) to
        stop early: it returns once the requests in flight are recorded."""
        todo = cast("Iterable[tuple[int, SendMessageItem]]", self._todo(pairs))  # wire's keys
        return client.send_stream(
            todo, recorder=self, stop=stop, timeout=timeout, concurrency=concurrency
        )

    def reconcile(self, client: Client, *, settle: float = DEFAULT_SETTLE) -> list[SendResult]:
        """Look up every line in doubt and record what the API says (see
        ``Client.reconcile``): found lines become accepted, absent ones become errors that
        the next ``send`` sends again, unverifiable ones stay in doubt. Returns their results."""
        results = self.pending()
        if results:
            client.reconcile(results, exclude=self._claimed_ids(results), settle=settle)
            self.finished([r for r in results if r.get("reconciled")])
        return results

    async def areconcile(
        self, client: AsyncClient, *, settle: float = DEFAULT_SETTLE
    ) -> list[SendResult]:
        """``reconcile`` for the async client."""
        results = self.pending()
        if results:
            await client.reconcile(results, exclude=self._claimed_ids(results), settle=settle)
            self.finished([r for r in results if r.get("reconciled")])
        return results

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        """Release the file (and its lock)."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Journal {str(self.path)!r}>"


def _durable(fd: int) -> None:
    # fdatasync is enough for appends (it writes the new size too) and cheaper than fsync.
    sync = getattr(os, "fdatasync", os.fsync)
    sync(fd)


def _sync_directory(path: Path) -> None:
    """Make a new file's directory entry durable, so the file itself survives a crash."""
    try:
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms that cannot open a directory
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
