"""Mistakes mypy must catch, each on a line ending in an E comment naming the error code(s)."""

from __future__ import annotations

import bandwidth

api = bandwidth.client("messaging", "u-user", "t-token", "s-secret")
message = api.get_message("m-1")
message["skip_mms_carier_validation"]  # E: typeddict-item|misc
message["callbackUrl"]  # E: typeddict-item|misc
api.send_message("+1", "+2", "hi", receipt_requested="sometimes")  # E: arg-type
api.send_message("+1", "+2", "hi", callback_http_method="PUT")  # E: arg-type
api.list_messages(direction="sideways")  # E: arg-type
api.list_messages(state="lost")  # E: arg-type
api.send_messages([{"from": "+1", "to": "+2", "txt": "typo"}])  # E: typeddict-unknown-key
api.send_messages([{"from": "+1", "text": "no recipient"}])  # E: typeddict-item
api.send_message(to="+2", text="missing from")  # E: call-arg
bandwidth.client("messaging", "u", "t", "s", timeout="10")  # E: call-overload
state: bandwidth.MessageState = "delivered-to-moon"  # E: assignment
bandwidth.Client("u", "t", "s", max_retry=3)  # E: call-arg
bandwidth.client("messaging", rate_burst=1.5)  # E: call-overload
bandwidth.client("messaging", rate_limit_url="redis://")  # E: call-overload
bandwidth.AsyncClient("u", "t", "s", http_client=object())  # E: arg-type
