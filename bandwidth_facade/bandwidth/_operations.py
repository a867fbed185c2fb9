"""The generated client's operations, the one place the facade reaches into ``generated/``.

The facade takes from each operation what it sends (method, path template, body shape)
through the generated ``_get_kwargs``, and sends and reads the answers itself (``_core``,
``_parsing``): the facade's retry policy needs to see every attempt, and users get plain dicts
with the API's values exactly as sent, where the generated parsers build an attrs model per
message. (Those models also keep unknown properties, and the spec keeps ``time`` a string, so
the low-level client does not rewrite ``...Z`` either.) Imported when the first client is made,
not at ``import bandwidth``.
"""

from bandwidth_messaging_api.api.messages import get_message as get_message
from bandwidth_messaging_api.api.messages import list_messages as list_messages
from bandwidth_messaging_api.api.messages import redact_message as redact_message
from bandwidth_messaging_api.api.messages import send_messages as send_messages
from bandwidth_messaging_api.models import RedactRequest as RedactRequest
