"""A stand-in for the Messaging API, to run and test code without Bandwidth.

    from bandwidth.testing import FakeMessagingAPI
    fake = FakeMessagingAPI()
    client = bandwidth.client('messaging', 'u-user', 't-token', 's-secret',
                              http_client=httpx.Client(transport=fake.transport()))

or on loopback: ``with FakeServer() as server: ... api_endpoint=server.url``, or from a shell:
``python -m bandwidth.testing serve --port 8080``.
"""

from .._rate import clock
from .._waits import recorded_waits
from ._fake import Callback, FakeMessagingAPI, Fault, StoredMessage
from ._fake_account import FakeAccount
from ._server import FakeServer, serve

__all__ = [
    "Callback",
    "FakeAccount",
    "FakeMessagingAPI",
    "FakeServer",
    "Fault",
    "StoredMessage",
    "clock",
    "recorded_waits",
    "serve",
]

for _name in __all__:  # shown as bandwidth.testing.X in reprs, help and tracebacks
    _public = globals()[_name]
    if getattr(_public, "__module__", "").startswith(f"{__name__}._"):
        _public.__module__ = __name__
