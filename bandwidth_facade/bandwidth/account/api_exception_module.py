"""3.x's module path of the Account API's error: ``BandwidthAccountAPIException``, the class
every refusal of the Account API is an instance of."""

from .._exceptions import BandwidthAccountAPIException

__all__ = ["BandwidthAccountAPIException"]
