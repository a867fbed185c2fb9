"""3.x's module path of the Voice API's error, kept for programs that import or catch it.
This package never raises it."""

from .._exceptions import BandwidthVoiceAPIException

__all__ = ["BandwidthVoiceAPIException"]
