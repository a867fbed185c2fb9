"""The Account API client, as programs written for 3.x use it: what goes over the wire, what
comes back, what is refused before sending, and how refusals are raised; and the 3.x layout
around it (``bandwidth.account``, ``bandwidth.voice``, the 3.x exception modules)."""

from __future__ import annotations

import asyncio
import inspect
import json
import pickle
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import bandwidth
import httpx
import pytest
from bandwidth import account, messaging, voice
from bandwidth.testing import FakeMessagingAPI
from pytest_httpx import HTTPXMock

from .helpers import AUTH

ROOT = "https://api.catapult.inetwork.com/v1"
USERS = f"{ROOT}/users/u-user"


@pytest.fixture
def fake() -> FakeMessagingAPI:
    return FakeMessagingAPI()


@pytest.fixture
def api(fake: FakeMessagingAPI) -> account.Client:
    return fake.account_client()


def new_client(**options: Any) -> account.Client:
    return account.Client("u-user", "t-token", "s-secret", **options)


# -- a program written for 3.x, unchanged -------------------------------------------------------


def test_a_3x_program_sets_up_its_number_and_sends_an_mms(tmp_path: Path) -> None:
    """As 3.x's documentation writes it: all three clients, an application for incoming
    messages, a number searched, ordered and assigned, a picture uploaded, an MMS with its
    URL; then an incoming message reaches the application's URL."""
    fake = FakeMessagingAPI()
    delivered: list[httpx.Request] = []
    fake.callback_client = httpx.Client(
        transport=httpx.MockTransport(lambda r: delivered.append(r) or httpx.Response(200))
    )
    transport = fake.transport()
    picture = tmp_path / "dog.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0 a dog")

    # --- the program -------------------------------------------------------------------------
    from bandwidth import account, messaging, voice  # noqa: F401 - 3.x's quickstart line

    http = httpx.Client(transport=transport)
    voice_api = bandwidth.client("voice", "u-user", "t-token", "s-secret")
    account_api = bandwidth.client("account", "u-user", "t-token", "s-secret", http_client=http)
    messaging_api = bandwidth.client("messaging", "u-user", "t-token", "s-secret", http_client=http)
    my_app_id = account_api.create_application(
        name="SurveyBot",
        incoming_message_url="https://bot.example.com/messages",
        callback_http_method="POST",
    )
    numbers = account_api.search_available_local_numbers(area_code="910", quantity=3)
    number_id = account_api.order_phone_number(numbers[0]["number"], name="survey line")
    account_api.update_phone_number(number_id, application_id=my_app_id)
    media_url = account_api.upload_media_file(
        "dog.jpg", content_type="image/jpeg", file_path=str(picture)
    )
    message_id = messaging_api.send_message(
        from_=numbers[0]["number"], to="+19195551212", text="Our survey", media=[media_url]
    )
    # ------------------------------------------------------------------------------------------

    assert isinstance(voice_api, voice.Client)
    assert my_app_id.startswith("a-")
    assert number_id.startswith("n-")
    assert media_url == f"{USERS}/media/dog.jpg"
    assert fake.account.media["dog.jpg"] == (picture.read_bytes(), "image/jpeg")
    sent = fake.messages[-1]
    assert (sent["id"], sent["from"], sent["media"]) == (
        message_id,
        numbers[0]["number"],
        [media_url],
    )
    assert account_api.get_phone_number(number_id)["application_id"] == my_app_id

    fake.receive("+19195551212", numbers[0]["number"], "yes")
    [event] = delivered
    assert str(event.url) == "https://bot.example.com/messages"
    assert json.loads(event.content)["applicationId"] == my_app_id


# -- what goes over the wire ---------------------------------------------------------------------


def test_create_application_sends_the_wire_names_and_returns_the_id(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        method="POST",
        url=f"{USERS}/applications",
        status_code=201,
        headers={"Location": f"{USERS}/applications/a-1232asf123"},
    )
    with new_client() as api:
        app_id = api.create_application(
            name="MyFirstApp",
            incoming_call_url="http://callback.com/calls",
            incoming_message_url="http://callback.com/messages",
            incoming_message_url_callback_timeout=5000,
            callback_http_method="GET",
            auto_answer=False,
        )
    assert app_id == "a-1232asf123"
    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["Authorization"] == AUTH
    assert json.loads(request.content) == {
        "name": "MyFirstApp",
        "incomingCallUrl": "http://callback.com/calls",
        "incomingMessageUrl": "http://callback.com/messages",
        "incomingMessageUrlCallbackTimeout": 5000,
        "callbackHttpMethod": "GET",
        "autoAnswer": False,
    }


def test_search_sends_the_documented_query_names(httpx_mock: HTTPXMock) -> None:
    found = [{"number": "+19104440230", "nationalNumber": "(910) 444-0230", "rateCenter": "W"}]
    httpx_mock.add_response(
        method="GET",
        url=f"{ROOT}/availableNumbers/local?zip=28401&localNumber=444&inLocalCallingArea=true&quantity=3",
        json=found,
    )
    with new_client() as api:
        numbers = api.search_available_local_numbers(
            zip_code="28401", local_number="444", in_local_calling_area=True, quantity=3
        )
    assert numbers == [
        {"number": "+19104440230", "national_number": "(910) 444-0230", "rate_center": "W"}
    ]


def test_ids_and_numbers_are_one_path_segment(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        method="GET", url=f"{ROOT}/phoneNumbers/numberInfo/%2B19195551212", json={"name": "X"}
    )
    httpx_mock.add_response(
        method="GET",
        url=f"{USERS}/media/my%20dog.jpg",
        content=b"jpg",
        headers={"Content-Type": "image/jpeg"},
    )
    with new_client() as api:
        assert api.get_number_info("+19195551212") == {"name": "X"}
        stream, content_type = api.download_media_file("my dog.jpg")
    assert (stream.read(), content_type) == (b"jpg", "image/jpeg")


def test_update_sends_only_what_is_given(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="POST", url=f"{USERS}/phoneNumbers/n-1")
    with new_client() as api:
        assert api.update_phone_number("n-1", application_id="") is None
    request = httpx_mock.get_request()
    assert request is not None
    assert json.loads(request.content) == {"applicationId": ""}


def test_search_and_order_gives_each_number_its_id(api: account.Client) -> None:
    ordered = api.search_and_order_local_numbers(area_code="919", quantity=2)
    assert [n["id"] for n in ordered] == [n["location"].rsplit("/", 1)[1] for n in ordered]
    assert {n["id"] for n in ordered} == {n["id"] for n in api.list_phone_numbers()}
    [toll_free] = api.search_and_order_toll_free_numbers(1)
    assert toll_free["number"].startswith("+1844")


def test_listings_are_lazy_and_read_every_page(fake: FakeMessagingAPI, api: account.Client) -> None:
    for index in range(5):
        api.create_application(name=f"app {index}", incoming_message_url="https://x.example/m")
    before = len(fake.requests)
    applications = api.list_applications(size=2)
    assert len(fake.requests) == before  # nothing sent until the first item is asked for
    assert [a["name"] for a in applications] == [f"app {i}" for i in range(5)]
    assert len(fake.requests) == before + 3


def test_media_round_trip(api: account.Client) -> None:
    url = api.upload_media_file("hello.txt", "hi there", "text/plain")
    assert [m["content"] for m in api.list_media_files()] == [url]
    stream, content_type = api.download_media_file("hello.txt")
    assert (stream.read(), content_type) == (b"hi there", "text/plain")
    api.delete_media_file("hello.txt")
    with pytest.raises(bandwidth.NotFoundError):
        api.download_media_file("hello.txt")


def test_transactions_filter_by_type_and_number(
    fake: FakeMessagingAPI, api: account.Client
) -> None:
    number_id = api.order_phone_number("+19195550100")
    messages = fake.client()
    messages.send_message("+19195550100", "+19195551212", "hi")
    charges = list(api.list_account_transactions(trans_type="charge", number="+19195550100"))
    assert [t["product_type"] for t in charges] == ["sms-out", "local-number-per-month"]
    assert number_id


# -- refused before anything is sent -------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a: a.search_available_local_numbers(area_code="91"), "area_code must match"),
        (lambda a: a.search_available_local_numbers(state="nc"), "state must match"),
        (lambda a: a.search_available_toll_free_numbers(quantity=0), "quantity must be between"),
        (lambda a: a.search_and_order_toll_free_numbers(11), "quantity must be between"),
        (lambda a: a.create_application(name=""), "name must not be empty"),
        (
            lambda a: a.create_application(name="x", incoming_message_url="ftp://x"),
            "incoming_message_url must be an http",
        ),
        (
            lambda a: a.create_application(name="x", callback_http_method="PUT"),
            "callback_http_method must be one of",
        ),
        (
            lambda a: a.update_application("a-1", incoming_call_url_callback_timeout=10001),
            "between 1 and 10000",
        ),
        (lambda a: a.order_phone_number("9195551212"), "number must match"),
        (lambda a: a.get_application("../messages"), "application_id must be one URL path segment"),
        (lambda a: a.delete_media_file(""), "media_name must not be empty"),
        (lambda a: a.list_applications(size=1001), "size must be between"),
        (lambda a: a.list_account_transactions(trans_type="refund"), "must be one of"),
        (lambda a: a.upload_media_file("x"), "either content or file_path"),
        (lambda a: a.upload_media_file("x", b"1", file_path="y"), "either content or file_path"),
        (lambda a: a.upload_media_file("x", 5), "content must be bytes"),
        (lambda a: a.upload_media_file("x", b"1", "png"), "content_type must be a media type"),
    ],
)
def test_bad_input_is_refused_before_sending(call: Any, message: str) -> None:
    with (
        new_client(api_endpoint="http://127.0.0.1:9") as api,
        pytest.raises((bandwidth.InvalidValueError, bandwidth.InvalidTypeError), match=message),
    ):
        call(api)


# -- refusals ------------------------------------------------------------------------------------


def test_a_refusal_is_an_account_api_exception_and_the_situation_class(api: account.Client) -> None:
    with pytest.raises(account.BandwidthAccountAPIException) as raised:
        api.get_application("a-missing")
    error = raised.value
    assert isinstance(error, bandwidth.NotFoundError)
    assert (error.status_code, error.code) == (404, "application-not-found")
    assert str(error) == "Error application-not-found: The application a-missing could not be found"
    assert error.may_have_been_sent is False
    [recorded] = api.list_errors()
    assert api.get_error(recorded["id"])["code"] == "application-not-found"


def test_an_undocumented_status_raises_the_account_class_itself(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        method="POST",
        url=f"{USERS}/phoneNumbers",
        status_code=409,
        json={"category": "conflict", "code": "number-already-owned", "message": "yours"},
    )
    with new_client() as api, pytest.raises(bandwidth.BandwidthAccountAPIException) as raised:
        api.order_phone_number("+19195550100")
    assert type(raised.value) is bandwidth.BandwidthAccountAPIException
    assert not isinstance(raised.value, bandwidth.BandwidthMessageAPIException)
    assert raised.value.may_have_been_sent is True  # a 409 to a POST: it may exist


def test_a_read_is_retried_and_an_order_is_not(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="GET", url=f"{USERS}/account", status_code=503)
    httpx_mock.add_response(method="GET", url=f"{USERS}/account", json={"balance": "1.00"})
    httpx_mock.add_response(method="POST", url=f"{USERS}/phoneNumbers", status_code=503)
    with bandwidth.testing.recorded_waits(), new_client() as api:
        assert api.get_account() == {"balance": "1.00"}
        with pytest.raises(bandwidth.ServerError) as raised:
            api.order_phone_number("+19195550100")
    assert raised.value.may_have_been_sent is True
    assert len(httpx_mock.get_requests(method="POST")) == 1


def test_the_async_client_does_the_same(fake: FakeMessagingAPI) -> None:
    async def run() -> tuple[str, list[str]]:
        http = httpx.AsyncClient(transport=fake.transport())
        async with account.AsyncClient("u-user", "t-token", "s-secret", http_client=http) as api:
            app_id = await api.create_application(
                name="a", incoming_message_url="https://x.example/"
            )
            names = [a["name"] async for a in api.list_applications()]
            with pytest.raises(account.BandwidthAccountAPIException):
                await api.get_phone_number("n-missing")
        return app_id, names

    app_id, names = asyncio.run(run())
    assert app_id in fake.account.applications
    assert names == ["a"]


def test_sync_and_async_methods_are_the_same_methods() -> None:
    sync = {n: m for n, m in vars(account.Client).items() if not n.startswith("_")}
    asynchronous = {n: m for n, m in vars(account.AsyncClient).items() if not n.startswith("_")}
    assert len(sync) == 23
    assert sync.keys() == asynchronous.keys()
    for name, method in sync.items():
        other = asynchronous[name]
        assert inspect.signature(method).parameters == inspect.signature(other).parameters, name
        assert method.__doc__ == other.__doc__, name
        listing = "Iterator[" in str(inspect.signature(method).return_annotation)
        assert inspect.iscoroutinefunction(other) is not listing, name


# -- 3.x's layout and exceptions -----------------------------------------------------------------


def test_3x_module_paths_import() -> None:
    from bandwidth.account.api_exception_module import BandwidthAccountAPIException
    from bandwidth.account.client_module import Client as AccountClient
    from bandwidth.messaging.api_exception_module import BandwidthMessageAPIException
    from bandwidth.messaging.client_module import Client as MessagingClient
    from bandwidth.voice.api_exception_module import BandwidthVoiceAPIException
    from bandwidth.voice.client_module import Client as VoiceClient

    assert AccountClient is account.Client
    assert MessagingClient is messaging.Client
    assert VoiceClient is voice.Client
    assert BandwidthAccountAPIException is bandwidth.BandwidthAccountAPIException
    assert BandwidthMessageAPIException is bandwidth.BandwidthMessageAPIException
    assert BandwidthVoiceAPIException is bandwidth.BandwidthVoiceAPIException
    assert isinstance(bandwidth.client("Account", "u", "t", "s"), account.Client)


@pytest.mark.parametrize(
    "cls",
    [
        bandwidth.BandwidthMessageAPIException,
        bandwidth.BandwidthAccountAPIException,
        bandwidth.BandwidthVoiceAPIException,
    ],
)
def test_3x_exceptions_are_built_as_3x_built_them(cls: type[bandwidth.APIStatusError]) -> None:
    error = cls(401, "Authentication Failure", code="20003", extra="ignored")
    assert (error.status_code, error.message, error.code) == (
        401,
        "Authentication Failure",
        "20003",
    )
    assert str(error) == "Error 20003: Authentication Failure"
    assert (error.response, error.request, error.request_body) == (None, None, None)
    assert cls(404, "Not found").code == "404"
    assert cls("404", "Not found").status_code == 404
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert (type(copy), str(copy), copy.code) == (cls, str(error), "20003")
    with pytest.raises(bandwidth.InvalidTypeError):
        cls("not a status", "x")


def test_a_messaging_refusal_is_still_what_3x_code_catches(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        method="GET",
        url=f"{USERS}/messages/m-1",
        status_code=404,
        json={"category": "not-found", "code": "message-not-found", "message": "no"},
    )
    with (
        messaging.Client("u-user", "t-token", "s-secret") as api,
        pytest.raises(messaging.BandwidthMessageAPIException) as raised,
    ):
        api.get_message("m-1")
    assert isinstance(raised.value, bandwidth.NotFoundError)


# -- voice: named, never called ------------------------------------------------------------------

VOICE_3X: dict[str, list[str]] = json.loads((Path(__file__).parent / "voice_3x.json").read_text())
"""Every public method of 3.1.0's ``bandwidth.voice.Client`` and its parameters."""


def test_every_3x_voice_method_is_there_and_raises_whatever_its_arguments(
    httpx_mock: HTTPXMock,
) -> None:
    api = bandwidth.client("voice", "u-user", "t-token", "s-secret")
    assert "s-secret" not in repr(api)
    assert "t-token" not in repr(api)
    assert set(VOICE_3X) <= set(dir(api))  # completion in a shell
    import pydoc

    shown = pydoc.render_doc(voice.Client, renderer=pydoc.plaintext)  # help()
    assert all(name in shown for name in VOICE_3X)
    for name, parameters in VOICE_3X.items():
        # As a 3.x program calls it: 3.x's parameters, by keyword.
        arguments = {p: "x" for p in parameters if not p.startswith("**")}
        with pytest.raises(bandwidth.VoiceAPINotIncludedError, match=f"voice.Client.{name}: "):
            getattr(api, name)(**arguments)
    assert httpx_mock.get_requests() == []
    with pytest.raises(AttributeError, match="create_calls"):
        api.create_calls  # noqa: B018 - a name 3.x never had is an ordinary AttributeError


def test_3x_bxml_imports_and_says_it_belongs_to_voice() -> None:
    from bandwidth.voice.bxml import Response  # a 3.x voice app's import: its messaging runs

    with pytest.raises(bandwidth.VoiceAPINotIncludedError, match=r"voice\.bxml\.Response: BXML"):
        Response("<Hangup/>")


SIP_3X = {
    "list_domains": (),
    "create_domain": ("name",),
    "get_domain": ("d-1",),
    "delete_domain": ("d-1",),
    "list_domain_endpoints": ("d-1",),
    "create_domain_endpoint": ("d-1", "name", "password"),
    "get_domain_endpoint": ("d-1", "re-1"),
    "update_domain_endpoint": ("d-1", "re-1"),
    "delete_domain_endpoint": ("d-1", "re-1"),
    "create_domain_endpoint_auth_token": ("d-1", "re-1"),
}


def test_3x_domain_and_endpoint_methods_say_they_belong_to_voice(httpx_mock: HTTPXMock) -> None:
    for client in (new_client(), account.AsyncClient("u-user", "t-token", "s-secret")):
        assert set(SIP_3X) <= set(dir(client))
        with pytest.raises(AttributeError):
            client.get_acount  # type: ignore[attr-defined]  # noqa: B018 - a misspelling
        for name, arguments in SIP_3X.items():
            with pytest.raises(bandwidth.VoiceAPINotIncludedError, match=f"{name}: domains and"):
                getattr(client, name)(*arguments)
    assert httpx_mock.get_requests() == []


def test_import_bandwidth_loads_neither_account_nor_voice() -> None:
    code = (
        "import sys, bandwidth; "
        "print(sorted(m for m in sys.modules if m.split('.')[1:2] in (['account'], ['voice'],"
        " ['_account'], ['_voice'])))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    code = "import bandwidth; print(bandwidth.account.Client, bandwidth.voice.Client)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [
        "<class",
        "'bandwidth.account.Client'>",
        "<class",
        "'bandwidth.voice.Client'>",
    ]


# -- media sizes: the spec's limit, both ways ----------------------------------------------------


class EndlessFile:
    """A binary file that never ends, recording how much was asked of it."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def read(self, size: int = -1) -> bytes:
        assert size >= 0, "read whole: a file this long would exhaust memory"
        self.asked.append(size)
        return b"\0" * size


def test_a_media_file_past_the_api_s_limit_is_refused_unread_and_unsent(
    httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    from bandwidth_messaging_api.operations import UPLOAD_MEDIA

    most = UPLOAD_MEDIA.body_max_bytes
    assert most is not None  # the spec states it
    endless = EndlessFile()
    big = tmp_path / "big.mp4"
    with big.open("wb") as sparse:  # a file past the limit, taking no disk space
        sparse.truncate(most + 10_000_000)
    with new_client() as api:
        for source in ({"content": endless}, {"file_path": big}):
            with pytest.raises(bandwidth.InvalidValueError, match=f"more than {most:,} bytes"):
                api.upload_media_file("big.mp4", content_type="video/mp4", **source)  # type: ignore[arg-type]
    assert endless.asked == [most + 1]  # read one byte past the limit, not to its end
    assert httpx_mock.get_requests() == []


def test_a_media_file_larger_than_other_answers_downloads_whole(httpx_mock: HTTPXMock) -> None:
    from bandwidth._client import MAX_ANSWER_BYTES
    from bandwidth_messaging_api.operations import DOWNLOAD_MEDIA

    most = DOWNLOAD_MEDIA.answer_max_bytes
    assert most is not None
    assert most > MAX_ANSWER_BYTES
    video = b"v" * (MAX_ANSWER_BYTES + 1)  # past the cap of every other answer
    url = "https://api.catapult.inetwork.com/v1/users/u-user/media/v.mp4"
    httpx_mock.add_response(url=url, content=video, headers={"Content-Type": "video/mp4"})
    httpx_mock.add_response(url=url + "x", content=b"v" * (most + 1))
    with new_client(max_retries=0) as api:
        stream, kind = api.download_media_file("v.mp4")
        assert (len(stream.getvalue()), kind) == (len(video), "video/mp4")
        with pytest.raises(bandwidth.MalformedResponseError, match=f"larger than {most:,}"):
            api.download_media_file("v.mp4x")


def test_the_async_client_reads_a_media_file_off_the_event_loop(httpx_mock: HTTPXMock) -> None:
    readers: list[threading.Thread] = []

    class WatchedFile:
        def read(self, size: int = -1) -> bytes:
            readers.append(threading.current_thread())
            return b"GIF89a"

    httpx_mock.add_response(method="PUT")

    async def upload() -> str:
        async with account.AsyncClient("u-user", "t-token", "s-secret") as api:
            return await api.upload_media_file("cat.gif", WatchedFile(), "image/gif")  # type: ignore[arg-type]

    assert asyncio.run(upload()).endswith("/media/cat.gif")
    assert readers
    assert readers[0] is not threading.main_thread()  # the loop's thread never blocks on it
    (sent,) = httpx_mock.get_requests()
    assert sent.content == b"GIF89a"


def test_a_bad_media_type_is_refused_before_the_file_is_read(httpx_mock: HTTPXMock) -> None:
    endless = EndlessFile()
    with new_client() as api, pytest.raises(bandwidth.InvalidTypeError, match="media type"):
        api.upload_media_file("x", endless, "png")  # type: ignore[arg-type]
    assert endless.asked == []
    assert httpx_mock.get_requests() == []
