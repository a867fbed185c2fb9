"""3.x's module path of the Messaging API's error: ``BandwidthMessageAPIException``, the class
every refusal of the Messaging API is an instance of."""

from .._exceptions import BandwidthMessageAPIException

__all__ = ["BandwidthMessageAPIException"]
