"""The Voice API's place in this package: named, never called.

This package covers Bandwidth's Messaging API and the Account operations messaging applications
use. 3.x's ``bandwidth.voice.Client`` is here so that programs written for 3.x import and
build it, and their messaging parts run. Its methods are 3.x's names, listed once below, and
one refusal: calling any of them, with any arguments, makes no request and raises
``VoiceAPINotIncludedError`` naming the method. 3.x's domain and endpoint methods (SIP), which
3.x put on the Account client, are refused the same way there.
"""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, NoReturn

from ._exceptions import VoiceAPINotIncludedError

__all__ = ["SIP_METHODS", "VOICE_METHODS", "Client", "SipNotIncluded"]

VOICE_METHODS: Final = frozenset(
    {
        "build_sentence", "build_audio_playback", "list_calls", "create_call", "get_call",
        "update_call", "play_audio_to_call", "send_dtmf_to_call", "list_call_recordings",
        "list_call_transcriptions", "list_call_events", "get_call_event", "create_call_gather",
        "get_call_gather", "update_call_gather", "answer_call", "reject_call", "hangup_call",
        "enable_call_recording", "disable_call_recording", "toggle_call_recording",
        "transfer_call", "list_bridges", "create_bridge", "get_bridge", "update_bridge",
        "list_bridge_calls", "play_audio_to_bridge", "create_conference", "get_conference",
        "update_conference", "play_audio_to_conference", "list_conference_members",
        "create_conference_member", "get_conference_member", "update_conference_member",
        "play_audio_to_conference_member", "speak_sentence_to_conference_member",
        "play_audio_file_to_conference_member", "remove_conference_member",
        "hold_conference_member", "mute_conference_member", "terminate_conference",
        "hold_conference", "mute_conference", "list_recordings", "get_recording",
        "list_transcriptions", "create_transcription", "get_transcription",
        "speak_sentence_to_call", "play_audio_file_to_call", "speak_sentence_to_bridge",
        "play_audio_file_to_bridge", "speak_sentence_to_conference",
        "play_audio_file_to_conference",
    }
)  # fmt: skip
"""3.1.0's ``bandwidth.voice.Client`` methods (its ``play_audio`` decorator adds the last six)."""

SIP_METHODS: Final = frozenset(
    {
        "list_domains", "create_domain", "get_domain", "delete_domain", "list_domain_endpoints",
        "create_domain_endpoint", "get_domain_endpoint", "update_domain_endpoint",
        "delete_domain_endpoint", "create_domain_endpoint_auth_token",
    }
)  # fmt: skip
"""3.1.0's ``bandwidth.account.Client`` methods for domains and endpoints (SIP)."""


def _refusal(name: str, error: VoiceAPINotIncludedError) -> Callable[..., NoReturn]:
    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise error

    refuse.__name__ = refuse.__qualname__ = name
    # A traceback names the method called ("in create_call"), not this helper.
    refuse.__code__ = refuse.__code__.replace(co_name=name, co_qualname=name)
    refuse.__module__ = "bandwidth.voice"
    refuse.__doc__ = (
        f"3.x's ``{name}``: not part of this package; raises ``{type(error).__name__}``."
    )
    return refuse


class Client:
    """3.x's Voice API client, kept so that 3.x programs run their messaging parts: it is
    made with 3.x's arguments (the credentials are not kept), and each of 3.x's voice methods
    (``create_call``, ``list_bridges``, ... ``VOICE_METHODS``) raises
    ``VoiceAPINotIncludedError`` before any request, whatever its arguments."""

    def __init__(
        self,
        user_id: str | None = None,
        api_token: str | None = None,
        api_secret: str | None = None,
        **other_options: object,
    ) -> None:
        self.user_id = user_id

    def __getattr__(self, name: str) -> Callable[..., NoReturn]:
        if name not in VOICE_METHODS:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return _refusal(
            name,
            VoiceAPINotIncludedError(
                f"voice.Client.{name}: the Voice API is not part of this package (it covers "
                "messaging and the Account operations messaging applications use); nothing "
                "was sent"
            ),
        )

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *VOICE_METHODS})

    def __repr__(self) -> str:
        return f"<bandwidth.voice.Client user_id={self.user_id!r} (the Voice API is not included)>"

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def close(self) -> None:
        """Nothing to close: no connection is ever made."""


def _listed(doc: str | None, names: frozenset[str]) -> str:
    """``doc`` and, after it, the names refused: help() lists them, though no attribute of
    the class holds them."""
    listing = textwrap.fill("3.x's methods, each refused: " + ", ".join(sorted(names)) + ".", 88)
    return f"{inspect.cleandoc(doc or '')}\n\n{listing}"


Client.__doc__ = _listed(Client.__doc__, VOICE_METHODS)


class SipNotIncluded:
    """3.x's Account methods for domains and endpoints (``SIP_METHODS``), which belong to the
    Voice API: each raises ``VoiceAPINotIncludedError`` before any request. Type checkers do
    not see them, so a typed program learns before it runs that they are not here, and a
    misspelt Account method stays an error."""

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Callable[..., NoReturn]:
            if name not in SIP_METHODS:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            return _refusal(
                name,
                VoiceAPINotIncludedError(
                    f"account.Client.{name}: domains and endpoints (SIP) belong to the Voice "
                    "API, which is not part of this package; nothing was sent"
                ),
            )

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *SIP_METHODS})


SipNotIncluded.__doc__ = _listed(SipNotIncluded.__doc__, SIP_METHODS)
