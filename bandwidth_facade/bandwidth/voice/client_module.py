"""3.x's module path of the Voice API client, which this package does not include:
``Client``'s methods raise ``VoiceAPINotIncludedError``."""

from .._voice import Client

__all__ = ["Client"]
