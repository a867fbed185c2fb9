"""Sphinx settings for the documentation site: ``make docs`` builds it with warnings as errors
and every reference checked, then runs its examples as doctests against the stand-in."""

from __future__ import annotations

project = "bandwidth-messaging"
author = "The bandwidth-messaging authors"
copyright = "2026, The bandwidth-messaging authors"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.doctest"]
nitpicky = True
# Python's and httpx's own pages cannot be linked without fetching their inventories, which a
# build here must not need: references into them are left as plain text.
_EXTERNAL_MODULES = (
    "datetime|dt|collections\\.abc|typing|httpx|pathlib|os|threading|types|asyncio|io"
)
_EXTERNAL_NAMES = (
    "Path|Self|Any|Unpack|T|P|Iterable|Iterator|AsyncIterator|Generator|Collection|Sequence"
    "|Mapping|Callable|TracebackType|PathLike"
)
nitpick_ignore_regex = [
    (r"py:(class|obj|data)", rf"({_EXTERNAL_MODULES})\..*"),
    (r"py:(class|obj|data)", rf"({_EXTERNAL_NAMES})(\[.*)?"),
    # Internal aliases that appear in signatures; what they stand for is said in the text.
    (r"py:(class|obj|data)", r"(TimeoutArg|Progress|Batch|Recorder|BulkPlan)"),
    (r"py:(class|obj|data)", r"bandwidth\._[a-z_]+\.(HttpT|Batch)"),
]
# The parts of the package that load on first use, loaded so that signatures naming them resolve.
import bandwidth.account  # noqa: E402
import bandwidth.voice  # noqa: E402,F401

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
python_use_unqualified_type_names = True
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
