"""3.x's module path of the Messaging API client: ``from bandwidth.messaging.client_module
import Client`` imports the client of ``bandwidth.messaging``."""

from .._client import AsyncClient, Client

__all__ = ["AsyncClient", "Client"]
