"""The generated client's operations, the one place the facade reaches into ``generated/``.

The facade takes from each operation what it sends (method, path template, headers, body
shape) through the generated ``_get_kwargs``, and leaves parsing to ``_core``: the generated
parsers turn times into ``datetime`` and would change ``...Z`` to ``...+00:00``, and they raise
on statuses outside ``HTTPStatus`` (520). Imported when the first client is made, not at
``import bandwidth``.
"""

from bandwidth_messaging_api.api.messages import get_message as get_message
from bandwidth_messaging_api.api.messages import list_messages as list_messages
from bandwidth_messaging_api.api.messages import redact_message as redact_message
from bandwidth_messaging_api.api.messages import send_messages as send_messages
from bandwidth_messaging_api.models import RedactRequest as RedactRequest
