"""3.x's module path of the Account API client: ``from bandwidth.account.client_module import
Client``."""

from .._account import AsyncClient, Client

__all__ = ["AsyncClient", "Client"]
