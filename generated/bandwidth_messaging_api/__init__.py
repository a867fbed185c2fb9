"""A client library for accessing Bandwidth Messaging API"""

# Project template (spec/templates/): the clients load on first use, not at import, so that
# importing `typed_dicts` alone (as the `bandwidth` facade does) stays cheap.
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
