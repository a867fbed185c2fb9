"""3.x's ``bandwidth.voice.bxml``: BXML, the Voice API's call instructions, which this package
does not include. ``Response`` is here so that a program written for 3.x imports it and runs
its messaging parts; making one raises ``VoiceAPINotIncludedError``."""

from __future__ import annotations

from .._exceptions import VoiceAPINotIncludedError

__all__ = ["Response"]


class Response:
    """3.x's BXML ``Response``: not part of this package; making one raises
    ``VoiceAPINotIncludedError``."""

    def __init__(self, *response_verbs: object) -> None:
        raise VoiceAPINotIncludedError(
            "voice.bxml.Response: BXML belongs to the Voice API, which is not part of this "
            "package (it covers messaging and the Account operations messaging applications use)"
        )
