"""The Account API operations a messaging application uses: the account and its
transactions, applications, numbers (search, order, assign), media files, number info and
errors. ``account.Client(user_id, api_token, api_secret)``, or
``bandwidth.client('account', ...)``.

3.x's modules are here too: ``bandwidth.account.client_module`` (``Client``) and
``bandwidth.account.api_exception_module`` (``BandwidthAccountAPIException``).
"""

from .._account import AsyncClient, Client
from .._exceptions import BandwidthAccountAPIException
from .._types import (
    Account,
    AccountType,
    Application,
    AvailableNumber,
    MediaFile,
    NumberInfo,
    OrderedNumber,
    PhoneNumber,
    Transaction,
    TransactionType,
    UserError,
)

__all__ = [
    "Account",
    "AccountType",
    "Application",
    "AsyncClient",
    "AvailableNumber",
    "BandwidthAccountAPIException",
    "Client",
    "MediaFile",
    "NumberInfo",
    "OrderedNumber",
    "PhoneNumber",
    "Transaction",
    "TransactionType",
    "UserError",
]

from .. import _present_as

_present_as(__name__, __all__, globals())
