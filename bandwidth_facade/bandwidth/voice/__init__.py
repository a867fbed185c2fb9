"""The Voice API is not part of this package.

3.x's ``bandwidth.voice`` is kept so that programs written for 3.x
(``from bandwidth import messaging, voice, account``) import and run their messaging parts:
``voice.Client`` is made with 3.x's arguments, and each of 3.x's voice methods
(``VOICE_METHODS``), called with any arguments, raises ``bandwidth.VoiceAPINotIncludedError``
before any request.
"""

from .._exceptions import BandwidthVoiceAPIException, VoiceAPINotIncludedError
from .._voice import VOICE_METHODS, Client

__all__ = ["VOICE_METHODS", "BandwidthVoiceAPIException", "Client", "VoiceAPINotIncludedError"]

Client.__module__ = __name__  # shown where users import it from
