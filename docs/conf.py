"""Sphinx settings for the documentation site: ``make docs`` builds it with warnings as errors
and every reference checked, then runs its examples as doctests against the stand-in."""

from __future__ import annotations

import sys
import typing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

import bandwidth

project = "bandwidth-messaging"
author = "The bandwidth-messaging authors"
copyright = "2026, The bandwidth-messaging authors"
release = version = bandwidth.__version__
extensions = ["sphinx.ext.autodoc", "sphinx.ext.doctest", "myst_parser", "bandwidth_docs"]
# Every reference is checked, and none is silenced: Python's and httpx's names are linked by
# rule in _ext/bandwidth_docs.py.
nitpicky = True
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_heading_anchors = 3
# The parts of the package that load on first use, loaded so that signatures naming them resolve.
import bandwidth.account  # noqa: E402
import bandwidth.voice  # noqa: E402

# Each enumeration and alias shown by its public name in signatures, not spelled out.
autodoc_type_aliases = {
    name: f"{module.__name__}.{name}"
    for module in (bandwidth, bandwidth.account)
    for name in module.__all__
    if typing.get_origin(getattr(module, name)) is typing.Literal
    or name in ("TimeoutArg", "Progress")
}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
python_use_unqualified_type_names = False
default_role = "code"
html_theme = "alabaster"
exclude_patterns = ["_build"]

doctest_global_setup = """
import datetime as _dt
import os
import bandwidth
from bandwidth.testing import FakeMessagingAPI, FakeServer

# The stand-in's clock on the day after the documented message, which keeps its text.
_fake = FakeMessagingAPI(clock=lambda: _dt.datetime(2017, 2, 2, tzinfo=_dt.UTC))
_server = FakeServer(_fake).start()
_server.fake.add_message(
    id="m-na6cpyjf2qcpz6l3drhcx7y", callbackUrl="https://yoursite.com/message", direction="in",
    to="+19191234567", media=[], skipMMSCarrierValidation=True, state="received",
    text="Hey there", time="2017-02-01T21:10:32Z", **{"from": "+19193047864"},
)
os.environ["BANDWIDTH_API_ENDPOINT"] = _server.url
"""
doctest_global_cleanup = """
_server.stop()
"""
