"""The commands of ``bandwidth-messaging`` (click); ``_cli.main`` runs them.

Output is JSON (one document, or JSON lines for listings), or a table with ``--table``;
``send-bulk`` reports on stderr and writes each line's result to its journal. Failures exit
non-zero with the API's error on stderr: 1 for a refused or failed call, 2 for bad input
(nothing was sent).
"""

from __future__ import annotations

import csv
import functools
import inspect
import json
import logging
import os
import shutil
import signal
import sys
import threading
import time
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any, Final, NoReturn, Self, TypeVar, cast

import click
from bandwidth_messaging_api.typed_dicts import (
    LIST_QUERY_NAMES,
    LIST_QUERY_SCHEMA,
    SEND_ITEM_NAMES,
    SEND_ITEM_SCHEMA,
    SNAKE_TO_WIRE,
)

import bandwidth
from bandwidth import (
    ENVIRONMENT_VARIABLES,
    APIError,
    BandwidthError,
    InvalidTypeError,
    InvalidValueError,
    SendMessageItem,
    SendResult,
)

__all__ = ["cli"]

_TABLE_COLUMNS = ("id", "time", "direction", "from", "to", "state", "delivery_state", "text")
_NOT_SENT_EXIT, _FAILED_EXIT, _INTERRUPTED_EXIT = 2, 1, 130


# The spec's rule for each argument of send_message and list_messages, by its Python name (the
# generated client's), so a change of wire name leaves the options as they are.
_SEND_RULES: Final = {SEND_ITEM_NAMES[wire]: rule for wire, rule in SEND_ITEM_SCHEMA.items()}
_LIST_RULES: Final = {name: LIST_QUERY_SCHEMA[wire] for name, wire in LIST_QUERY_NAMES.items()}
# The type of each CSV column a send item may have (either spelling of its name).
_COLUMN_TYPES: Final = {
    **{wire: rule["type"] for wire, rule in SEND_ITEM_SCHEMA.items()},
    **{snake: SEND_ITEM_SCHEMA[wire]["type"] for snake, wire in SNAKE_TO_WIRE.items()},
}


def _range(schema: Mapping[str, Mapping[str, object]], name: str) -> str:
    return f"{schema[name]['minimum']} to {schema[name]['maximum']}"


def _choices(schema: Mapping[str, Mapping[str, object]], name: str) -> list[str]:
    """An option's choices, from the spec (a value the spec adds is accepted after
    ``make generate``)."""
    return [str(value) for value in cast(list[object], schema[name]["enum"])]


_PROBLEMS_SHOWN = 20


# -- output ----------------------------------------------------------------------------------


def _emit(value: object, table: bool) -> None:
    if not table:
        click.echo(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, Mapping):
        width = max((len(str(k)) for k in value), default=0)
        for key, item in value.items():  # one record: every value whole
            click.echo(f"{key:<{width}}  {_cell(item)}")
    else:
        click.echo(str(value))


def _cell(value: object, limit: int | None = None) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", " ")
    if not text.isprintable():
        # A message's text is anyone's: its control and escape sequences are shown, not
        # obeyed by the terminal (clearing it, retitling the window).
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


_DROPPED_FIRST = ("delivery_state", "direction", "from", "time")
"""Columns left out, in this order, when the terminal is too narrow for them and some text."""
_MIN_TEXT = 20
_TABLE_SIZED_ON = 1000


def _emit_rows(
    rows: Iterable[Mapping[str, object]], table: bool, shown: Sequence[str] | None = None
) -> None:
    """Rows as JSON lines, or as a table of the ``shown`` columns (a message's, unless told).

    A table's columns are sized on its first ``_TABLE_SIZED_ON`` rows, and the later rows are
    fitted to them (a longer value cut with ``…``), so that ``list --table --limit 0`` prints
    as it reads, in bounded memory, whatever the account holds."""
    if not table:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    rows = iter(rows)
    first = list(islice(rows, _TABLE_SIZED_ON))
    columns = list(_TABLE_COLUMNS if shown is None else shown)
    widths = {c: max([len(c)] + [len(_cell(row.get(c, ""))) for row in first]) for c in columns}
    if "text" in columns:  # a message's: made to fit the terminal

        def fixed() -> int:  # everything but the text, with two spaces between columns
            return sum(widths[c] + 2 for c in columns if c != "text")

        room = shutil.get_terminal_size((120, 24)).columns
        for column in _DROPPED_FIRST:
            if fixed() + _MIN_TEXT <= room:
                break
            columns.remove(column)
        widths["text"] = min(widths["text"], max(room - fixed(), _MIN_TEXT))
    click.echo("  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip())
    for row in chain(first, rows):
        cells = (_cell(row.get(c, ""), widths[c]).ljust(widths[c]) for c in columns)
        click.echo("  ".join(cells).rstrip())


def _log_requests() -> None:
    """httpx's line for each exchange (method, URL, status) and the SDK's for each retry, on
    stderr. Neither logger ever writes headers, so the credentials stay out."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("bandwidth-messaging: %(name)s: %(message)s"))
    for name in ("httpx", "bandwidth"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


class _Refused(click.ClickException):
    """Bad input or options, found before anything was sent: said in the command's one shape
    for errors (``bandwidth-messaging: ...``), exit status 2."""

    exit_code = _NOT_SENT_EXIT

    def show(self, file: object = None) -> None:
        click.echo(f"bandwidth-messaging: {self.message}", err=True)


def _fail(error: BandwidthError) -> NoReturn:
    note = ""
    if (
        isinstance(error, APIError)
        and error.may_have_been_sent
        and error.request is not None
        and error.request.method == "POST"
    ):
        note = " (the message may have been sent: check before sending it again)"
    click.echo(f"bandwidth-messaging: {error}{note}", err=True)
    not_sent = isinstance(error, InvalidTypeError | InvalidValueError)
    raise SystemExit(_NOT_SENT_EXIT if not_sent else _FAILED_EXIT)


T = TypeVar("T")


class _Context:
    def __init__(self, options: dict[str, Any], table: bool) -> None:
        self.options = options
        self.table = table

    def client(self) -> bandwidth.Client:
        return self._made(bandwidth.Client)

    def account_client(self) -> bandwidth.account.Client:
        return self._made(bandwidth.account.Client)

    def _made(self, make: Callable[..., T]) -> T:
        # The options read the same variables: a credential missing here is missing there.
        credentials = ("user_id", "api_token", "api_secret")
        missing = [name for name in credentials if not self.options.get(name)]
        if missing:
            wanted = ", ".join(
                f"--{name.replace('_', '-')} (or {ENVIRONMENT_VARIABLES[name]})" for name in missing
            )
            click.echo(f"bandwidth-messaging: missing credentials: give {wanted}", err=True)
            raise SystemExit(_NOT_SENT_EXIT)
        try:
            return make(**self.options)
        except BandwidthError as error:
            _fail(error)


_RATE_OPTIONS: Final = {
    "max_messages_per_second": (float, "RATE", "The account's send rate, messages/s."),
    "rate_burst": (
        int,
        "N",
        "Messages the account may send at once. [default: a little above the rate, as "
        "Bandwidth documents]",
    ),
    "per_number_messages_per_second": (float, "RATE", "Each long-code number's rate."),
    "toll_free_messages_per_second": (float, "RATE", "Each toll-free number's rate."),
    "short_code_messages_per_second": (float, "RATE", "Each short code's rate."),
    "max_rate_wait": (
        float,
        "SECONDS",
        "Seconds a message refused for rate keeps being sent again. [default: the client's "
        "max_rate_wait]",
    ),
}
"""The client's rate options (``ClientOptions``), as flags of the same names."""


def _rate_options(function: Any) -> Any:
    for name, (kind, metavar, text) in reversed(_RATE_OPTIONS.items()):
        function = click.option(
            f"--{name.replace('_', '-')}", name, type=kind, metavar=metavar, help=text
        )(function)
    return click.option(
        "--rate-limits-url",
        "rate_limits_url",
        envvar=ENVIRONMENT_VARIABLES["rate_limits_url"],
        show_envvar=True,
        metavar="URL",
        help="Where processes share the account's budget: sqlite:///PATH, redis://HOST:PORT/DB, "
        "memory:// (this process alone). [default: a file shared by this machine's processes]",
    )(function)


def _client_command(function: Any, api: str = "messaging", prints: bool = True) -> Any:
    """Run a command with the group's client (of the Messaging API, or the Account API's);
    SDK errors become exit codes, not tracebacks. A command that ``prints`` an answer takes
    ``--table`` after its name too, where people type it; one that does not refuses the
    group's ``--table`` rather than ignore it."""

    @click.pass_obj
    def run(context: _Context, /, table_here: bool = False, **kwargs: Any) -> None:
        table = context.table or table_here
        if table and not prints:
            command = click.get_current_context().command_path.partition(" ")[2]
            raise _Refused(f"{command} prints no table; leave out --table")
        made = context.account_client() if api == "account" else context.client()
        with made as client:
            try:
                function(client, table, **kwargs)
            except BandwidthError as error:
                _fail(error)

    run.__name__ = function.__name__
    run.__doc__ = function.__doc__
    if prints:
        run = click.option(
            "--table", "table_here", is_flag=True, help="Print a table instead of JSON."
        )(run)
    return run


# -- commands --------------------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--user-id",
    envvar=ENVIRONMENT_VARIABLES["user_id"],
    show_envvar=True,
    help="Account user id (u-...).",
)
@click.option(
    "--api-token",
    envvar=ENVIRONMENT_VARIABLES["api_token"],
    show_envvar=True,
    help="API token (t-...).",
)
@click.option(
    "--api-secret",
    envvar=ENVIRONMENT_VARIABLES["api_secret"],
    show_envvar=True,
    help="API secret (s-...).",
)
@click.option(
    "--api-endpoint",
    envvar=ENVIRONMENT_VARIABLES["api_endpoint"],
    show_envvar=True,
    help="API base URL. [default: Bandwidth's]",
)
@click.option(
    "--allow-insecure-http",
    is_flag=True,
    help="Send the credentials to an http:// endpoint that is not on this machine.",
)
@click.option("--timeout", type=float, help="Seconds to wait for each answer.")
@_rate_options
@click.option("--table", is_flag=True, help="Print a table for people instead of JSON.")
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Log each exchange (method, URL, status) and each retry on stderr; never a header, "
    "a body or the credentials.",
)
@click.version_option(bandwidth.__version__, prog_name="bandwidth-messaging")
@click.pass_context
def cli(
    ctx: click.Context,
    /,
    user_id: str | None,
    api_token: str | None,
    api_secret: str | None,
    api_endpoint: str | None,
    allow_insecure_http: bool,
    timeout: float | None,
    table: bool,
    verbose: bool,
    **rates: Any,
) -> None:
    """Send and read SMS and MMS with Bandwidth's Messaging API.

    Credentials come from the options or the BANDWIDTH_* environment variables. Sends go
    at the rate the account allows: the rate options say what it is (what is not given is
    learned from the API's refusals), shared with every process that uses the same
    --rate-limits-url.
    """
    options: dict[str, Any] = {
        "user_id": user_id,
        "api_token": api_token,
        "api_secret": api_secret,
        **{name: value for name, value in rates.items() if value is not None},
    }
    if api_endpoint:
        options["api_endpoint"] = api_endpoint
    if timeout is not None:
        options["timeout"] = timeout
    if allow_insecure_http:
        options["allow_insecure_http"] = True
    if verbose:
        _log_requests()
    ctx.obj = _Context(options, table)


@cli.command()
@click.option("--from", "from_", required=True, help="One of your numbers, E.164.")
@click.option("--to", required=True, help="The recipient, E.164 (or a short code).")
@click.option(
    "--text",
    help=f"The message text (at most {_SEND_RULES['text']['maxLength']} characters).",
)
@click.option("--media", multiple=True, help="URL of media to attach (repeat for more).")
@click.option("--receipt-requested", type=click.Choice(_choices(_SEND_RULES, "receipt_requested")))
@click.option("--callback-url", help="Where Bandwidth sends events for this message.")
@click.option(
    "--callback-http-method",
    type=click.Choice(_choices(_SEND_RULES, "callback_http_method")),
)
@click.option(
    "--callback-timeout",
    type=int,
    help=f"Milliseconds, {_range(_SEND_RULES, 'callback_timeout')}.",
)
@click.option("--fallback-url", help="Used when the callback URL fails.")
@click.option("--tag", help="Echoed in callback events.")
@_client_command
def send(client: bandwidth.Client, table: bool, media: tuple[str, ...], **fields: Any) -> None:
    """Send one message; print its id."""
    message_id = client.send_message(media=list(media) or None, **fields)
    _emit({"id": message_id}, table)


@cli.command("send-bulk")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--results",
    "results_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The run's journal: JSON lines, one record per line of FILE each time its state "
    "changes, written to disk before the run goes on. [default: FILE.results.jsonl]",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Requests of 50 messages in flight at once.",
)
@click.option(
    "--settle",
    type=float,
    default=inspect.signature(bandwidth.Journal.reconcile).parameters["settle"].default,
    show_default=True,
    help="Seconds the API is given to record a send before its absence counts as proof.",
)
@functools.partial(_client_command, prints=False)
def send_bulk(
    client: bandwidth.Client,
    table: bool,
    file: Path,
    results_path: Path | None,
    concurrency: int,
    settle: float,
) -> None:
    """Send every message in FILE: CSV with a header row (from,to,text,media,...; several
    media separated by spaces) or JSON lines (.jsonl), one message a line.

    Every line is checked before anything is sent. Each line's result goes to the
    journal (--results) before it counts as done, so a run stopped by Ctrl-C, a crash or a
    kill loses nothing: rerun the same command. A rerun skips the lines accepted, looks up
    at the API the lines whose message may have been sent, records the ones it finds and
    sends again only those certainly absent.

    Exit status: 0 every line accepted; 1 some line not accepted, or still unknown;
    2 bad input or options (nothing sent); 130 stopped by Ctrl-C (rerun to go on).
    """
    path = results_path or file.with_name(file.name + ".results.jsonl")
    if path.exists() and path.samefile(file):
        raise _Refused(f"--results {path} is the input file; the journal needs a file of its own")
    new = not path.exists()
    try:
        journal = bandwidth.Journal(path)
    except (OSError, BandwidthError) as error:
        raise _Refused(str(error)) from None
    try:
        with journal, _Interrupts() as interrupts:
            try:
                _BulkRun(client, file, journal, concurrency, settle, interrupts).run()
            finally:
                # Nothing recorded (bad input, or no line to send): leave no file. Removed
                # while locked, so that no other run can be writing to it.
                if new and path.exists() and path.stat().st_size == 0:
                    path.unlink()
    except OSError as error:  # a full disk, a file gone: the records made stand
        click.echo(
            f"bandwidth-messaging: {error.filename or path}: {error.strerror or error}; "
            f"every record written before stands in {path}: fix this and rerun the same "
            "command",
            err=True,
        )
        raise SystemExit(_FAILED_EXIT) from None


@cli.group()
def media() -> None:
    """Media files on the account, to send in an MMS (send --media URL)."""


@media.command("upload")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", help="Its name on the account.  [default: the file's name]")
@click.option("--content-type", help="Its media type.  [default: guessed from the file's name]")
@functools.partial(_client_command, api="account", prints=False)
def media_upload(
    client: bandwidth.account.Client,
    table: bool,
    file: Path,
    name: str | None,
    content_type: str | None,
) -> None:
    """Upload FILE and print its URL, for send --media."""
    import mimetypes

    guessed = content_type or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    click.echo(client.upload_media_file(name or file.name, None, guessed, file_path=file))


@media.command("list")
@functools.partial(_client_command, api="account")
def media_list(client: bandwidth.account.Client, table: bool) -> None:
    """Print the account's media files (name, size, URL)."""
    _emit_rows(client.list_media_files(), table, ("media_name", "content_length", "content"))


@cli.command()
@click.argument("message_id")
@_client_command
def get(client: bandwidth.Client, table: bool, message_id: str) -> None:
    """Print one message."""
    _emit(client.get_message(message_id), table)


@cli.command("list")
@click.option("--from", "from_", help="Sent from this number.")
@click.option("--to", help="Sent to this number.")
@click.option("--from-date-time", help="At or after, UTC: yyyy-MM-dd[ hh:mm:ss.sss].")
@click.option("--to-date-time", help="Before, UTC, in the same format.")
@click.option("--direction", type=click.Choice(_choices(_LIST_RULES, "direction")))
@click.option("--state", type=click.Choice(_choices(_LIST_RULES, "state")))
@click.option("--delivery-state", type=click.Choice(_choices(_LIST_RULES, "delivery_state")))
@click.option("--sort-order", type=click.Choice(_choices(_LIST_RULES, "sort_order")))
@click.option("--size", type=int, help=f"Page size, {_range(_LIST_RULES, 'size')}.")
@click.option(
    "--limit",
    type=int,
    default=100,
    show_default=True,
    help="Stop after this many messages (0: no limit).",
)
@_client_command
def list_(client: bandwidth.Client, table: bool, limit: int, **filters: Any) -> None:
    """Print messages, newest first: JSON lines, or a table."""
    given = {name: value for name, value in filters.items() if value is not None}
    listing = client.list_messages(**given, limit=limit or None)  # the SDK's defaults hold
    _emit_rows(cast(Iterator[Mapping[str, object]], listing), table)


@cli.command()
@click.argument("message_id")
@_client_command
def redact(client: bandwidth.Client, table: bool, message_id: str) -> None:
    """Remove the text of a message."""
    client.redact_message(message_id)
    _emit({"id": message_id, "redacted": True}, table)


# -- bulk files ------------------------------------------------------------------------------


def _read_items(path: Path) -> Iterator[tuple[int, SendMessageItem]]:
    """(line number, item) for each message in a CSV or JSON lines file of UTF-8 text (with
    or without the byte order mark spreadsheets write)."""
    try:
        yield from _parse_items(path)
    except UnicodeDecodeError as error:
        with path.open("rb") as raw:
            where = next((f":{n}" for n, line in enumerate(raw, 1) if not _is_utf8(line)), "")
        byte = error.object[error.start]
        raise _Refused(
            f"{path}{where}: not UTF-8 text ({error.reason}: byte {byte:#x}); save it as UTF-8"
        ) from None


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parse_items(path: Path) -> Iterator[tuple[int, SendMessageItem]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        parsed = json.loads(line)
                    except ValueError as error:
                        raise _Refused(f"{path}:{number}: not JSON ({error})") from None
                    yield number, cast(SendMessageItem, parsed)
            return
        # strict: an unterminated quote (a file cut short) is an error, not text to the end.
        reader = csv.DictReader(handle, strict=True)
        try:
            header = reader.fieldnames  # read now, so that a bad one is line 1
        except csv.Error as error:
            raise _Refused(f"{path}:1: not CSV ({error})") from None
        if header is None:
            raise _Refused(f"{path} is empty: CSV needs a header row (from,to,text,...)")
        rows = iter(reader)
        while True:
            start = reader.line_num + 1  # where the next record begins
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as error:
                raise _Refused(f"{path}:{start}: not CSV ({error})") from None
            number = reader.line_num  # the file's line: a quoted text may span several
            if None in row:
                raise _Refused(
                    f"{path}:{number}: more fields than the header names (a damaged line?)"
                )
            item: dict[str, object] = {k.strip(): v for k, v in row.items() if k and v}
            for key, text in item.items():  # CSV has strings only: the spec's type says more
                kind = _COLUMN_TYPES.get(key)
                if kind == "array":
                    item[key] = str(text).split()
                elif kind == "integer":
                    try:
                        item[key] = int(str(text))
                    except ValueError:
                        raise _Refused(f"{path}:{number}: {key} must be an integer") from None
            yield number, cast(SendMessageItem, item)


class _Interrupts:
    """Ctrl-C during a bulk send: the first stops it gracefully, the second at once.

    While requests are being sent the first Ctrl-C only sets ``stop``: the run starts no new
    request, waits for those in flight and records them. Elsewhere (reading, looking up) it
    raises ``KeyboardInterrupt`` as usual: nothing is in flight there. A second Ctrl-C exits
    at once; every record already written stands, and the lines then in flight are looked up
    by the next run.
    """

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.sending = False
        self._previous: Any = None

    def __enter__(self) -> Self:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._previous is None:
            return
        # Stopped and recorded: the process is ending anyway, and a Ctrl-C landing while the
        # interpreter shuts down would only turn exit status 130 into a death by signal.
        signal.signal(signal.SIGINT, signal.SIG_IGN if self.stop.is_set() else self._previous)

    def _handle(self, signum: int, frame: object) -> None:
        if self.stop.is_set() or not self.sending:
            if self.stop.is_set():
                sys.stderr.write("\nbandwidth-messaging: stopped at once; rerun to go on\n")
                sys.stderr.flush()
                os._exit(_INTERRUPTED_EXIT)
            raise KeyboardInterrupt
        self.stop.set()
        sys.stderr.write(
            "\nbandwidth-messaging: stopping: no new requests; waiting for those in flight "
            "to be recorded (Ctrl-C again to quit at once)\n"
        )
        sys.stderr.flush()


class _Pace:
    """The progress line's account of pacing: the rate achieved over the last 10 seconds (the
    API's averaging window), the rate allowed, and the refusals for rate sent again."""

    WINDOW = 10.0

    def __init__(self, client: bandwidth.Client) -> None:
        self.client = client
        self.times: deque[float] = deque()

    def accepted(self) -> None:
        self.times.append(time.monotonic())

    def label(self) -> str:
        now = time.monotonic()
        while self.times and self.times[0] < now - self.WINDOW:
            self.times.popleft()
        span = min(self.WINDOW, max(now - self.times[0], 1.0)) if self.times else self.WINDOW
        pacing = self.client.pacing
        allowed = pacing["messages_per_second"]
        label = f"sending {len(self.times) / span:.1f}/s"
        label += f" of {allowed:g}/s allowed" if allowed is not None else " (no limit known)"
        if pacing["refusals"]:
            label += f", {pacing['refusals']} refused for rate and sent again"
        return label


class _BulkRun:
    """One ``send-bulk``: check the file, settle the lines in doubt, send the rest, report."""

    ROUNDS = 3  # send, look up what ended in doubt, send what was absent: then report

    def __init__(
        self,
        client: bandwidth.Client,
        file: Path,
        journal: bandwidth.Journal,
        concurrency: int,
        settle: float,
        interrupts: _Interrupts,
    ) -> None:
        self.client, self.file, self.journal = client, file, journal
        self.concurrency, self.settle, self.interrupts = concurrency, settle, interrupts
        self.accepted = self.failed = self.found = self.absent = self.skipped = 0
        self.problems: list[str] = []
        self.numbers = array("I")  # the file's line numbers: 4 bytes a line

    def run(self) -> None:
        try:
            todo = self._check_file()
        except KeyboardInterrupt:
            raise SystemExit(_INTERRUPTED_EXIT) from None  # nothing was sent yet
        if not self.numbers:
            click.echo(f"{self.file} has no messages: nothing sent", err=True)
            return
        if self.journal.damaged:
            click.echo(
                f"{self.journal.damaged} unreadable record(s) in {self.journal.path} passed over",
                err=True,
            )
        try:
            for round_ in range(self.ROUNDS):
                self._reconcile()
                unresolved = {r["index"] for r in self.journal.pending()}
                self._send(todo, count_skipped=round_ == 0)
                in_doubt = {r["index"] for r in self.journal.pending()} - unresolved
                # Go round again only for what this pass left in doubt: lines the API cannot
                # answer for stay as they are, for a person to check.
                if self.interrupts.stop.is_set() or not in_doubt:
                    break
                todo = len(in_doubt)
            else:
                self._reconcile()  # what the last round left in doubt
        except KeyboardInterrupt:
            self.interrupts.stop.set()
        self._report()

    def _check_file(self) -> int:
        """Check every line before anything is sent; count those to send."""
        todo = 0
        for number, item in _read_items(self.file):
            checked = bandwidth.check_message(item, f"{self.file.name}:{number}")
            state = self.journal.state(number, checked)
            todo += state not in ("accepted", "unknown")
            self.numbers.append(number)
        return todo

    def _reconcile(self) -> None:
        pending = self.journal.pending()
        if not pending:
            return
        click.echo(
            f"looking up {len(pending)} line(s) whose message may have been sent...", err=True
        )
        try:
            results = self.journal.reconcile(self.client, settle=self.settle)
        except BandwidthError as error:
            click.echo(f"bandwidth-messaging: could not look them up: {error}", err=True)
            return
        for result in results:
            if result["result"] == "accepted":
                self.found += 1
            elif not result.get("may_have_been_sent"):
                self.absent += 1

    def _send(self, total: int, *, count_skipped: bool) -> None:
        journal = self.journal
        skipped_before = journal.skipped
        bar = (
            click.progressbar(length=total, label="sending", file=sys.stderr)
            if sys.stderr.isatty() and total
            else None
        )
        results = journal.send(
            self.client,
            _read_items(self.file),
            concurrency=self.concurrency,
            stop=self.interrupts.stop,
        )
        self.interrupts.sending = True
        pace = _Pace(self.client)
        try:
            for result in results:  # each is on disk before it arrives here
                if result["result"] == "accepted":
                    self.accepted += 1
                    pace.accepted()
                else:
                    self.failed += 1
                    self._note(result)
                if bar is not None:
                    bar.label = pace.label()
                    bar.update(1)
        finally:
            results.close()  # waits for the requests in flight, recording them
            self.interrupts.sending = False
            if bar is not None:
                bar.render_finish()
        if count_skipped:  # later rounds pass over the same lines again
            self.skipped += journal.skipped - skipped_before

    def _note(self, result: SendResult) -> None:
        if len(self.problems) < _PROBLEMS_SHOWN:
            error = result.get("error", {})
            doubt = (
                " (may have been sent: looked up next)" if result.get("may_have_been_sent") else ""
            )
            self.problems.append(
                f"line {result['index']}: Error {error.get('code')}: {error.get('message')}{doubt}"
            )

    def _report(self) -> None:
        counts = self.journal.counts()
        summary = f"{self.accepted} accepted, {self.failed} not accepted, {self.skipped} skipped"
        if self.found or self.absent:
            summary += f"; looked up: {self.found} found sent, {self.absent} absent and sent again"
        click.echo(summary, err=True)
        for problem in self.problems:
            click.echo(problem, err=True)
        if self.failed > len(self.problems):
            click.echo(f"... and more: see {self.journal.path}", err=True)
        unknown = counts["unknown"]
        if self.interrupts.stop.is_set():
            click.echo(
                f"stopped by Ctrl-C: everything sent is recorded in {self.journal.path}; "
                "rerun the same command to go on",
                err=True,
            )
            raise SystemExit(_INTERRUPTED_EXIT)
        if unknown:
            click.echo(
                f"{unknown} line(s) may have been sent and could not be looked up: they are "
                f"'unknown' in {self.journal.path} and are not sent again; check them by hand",
                err=True,
            )
        # Every line that differed from its record was sent by this run, so each line's
        # last record is about what the file says now.
        if unknown or any(self.journal.last_state(n) != "accepted" for n in self.numbers):
            raise SystemExit(_FAILED_EXIT)
