"""``bandwidth-messaging`` (also ``python -m bandwidth``): the Messaging API from a shell.

Output is JSON (one document, or JSON lines for listings and bulk results), or a table with
``--table``. Failures exit non-zero with the API's error on stderr: 1 for a refused or failed
call, 2 for bad input (nothing was sent).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn, cast

try:
    import click
except ImportError:  # pragma: no cover - depends on how the package was installed
    click = None  # type: ignore[assignment]

import bandwidth

from ._exceptions import (
    APIConnectionError,
    BandwidthError,
    BandwidthMessageAPIException,
    InvalidTypeError,
    InvalidValueError,
)
from ._types import SendMessageItem, SendResult
from ._validation import send_item

__all__ = ["main"]

_TABLE_COLUMNS = ("id", "time", "direction", "from", "to", "state", "delivery_state", "text")
_NOT_SENT_EXIT, _FAILED_EXIT = 2, 1


def main(argv: Sequence[str] | None = None) -> None:
    if click is None:
        sys.stderr.write("bandwidth-messaging needs click: pip install 'bandwidth-sdk[cli]'\n")
        raise SystemExit(_NOT_SENT_EXIT)
    cli.main(args=argv, prog_name="bandwidth-messaging")


# -- output ----------------------------------------------------------------------------------


def _emit(value: object, table: bool) -> None:
    if not table:
        click.echo(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, Mapping):
        width = max((len(str(k)) for k in value), default=0)
        for key, item in value.items():
            click.echo(f"{key:<{width}}  {_cell(item)}")
    else:
        click.echo(str(value))


def _cell(value: object, limit: int = 40) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _emit_rows(rows: Iterable[Mapping[str, object]], table: bool) -> None:
    if not table:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    # A table needs every row's width first; listings are bounded by --limit for this.
    cells = [[_cell(row.get(c, "")) for c in _TABLE_COLUMNS] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(_TABLE_COLUMNS)]
    click.echo(
        "  ".join(c.upper().ljust(w) for c, w in zip(_TABLE_COLUMNS, widths, strict=True)).rstrip()
    )
    for line in cells:
        click.echo("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())


def _fail(error: BandwidthError) -> NoReturn:
    note = ""
    if isinstance(error, APIConnectionError | BandwidthMessageAPIException) and (
        error.may_have_been_sent and error.request.method == "POST"
    ):
        note = " (the message may have been sent: check before sending it again)"
    click.echo(f"bandwidth-messaging: {error}{note}", err=True)
    not_sent = isinstance(error, InvalidTypeError | InvalidValueError)
    raise SystemExit(_NOT_SENT_EXIT if not_sent else _FAILED_EXIT)


class _Context:
    def __init__(self, options: dict[str, Any], table: bool) -> None:
        self.options = options
        self.table = table

    def client(self) -> bandwidth.Client:
        try:
            return bandwidth.client("messaging", **self.options)
        except BandwidthError as error:
            _fail(error)


def _client_command(function: Any) -> Any:
    """Run a command with the group's client; SDK errors become exit codes, not tracebacks.
    ``--table`` is accepted after the command too, where people type it."""

    @click.option("--table", "table_here", is_flag=True, help="Print a table instead of JSON.")
    @click.pass_obj
    def run(context: _Context, /, table_here: bool, **kwargs: Any) -> None:
        with context.client() as client:
            try:
                function(client, context.table or table_here, **kwargs)
            except BandwidthError as error:
                _fail(error)

    run.__name__ = function.__name__
    run.__doc__ = function.__doc__
    return run


# -- commands --------------------------------------------------------------------------------

if click is not None:

    @click.group(context_settings={"help_option_names": ["-h", "--help"]})
    @click.option(
        "--user-id",
        envvar="BANDWIDTH_USER_ID",
        help="Account user id (u-...). [env: BANDWIDTH_USER_ID]",
    )
    @click.option(
        "--api-token",
        envvar="BANDWIDTH_API_TOKEN",
        help="API token (t-...). [env: BANDWIDTH_API_TOKEN]",
    )
    @click.option(
        "--api-secret",
        envvar="BANDWIDTH_API_SECRET",
        help="API secret (s-...). [env: BANDWIDTH_API_SECRET]",
    )
    @click.option(
        "--api-endpoint",
        envvar="BANDWIDTH_API_ENDPOINT",
        help="API base URL. [env: BANDWIDTH_API_ENDPOINT; default: Bandwidth's]",
    )
    @click.option("--timeout", type=float, help="Seconds to wait for each answer.")
    @click.option("--table", is_flag=True, help="Print a table for people instead of JSON.")
    @click.version_option(bandwidth.__version__, prog_name="bandwidth-messaging")
    @click.pass_context
    def cli(
        ctx: click.Context,
        user_id: str | None,
        api_token: str | None,
        api_secret: str | None,
        api_endpoint: str | None,
        timeout: float | None,
        table: bool,
    ) -> None:
        """Send and read SMS and MMS with Bandwidth's Messaging API.

        Credentials come from the options or the BANDWIDTH_* environment variables.
        """
        options: dict[str, Any] = {
            "user_id": user_id,
            "api_token": api_token,
            "api_secret": api_secret,
        }
        if api_endpoint:
            options["api_endpoint"] = api_endpoint
        if timeout is not None:
            options["timeout"] = timeout
        ctx.obj = _Context(options, table)

    @cli.command()
    @click.option("--from", "from_", required=True, help="One of your numbers, E.164.")
    @click.option("--to", required=True, help="The recipient, E.164 (or a short code).")
    @click.option("--text", help="The message text (at most 2048 characters).")
    @click.option("--media", multiple=True, help="URL of media to attach (repeat for more).")
    @click.option("--receipt-requested", type=click.Choice(["none", "all", "error"]))
    @click.option("--callback-url", help="Where Bandwidth sends events for this message.")
    @click.option("--callback-http-method", type=click.Choice(["GET", "POST"]))
    @click.option("--callback-timeout", type=int, help="Milliseconds, 1 to 10000.")
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
        help="JSON lines file of results per line; on a rerun with the same file, "
        "lines already accepted (or possibly sent) are skipped.",
    )
    @click.option(
        "--concurrency",
        type=int,
        default=1,
        show_default=True,
        help="Requests of 50 messages in flight at once.",
    )
    @_client_command
    def send_bulk(
        client: bandwidth.Client,
        table: bool,
        file: Path,
        results_path: Path | None,
        concurrency: int,
    ) -> None:
        """Send every message in FILE: CSV with a header row (from,to,text,media,...; several
        media separated by spaces) or JSON lines (.jsonl), one message a line.

        Results go to --results (JSON lines: line, result, id or error) or stdout. Lines whose
        message may have been sent are never sent again by a rerun: check them by hand.
        """
        lines = list(_read_items(file))
        for number, item in lines:  # every line is checked before anything is sent
            send_item(item, f"{file.name}:{number}")
        done = _previous_results(results_path, lines)
        todo = [(number, item) for number, item in lines if number not in done]
        if done:
            click.echo(f"skipping {len(done)} line(s) already sent, per {results_path}", err=True)
        bar = (
            click.progressbar(length=len(todo), label="sending", file=sys.stderr)
            if sys.stderr.isatty() and todo
            else None
        )
        progress = [0]

        def on_progress(finished: int, total: int) -> None:
            if bar is not None:
                bar.update(finished - progress[0])
            progress[0] = finished

        results = (
            client.send_messages(
                [item for _, item in todo], on_progress=on_progress, concurrency=concurrency
            )
            if todo
            else []
        )
        if bar is not None:
            bar.render_finish()
        rows = [
            _result_row(number, item, result)
            for (number, item), result in zip(todo, results, strict=True)
        ]
        if results_path is not None:
            with results_path.open("a", encoding="utf-8") as out:
                out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        else:
            _emit_rows(rows, False)
        failed = [row for row in rows if row["result"] != "accepted"]
        accepted = len(rows) - len(failed)
        click.echo(
            f"{accepted} accepted, {len(failed)} not accepted, {len(done)} skipped", err=True
        )
        for row in failed:
            doubt = " (may have been sent)" if row.get("may_have_been_sent") else ""
            error = cast(dict[str, Any], row.get("error", {}))
            click.echo(
                f"line {row['line']}: Error {error.get('code')}: {error.get('message')}{doubt}",
                err=True,
            )
        if failed:
            raise SystemExit(_FAILED_EXIT)

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
    @click.option("--direction", type=click.Choice(["in", "out"]))
    @click.option("--state", type=click.Choice(["received", "queued", "sending", "sent", "error"]))
    @click.option("--delivery-state", type=click.Choice(["waiting", "delivered", "not-delivered"]))
    @click.option("--sort-order", type=click.Choice(["asc", "desc"]))
    @click.option("--size", type=int, help="Page size, 1 to 1000.")
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
        _emit_rows(
            cast(
                Iterator[Mapping[str, object]], client.list_messages(**filters, limit=limit or None)
            ),
            table,
        )

    @cli.command()
    @click.argument("message_id")
    @_client_command
    def redact(client: bandwidth.Client, table: bool, message_id: str) -> None:
        """Remove the text of a message."""
        client.redact_message(message_id)
        _emit({"id": message_id, "redacted": True}, table)


# -- bulk files ------------------------------------------------------------------------------


def _read_items(path: Path) -> Iterator[tuple[int, SendMessageItem]]:
    """(line number, item) for each message in a CSV or JSON lines file."""
    with path.open(encoding="utf-8", newline="") as handle:
        if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        parsed = json.loads(line)
                    except ValueError as error:
                        raise click.UsageError(f"{path}:{number}: not JSON ({error})") from None
                    yield number, cast(SendMessageItem, parsed)
            return
        reader = csv.DictReader(handle)
        for row in reader:
            number = reader.line_num  # the file's line: a quoted text may span several
            item: dict[str, object] = {k.strip(): v for k, v in row.items() if k and v}
            if "media" in item:
                item["media"] = str(item["media"]).split()
            for key in ("callbackTimeout", "callback_timeout"):
                if key in item:
                    try:
                        item[key] = int(str(item[key]))
                    except ValueError:
                        raise click.UsageError(
                            f"{path}:{number}: {key} must be an integer"
                        ) from None
            yield number, cast(SendMessageItem, item)


def _previous_results(path: Path | None, lines: list[tuple[int, SendMessageItem]]) -> set[int]:
    """Lines a previous run accepted, or may have sent, for the same message."""
    if path is None or not path.exists():
        return set()
    items = dict(lines)
    done: set[int] = set()
    for row in map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").splitlines())):
        number = row.get("line")
        sent = row.get("result") == "accepted" or row.get("may_have_been_sent")
        if sent and number in items and row.get("item") == items[number]:
            done.add(number)
    return done


def _result_row(number: int, item: SendMessageItem, result: SendResult) -> dict[str, object]:
    row: dict[str, object] = {"line": number, "result": result["result"], "item": item}
    for key in ("id", "error", "may_have_been_sent"):
        if key in result:
            row[key] = result[key]
    return row
