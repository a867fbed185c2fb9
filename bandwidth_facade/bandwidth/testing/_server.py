"""Serving a ``FakeMessagingAPI`` over HTTP on loopback, for code that cannot take a transport."""

from __future__ import annotations

import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self

import httpx

from ._fake import FakeMessagingAPI

__all__ = ["FakeServer", "serve"]


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, as the real API: clients pool connections
    # Headers and body go out in separate writes; without this, Nagle's algorithm and the
    # client's delayed ACK add 40 ms to every answer with a body.
    disable_nagle_algorithm = True

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        request = httpx.Request(
            self.command,
            f"{self.server.url}{self.path}",
            headers=list(self.headers.items()),
            content=body,
        )
        if self.server.latency:
            time.sleep(self.server.latency)  # outside the fake's lock: requests overlap
        try:
            response = self.server.fake.handle(request, served=True)
        except httpx.TransportError:
            self.close_connection = True  # a dropped connection: no answer at all
            return
        content = response.read()
        try:
            self.send_response(response.status_code)
            for name, value in response.headers.multi_items():
                if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up waiting (a timeout): as the API

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: tests and the demo print what matters


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog of 5 drops connection attempts when a client opens
    # several at once (an async bulk send); each dropped SYN then costs a 1 s retransmit.
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that goes away (killed, timed out) resets its connection: as the API,
        # shrug. Anything else is a fault of the stand-in and is printed.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    def __init__(
        self, address: tuple[str, int], fake: FakeMessagingAPI, latency: float = 0.0
    ) -> None:
        super().__init__(address, _Handler)
        self.fake = fake
        self.latency = latency

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class FakeServer:
    """A ``FakeMessagingAPI`` served on loopback in a background thread.

    ``with FakeServer() as server:`` gives ``server.url`` to use as ``api_endpoint`` and
    ``server.fake`` to inspect; leaving the block stops it. ``latency`` (seconds) delays every
    answer, as the network and the real API do.
    """

    def __init__(
        self,
        fake: FakeMessagingAPI | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        latency: float = 0.0,
    ) -> None:
        self.fake: FakeMessagingAPI = fake if fake is not None else FakeMessagingAPI()
        self._server = _Server((host, port), self.fake, latency)
        self._thread = threading.Thread(
            target=self._server.serve_forever, daemon=True, name="bandwidth-fake-server"
        )

    @property
    def url(self) -> str:
        return self._server.url

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve(
    fake: FakeMessagingAPI | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    latency: float = 0.0,
) -> None:
    """Serve in the foreground until interrupted."""
    server = _Server((host, port), fake if fake is not None else FakeMessagingAPI(), latency)
    print(f"Fake Bandwidth Messaging API on {server.url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        counts = server.fake.rate_counts
        print(
            f"sends: {counts['accepted']} accepted, {counts['refused']} refused for rate",
            flush=True,
        )
