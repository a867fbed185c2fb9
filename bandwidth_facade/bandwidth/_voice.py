"""The Voice API's place in this package: named, never called.

This package covers Bandwidth's Messaging API and the Account operations messaging applications
use. 3.x's ``bandwidth.voice.Client`` is here so that programs written for 3.x import and
build it, and their messaging parts run; each of its methods keeps 3.x's name and arguments,
makes no request, and raises ``VoiceAPINotIncludedError`` naming itself.
"""

from __future__ import annotations

from typing import NoReturn

from ._exceptions import VoiceAPINotIncludedError

__all__ = ["Client", "SipNotIncluded"]


def _not_included(method: str) -> VoiceAPINotIncludedError:
    return VoiceAPINotIncludedError(
        f"voice.Client.{method}: the Voice API is not part of this package (it covers "
        "messaging and the Account operations messaging applications use); nothing was sent"
    )


def _sip_not_included(method: str) -> VoiceAPINotIncludedError:
    return VoiceAPINotIncludedError(
        f"account.Client.{method}: domains and endpoints (SIP) belong to the Voice API, which "
        "is not part of this package; nothing was sent"
    )


class Client:
    """3.x's Voice API client, kept so that 3.x programs run their messaging parts: it is
    made with 3.x's arguments, and every method raises ``VoiceAPINotIncludedError`` before
    any request. The credentials are not kept."""

    def __init__(
        self,
        user_id: str | None = None,
        api_token: str | None = None,
        api_secret: str | None = None,
        **other_options: object,
    ) -> None:
        self.user_id = user_id

    def __repr__(self) -> str:
        return f"<bandwidth.voice.Client user_id={self.user_id!r} (the Voice API is not included)>"

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def close(self) -> None:
        """Nothing to close: no connection is ever made."""

    def build_sentence(
        self,
        sentence: object,
        gender: object = None,
        locale: object = None,
        voice: object = None,
        loop_enabled: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: create a dictionary to speak sentence to live call, bridge, or conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("build_sentence")

    def build_audio_playback(
        self,
        file_url: object,
        loop_enabled: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: create a dictionary to playback audio file.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("build_audio_playback")

    def list_calls(
        self,
        bridge_id: object = None,
        conference_id: object = None,
        from_: object = None,
        to: object = None,
        size: object = None,
        sort_order: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: get a list of calls.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("list_calls")

    def create_call(
        self,
        from_: object,
        to: object,
        call_timeout: object = None,
        callback_url: object = None,
        callback_timeout: object = None,
        callback_http_method: object = None,
        fallback_url: object = None,
        bridge_id: object = None,
        conference_id: object = None,
        recording_enabled: object = False,
        recording_file_format: object = None,
        recording_max_duration: object = None,
        transcription_enabled: object = False,
        tag: object = None,
        sip_headers: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: create a call. Not part of this package: raises ``VoiceAPINotIncludedError``."""
        raise _not_included("create_call")

    def get_call(self, call_id: object) -> NoReturn:
        """3.x: get information about a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("get_call")

    def update_call(
        self,
        call_id: object,
        state: object = None,
        recording_enabled: object = None,
        recording_file_format: object = None,
        transfer_to: object = None,
        transfer_caller_id: object = None,
        whisper_audio: object = None,
        callback_url: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: update a call. Not part of this package: raises ``VoiceAPINotIncludedError``."""
        raise _not_included("update_call")

    def play_audio_to_call(
        self,
        call_id: object,
        file_url: object = None,
        sentence: object = None,
        gender: object = None,
        locale: object = None,
        voice: object = None,
        loop_enabled: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: play audio to a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("play_audio_to_call")

    def send_dtmf_to_call(self, call_id: object, dtmf_out: object, **kwargs: object) -> NoReturn:
        """3.x: send DTMF (phone keypad digit presses).

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("send_dtmf_to_call")

    def list_call_recordings(self, call_id: object) -> NoReturn:
        """3.x: get a list of recordings of a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("list_call_recordings")

    def list_call_transcriptions(self, call_id: object) -> NoReturn:
        """3.x: get a list of transcriptions of a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("list_call_transcriptions")

    def list_call_events(self, call_id: object) -> NoReturn:
        """3.x: get a list of events of a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("list_call_events")

    def get_call_event(self, call_id: object, event_id: object) -> NoReturn:
        """3.x: get an event of a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("get_call_event")

    def create_call_gather(
        self,
        call_id: object,
        max_digits: object = None,
        inter_digit_timeout: object = None,
        terminating_digits: object = None,
        tag: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: create a gather for a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("create_call_gather")

    def get_call_gather(self, call_id: object, gather_id: object) -> NoReturn:
        """3.x: get a gather of a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("get_call_gather")

    def update_call_gather(
        self,
        call_id: object,
        gather_id: object,
        state: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: update a gather of a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("update_call_gather")

    def answer_call(self, call_id: object) -> NoReturn:
        """3.x: answer incoming call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("answer_call")

    def reject_call(self, call_id: object) -> NoReturn:
        """3.x: reject incoming call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("reject_call")

    def hangup_call(self, call_id: object) -> NoReturn:
        """3.x: complete active call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("hangup_call")

    def enable_call_recording(self, call_id: object) -> NoReturn:
        """3.x: turn on call recording.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("enable_call_recording")

    def disable_call_recording(self, call_id: object) -> NoReturn:
        """3.x: turn off call recording.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("disable_call_recording")

    def toggle_call_recording(self, call_id: object) -> NoReturn:
        """3.x: fetches the current call state and either toggles recording on or off.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("toggle_call_recording")

    def transfer_call(
        self,
        call_id: object,
        to: object,
        caller_id: object = None,
        whisper_audio: object = None,
        callback_url: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: transfer a call. Not part of this package: raises ``VoiceAPINotIncludedError``."""
        raise _not_included("transfer_call")

    def list_bridges(self, size: object = None, **kwargs: object) -> NoReturn:
        """3.x: get a list of bridges.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("list_bridges")

    def create_bridge(
        self,
        call_ids: object = None,
        bridge_audio: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: create a bridge. Not part of this package: raises ``VoiceAPINotIncludedError``."""
        raise _not_included("create_bridge")

    def get_bridge(self, bridge_id: object) -> NoReturn:
        """3.x: gets information about a bridge.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("get_bridge")

    def update_bridge(
        self,
        bridge_id: object,
        call_ids: object = None,
        bridge_audio: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: update a bridge. Not part of this package: raises ``VoiceAPINotIncludedError``."""
        raise _not_included("update_bridge")

    def list_bridge_calls(self, bridge_id: object) -> NoReturn:
        """3.x: get a list of calls of a bridge.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("list_bridge_calls")

    def play_audio_to_bridge(
        self,
        bridge_id: object,
        file_url: object = None,
        sentence: object = None,
        gender: object = None,
        locale: object = None,
        voice: object = None,
        loop_enabled: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: play audio to a bridge.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("play_audio_to_bridge")

    def create_conference(
        self,
        from_: object,
        callback_url: object = None,
        callback_timeout: object = None,
        callback_http_method: object = None,
        fallback_url: object = None,
        tag: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: create a conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("create_conference")

    def get_conference(self, conference_id: object) -> NoReturn:
        """3.x: get information about a conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("get_conference")

    def update_conference(
        self,
        conference_id: object,
        state: object = None,
        mute: object = None,
        hold: object = None,
        callback_url: object = None,
        callback_timeout: object = None,
        callback_http_method: object = None,
        fallback_url: object = None,
        tag: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: update a conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("update_conference")

    def play_audio_to_conference(
        self,
        conference_id: object,
        file_url: object = None,
        sentence: object = None,
        gender: object = None,
        locale: object = None,
        voice: object = None,
        loop_enabled: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: play audio to a conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("play_audio_to_conference")

    def list_conference_members(self, conference_id: object) -> NoReturn:
        """3.x: get a list of members of a conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("list_conference_members")

    def create_conference_member(
        self,
        conference_id: object,
        call_id: object = None,
        join_tone: object = None,
        leaving_tone: object = None,
        mute: object = None,
        hold: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: create a conference member for a conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("create_conference_member")

    def get_conference_member(self, conference_id: object, member_id: object) -> NoReturn:
        """3.x: get a conference member.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("get_conference_member")

    def update_conference_member(
        self,
        conference_id: object,
        member_id: object,
        join_tone: object = None,
        leaving_tone: object = None,
        mute: object = None,
        hold: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: update a conference member.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("update_conference_member")

    def play_audio_to_conference_member(
        self,
        conference_id: object,
        member_id: object,
        file_url: object = None,
        sentence: object = None,
        gender: object = None,
        locale: object = None,
        voice: object = None,
        loop_enabled: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: play audio to a conference member.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("play_audio_to_conference_member")

    def speak_sentence_to_conference_member(
        self,
        conference_id: object,
        member_id: object,
        sentence: object,
        gender: object = "female",
        voice: object = "susan",
        locale: object = "en_US",
        tag: object = None,
    ) -> NoReturn:
        """3.x: speak sentence to a conference member.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("speak_sentence_to_conference_member")

    def play_audio_file_to_conference_member(
        self,
        conference_id: object,
        member_id: object,
        file_url: object,
        tag: object = None,
    ) -> NoReturn:
        """3.x: play audio file to a conference member.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("play_audio_file_to_conference_member")

    def remove_conference_member(self, conference_id: object, member_id: object) -> NoReturn:
        """3.x: remove a conference member.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("remove_conference_member")

    def hold_conference_member(
        self,
        conference_id: object,
        member_id: object,
        hold: object,
    ) -> NoReturn:
        """3.x: hold or unhold a conference member.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("hold_conference_member")

    def mute_conference_member(
        self,
        conference_id: object,
        member_id: object,
        mute: object,
    ) -> NoReturn:
        """3.x: mute or unmute a conference member.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("mute_conference_member")

    def terminate_conference(self, conference_id: object) -> NoReturn:
        """3.x: terminate of current conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("terminate_conference")

    def hold_conference(self, conference_id: object, hold: object) -> NoReturn:
        """3.x: hold or unhold a conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("hold_conference")

    def mute_conference(self, conference_id: object, mute: object) -> NoReturn:
        """3.x: mute or unmute a conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("mute_conference")

    def list_recordings(self, size: object = None, **kwargs: object) -> NoReturn:
        """3.x: get a list of call recordings.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("list_recordings")

    def get_recording(self, recording_id: object) -> NoReturn:
        """3.x: gets information about a recording.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("get_recording")

    def list_transcriptions(
        self,
        recording_id: object,
        size: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: get a list of transcriptions.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("list_transcriptions")

    def create_transcription(self, recording_id: object) -> NoReturn:
        """3.x: create a transcirption for given recording.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("create_transcription")

    def get_transcription(self, recording_id: object, transcription_id: object) -> NoReturn:
        """3.x: get information about a transcription.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("get_transcription")

    def speak_sentence_to_call(
        self,
        id: object,
        sentence: object,
        gender: object = "female",
        voice: object = "susan",
        locale: object = "en_US",
        tag: object = None,
    ) -> NoReturn:
        """3.x: speak a sentence to a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("speak_sentence_to_call")

    def play_audio_file_to_call(self, id: object, file_url: object, tag: object = None) -> NoReturn:
        """3.x: play an audio file to a call.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("play_audio_file_to_call")

    def speak_sentence_to_bridge(
        self,
        id: object,
        sentence: object,
        gender: object = "female",
        voice: object = "susan",
        locale: object = "en_US",
        tag: object = None,
    ) -> NoReturn:
        """3.x: speak a sentence to a bridge.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("speak_sentence_to_bridge")

    def play_audio_file_to_bridge(
        self,
        id: object,
        file_url: object,
        tag: object = None,
    ) -> NoReturn:
        """3.x: play an audio file to a bridge.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("play_audio_file_to_bridge")

    def speak_sentence_to_conference(
        self,
        id: object,
        sentence: object,
        gender: object = "female",
        voice: object = "susan",
        locale: object = "en_US",
        tag: object = None,
    ) -> NoReturn:
        """3.x: speak a sentence to a conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("speak_sentence_to_conference")

    def play_audio_file_to_conference(
        self,
        id: object,
        file_url: object,
        tag: object = None,
    ) -> NoReturn:
        """3.x: play an audio file to a conference.

        Not part of this package: raises ``VoiceAPINotIncludedError``.
        """
        raise _not_included("play_audio_file_to_conference")


class SipNotIncluded:
    """3.x's Account methods for domains and endpoints (SIP registration), which belong to
    the Voice API: each keeps its 3.x name and arguments and raises
    ``VoiceAPINotIncludedError`` before any request."""

    def list_domains(self, size: object = None, **kwargs: object) -> NoReturn:
        """3.x: get a list of domains. Not part of this package."""
        raise _sip_not_included("list_domains")

    def create_domain(self, name: object, description: object = None, **kwargs: object) -> NoReturn:
        """3.x: create a domain. Not part of this package."""
        raise _sip_not_included("create_domain")

    def get_domain(self, domain_id: object) -> NoReturn:
        """3.x: get information about a domain. Not part of this package."""
        raise _sip_not_included("get_domain")

    def delete_domain(self, domain_id: object) -> NoReturn:
        """3.x: delete a domain. Not part of this package."""
        raise _sip_not_included("delete_domain")

    def list_domain_endpoints(
        self,
        domain_id: object,
        size: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: get a list of domain's endpoints. Not part of this package."""
        raise _sip_not_included("list_domain_endpoints")

    def create_domain_endpoint(
        self,
        domain_id: object,
        name: object,
        password: object,
        description: object = None,
        application_id: object = None,
        enabled: object = True,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: create a domain endpoint. Not part of this package."""
        raise _sip_not_included("create_domain_endpoint")

    def get_domain_endpoint(self, domain_id: object, endpoint_id: object) -> NoReturn:
        """3.x: get information about an endpoint. Not part of this package."""
        raise _sip_not_included("get_domain_endpoint")

    def update_domain_endpoint(
        self,
        domain_id: object,
        endpoint_id: object,
        password: object = None,
        description: object = None,
        application_id: object = None,
        enabled: object = None,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: update information about an endpoint. Not part of this package."""
        raise _sip_not_included("update_domain_endpoint")

    def delete_domain_endpoint(self, domain_id: object, endpoint_id: object) -> NoReturn:
        """3.x: remove an endpoint. Not part of this package."""
        raise _sip_not_included("delete_domain_endpoint")

    def create_domain_endpoint_auth_token(
        self,
        domain_id: object,
        endpoint_id: object,
        expires: object = 3600,
        **kwargs: object,
    ) -> NoReturn:
        """3.x: create auth token for an endpoint. Not part of this package."""
        raise _sip_not_included("create_domain_endpoint_auth_token")
