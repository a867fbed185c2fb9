"""Rebuild ``generated/`` from ``spec/messaging.yaml`` (``make generate``); ``--check`` compares.

Three steps, all driven by the spec and the pinned tools of the dev environment:

1. openapi-python-client writes the low-level client (``bandwidth_messaging_api``) with the
   settings in ``spec/openapi-python-client.yaml``, the project's template in
   ``spec/templates/``, and three of the generator's templates patched in one place each
   (``TEMPLATE_PATCHES``: statuses outside ``HTTPStatus``, and a default timeout).
2. This script adds ``typed_dicts.py``: the ``TypedDict``s, ``Literal`` enums, wire/snake_case key
   maps and request constraints that the facade and its users type-check against.
3. The pinned ruff formats the result with ``--isolated``, so no lint setting of the surrounding
   project or machine changes the output.

The output is built in a temporary directory, then either swapped in or compared with what is
committed, so an interrupted run never leaves a half-written ``generated/``.
"""

from __future__ import annotations

import argparse
import filecmp
import keyword
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from openapi_python_client import strings
from openapi_python_client.config import ConfigFile
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "messaging.yaml"
CONFIG = ROOT / "spec" / "openapi-python-client.yaml"
TEMPLATES = ROOT / "spec" / "templates"
PACKAGE = "bandwidth_messaging_api"
OUTPUT = ROOT / "generated"
FIELD_PREFIX = ConfigFile.load_from_path(CONFIG).field_prefix

# Schemas that reach users as dicts with snake_case keys, and the name each gets.
RESPONSE_DICTS = {
    "ErrorDetail": "ErrorDetail",
    "Error": "Error",
    "Message": "Message",
    "BulkResult": "BulkResult",
    "MessageEvent": "MessageEvent",
    "Account": "Account",
    "Transaction": "Transaction",
    "Application": "Application",
    "AvailableNumber": "AvailableNumber",
    "OrderedNumber": "OrderedNumber",
    "PhoneNumber": "PhoneNumber",
    "MediaFile": "MediaFile",
    "NumberInfo": "NumberInfo",
    "UserError": "UserError",
}
# Schemas whose rules are emitted for checking input at run time, by wire name.
RULES = {"MessageEvent": "MESSAGE_EVENT_SCHEMA"}
# The send item keeps the wire's keys (as the documentation shows) and accepts snake_case too.
REQUEST_SCHEMA = "MessageRequest"
REQUEST_DICT = "SendMessageItem"
LIST_OPERATION = "listMessages"
# The facade's send_message names these parameters itself (in the documented order), by the
# generated model's attribute names; any other property the spec gives a message to send
# reaches it as a keyword typed by SendMessageItemExtra.
EXPLICIT_SEND_PARAMETERS = (
    "from_",
    "to",
    "text",
    "media",
    "receipt_requested",
    "callback_url",
    "callback_http_method",
    "callback_timeout",
    "fallback_url",
    "tag",
)


# The rule that names response keys users see, written into typed_dicts.py, where the facade
# reads it for keys the API adds later. Every name in the spec must come out as the generator
# names it (``_check_snake_case``), so keys and the generated models' attributes agree.
SNAKE_CASE_SOURCE = r'''
_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD = re.compile(r"([a-z0-9])([A-Z])")


def snake_case(name: str) -> str:
    """``skipMMSCarrierValidation`` -> ``skip_mms_carrier_validation``; ``from`` stays ``from``."""
    return _WORD.sub(r"\1_\2", _ACRONYM.sub(r"\1_\2", name)).lower()
'''
_rule: dict[str, Any] = {"re": re}
exec(SNAKE_CASE_SOURCE, _rule)  # noqa: S102 - the constant above, run as it will be in generated/
snake_case: Callable[[str], str] = _rule["snake_case"]


def _check_snake_case(names: Iterable[str]) -> None:
    for name in names:
        if snake_case(name) != strings.snake_case(name):
            raise SystemExit(
                f"{name!r}: snake_case gives {snake_case(name)!r}, the generator "
                f"{strings.snake_case(name)!r}; align SNAKE_CASE_SOURCE in scripts/generate.py"
            )


def python_name(name: str) -> str:
    """The Python name the generator gives a property or parameter (``from`` -> ``from_``)."""
    return str(strings.PythonIdentifier(name, prefix=FIELD_PREFIX))


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


class TypedDictWriter:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        operations = [
            op
            for item in spec["paths"].values()
            for op in item.values()
            if isinstance(op, dict) and "operationId" in op
        ]
        self.list_parameters: list[dict[str, Any]] = next(
            op.get("parameters", []) for op in operations if op["operationId"] == LIST_OPERATION
        )
        self.lines: list[str] = []

    def python_type(self, schema: dict[str, Any]) -> str:
        if "$ref" in schema:
            name = _ref_name(schema["$ref"])
            target = self.schemas[name]
            if "enum" in target:
                return name
            if "anyOf" in target:
                return self.python_type(target)
            if name in RESPONSE_DICTS:
                return RESPONSE_DICTS[name]
            return self.python_type(target)
        if "anyOf" in schema:
            # An open enum (`anyOf: [<enum>, string]`): typed as its known values; at run time a
            # value the API adds later is still passed through.
            for option in schema["anyOf"]:
                if "$ref" in option and "enum" in self.schemas[_ref_name(option["$ref"])]:
                    return _ref_name(option["$ref"])
            return " | ".join(self.python_type(option) for option in schema["anyOf"])
        if "enum" in schema:  # an enum written in place, not as a named schema
            return f"Literal[{', '.join(repr(v) for v in schema['enum'])}]"
        kind = schema.get("type")
        if kind == "array":
            return f"list[{self.python_type(schema.get('items', {}))}]"
        simple = {
            "string": "str",
            "integer": "int",
            "number": "float",
            "boolean": "bool",
            "object": "dict[str, object]",
        }
        return simple.get(kind, "object") if isinstance(kind, str) else "object"

    def typed_dict(self, name: str, schema: dict[str, Any], keys: dict[str, str], doc: str) -> None:
        required = set(schema.get("required", []))
        fields = []
        for wire, prop in schema.get("properties", {}).items():
            annotation = self.python_type(prop)
            if wire not in required:
                annotation = f"NotRequired[{annotation}]"
            fields.append(f"        {keys[wire]!r}: {annotation},")
        self.lines += [
            f"{name} = TypedDict(",
            f"    {name!r},",
            "    {",
            *fields,
            "    },",
            ")",
            f'"""{doc}"""',
            "",
        ]

    def render(self) -> str:
        out = self.lines
        out += [
            '"""Dict types, enums and key maps derived from the spec by scripts/generate.py.',
            "",
            "Generated code: do not edit. Response dicts have snake_case keys (``from`` stays);",
            "enumerated response fields are typed by their known values, and values the API adds",
            "later still come back at run time.",
            '"""',
            "",
            "import re",
            "from typing import Final, Literal, NotRequired, TypedDict",
            "",
            SNAKE_CASE_SOURCE,
        ]
        for name, schema in self.schemas.items():
            if "enum" in schema:
                values = ", ".join(repr(v) for v in schema["enum"])
                out += [f"{name} = Literal[{values}]", ""]
        for schema_name, dict_name in RESPONSE_DICTS.items():
            schema = self.schemas[schema_name]
            keys = {wire: snake_case(wire) for wire in schema.get("properties", {})}
            doc = schema.get("description", f"The API's {schema_name}, keys in snake_case.")
            self.typed_dict(dict_name, schema, keys, " ".join(doc.split()))
        request = self.schemas[REQUEST_SCHEMA]
        snake_only = {w: snake_case(w) for w in request["properties"] if snake_case(w) != w}
        both = {
            **request["properties"],
            **{s: request["properties"][w] for w, s in snake_only.items()},
        }
        extra = {
            w: p
            for w, p in request["properties"].items()
            if python_name(w) not in EXPLICIT_SEND_PARAMETERS
        }
        self.typed_dict(
            f"{REQUEST_DICT}Extra",
            {"properties": extra},
            {w: python_name(w) for w in extra},
            "Send parameters the spec has beyond ``send_message``'s named ones (snake_case); "
            "``send_message`` takes them as keyword arguments.",
        )
        self.typed_dict(
            REQUEST_DICT,
            {"properties": both, "required": request.get("required", [])},
            {k: k for k in both},
            "One message to send: the wire's keys (``callbackUrl``) "
            "or their snake_case spellings (``callback_url``).",
        )

        response_keys: dict[str, str] = {}
        for schema_name in RESPONSE_DICTS:
            for wire in self.schemas[schema_name].get("properties", {}):
                response_keys[wire] = snake_case(wire)
        _check_snake_case([*response_keys, *request["properties"]])
        out += ["RESPONSE_NAMES: Final[dict[str, dict[str, str]]] = {"]
        for schema_name in RESPONSE_DICTS:
            names = {snake_case(w): w for w in self.schemas[schema_name].get("properties", {})}
            out.append(f"    {schema_name!r}: {names!r},")
        out += [
            "}",
            '"""The wire name of each snake_case key, schema by schema (for the stand-in, which',
            'writes answers as the API does)."""',
            "",
        ]
        out += [
            "WIRE_TO_SNAKE: Final[dict[str, str]] = {",
            *[f"    {w!r}: {s!r}," for w, s in sorted(response_keys.items())],
            "}",
            '"""Snake_case key of each property the spec names in a response."""',
            "",
        ]
        out += [
            "SNAKE_TO_WIRE: Final[dict[str, str]] = {",
            *[f"    {s!r}: {w!r}," for w, s in snake_only.items()],
            "}",
            '"""Wire key of each snake_case spelling accepted in a send item."""',
            "",
        ]
        out += [
            "SEND_ITEM_NAMES: Final[dict[str, str]] = {",
            *[f"    {w!r}: {python_name(w)!r}," for w in request["properties"]],
            "}",
            f'"""The generated ``{REQUEST_SCHEMA}`` attribute of each send-item property, by wire'
            ' name."""',
            "",
        ]
        query = [p["name"] for p in self.list_parameters if p.get("in") == "query"]
        out += [
            "LIST_QUERY_NAMES: Final[dict[str, str]] = {",
            *[f"    {python_name(w)!r}: {w!r}," for w in query],
            "}",
            '"""The wire name of each keyword argument of the generated ``list_messages``."""',
            "",
        ]
        self.rules(
            "SEND_ITEM_SCHEMA",
            request,
            "The spec's rules for each send-item property, checked before sending.",
        )
        for schema_name, constant in RULES.items():
            self.rules(
                constant,
                self.schemas[schema_name],
                f"The spec's rules for each {schema_name} property, by wire name.",
            )
        bulk_limit = self.schemas["MessageRequestList"]["maxItems"]
        out += [
            f"SEND_BULK_MAX_ITEMS: Final = {bulk_limit!r}",
            '"""The most messages one send request may carry (MessageRequestList maxItems)."""',
            "",
        ]
        out += ["LIST_QUERY_SCHEMA: Final[dict[str, dict[str, object]]] = {"]
        for param in self.list_parameters:
            if param.get("in") == "query":
                rule = self.constraints(param.get("schema", {}), bool(param.get("required")))
                out.append(f"    {param['name']!r}: {rule!r},")
        out += [
            "}",
            '"""The spec\'s rules for each query parameter of listMessages, by wire name."""',
            "",
        ]
        return "\n".join(out)

    def rules(self, constant: str, schema: dict[str, Any], doc: str) -> None:
        required = schema.get("required", [])
        self.lines += [
            f"{constant}: Final[dict[str, dict[str, object]]] = {{",
            *[
                f"    {wire!r}: {self.constraints(prop, wire in required)!r},"
                for wire, prop in schema["properties"].items()
            ],
            "}",
            f'"""{doc}"""',
            "",
        ]

    def constraints(self, prop: dict[str, Any], required: bool) -> dict[str, object]:
        if "$ref" in prop:
            target = self.schemas[_ref_name(prop["$ref"])]
            prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
        rule: dict[str, object] = {"type": prop.get("type", "string"), "required": required}
        for key in (
            "enum",
            "minLength",
            "maxLength",
            "minimum",
            "maximum",
            "pattern",
            "format",
            "default",
        ):
            if key in prop:
                rule[key] = prop[key]
        if prop.get("type") == "array":
            rule["items"] = self.constraints(prop.get("items", {}), False)
        return rule


OPERATION_CLASS = '''
class Operation(NamedTuple):
    """What a client needs to make one operation's request, as the spec says it.

    ``path`` has the spec's ``{placeholders}`` (wire names, in ``path_parameters``' order);
    ``query`` maps each query parameter's Python keyword to its wire name, ``query_rules`` and
    ``body_rules`` hold the spec's rules by wire name (type, required, enum, lengths, range,
    pattern, format); ``body_names`` maps each JSON body property's Python name to its wire name;
    ``body`` is the request body's media type, if it has one. ``body_max_bytes`` and
    ``answer_max_bytes`` are the most bytes a binary body, and a binary answer, may have
    (their schema's ``maxLength``), when the spec says.
    """

    operation_id: str
    method: str
    path: str
    path_parameters: tuple[str, ...]
    query: dict[str, str]
    query_rules: dict[str, dict[str, object]]
    body: str | None
    body_names: dict[str, str]
    body_rules: dict[str, dict[str, object]]
    body_max_bytes: int | None = None
    answer_max_bytes: int | None = None
'''


def _resolved(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """A body schema with its ``$ref`` and ``allOf`` parts merged into one object schema."""
    schemas = spec["components"]["schemas"]
    if "$ref" in schema:
        return _resolved(spec, schemas[_ref_name(schema["$ref"])])
    if "allOf" in schema:
        merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for part in schema["allOf"]:
            part = _resolved(spec, part)
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
        return merged
    return schema


def _parameter(spec: dict[str, Any], parameter: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in parameter:
        return dict(spec["components"]["parameters"][_ref_name(parameter["$ref"])])
    return parameter


def render_operations(spec: dict[str, Any]) -> str:
    """``operations.py``: one ``Operation`` constant per operation of the spec, named after its
    operationId (``getApplication`` -> ``GET_APPLICATION``), for clients that build requests
    themselves (the facade: one driver, sync and async) from what the spec says."""
    writer = TypedDictWriter(spec)
    out = [
        '"""Each operation of the spec as data: method, path, query and body, with their rules.',
        "",
        "Generated by scripts/generate.py from spec/messaging.yaml: do not edit.",
        '"""',
        "",
        "from typing import Final, NamedTuple",
        OPERATION_CLASS,
    ]
    for path, item in spec["paths"].items():
        shared = [_parameter(spec, p) for p in item.get("parameters", [])]
        for method, operation in item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            parameters = shared + [_parameter(spec, p) for p in operation.get("parameters", [])]
            in_path = tuple(p["name"] for p in parameters if p["in"] == "path")
            query = {python_name(p["name"]): p["name"] for p in parameters if p["in"] == "query"}
            query_rules = {
                p["name"]: writer.constraints(p.get("schema", {}), bool(p.get("required")))
                for p in parameters
                if p["in"] == "query"
            }
            content = operation.get("requestBody", {}).get("content", {})
            media_type = next(iter(content), None)
            body_names: dict[str, str] = {}
            body_rules: dict[str, dict[str, object]] = {}
            if media_type == "application/json":
                body = _resolved(spec, content[media_type]["schema"])
                required = set(body.get("required", []))
                for wire, prop in body.get("properties", {}).items():
                    body_names[python_name(wire)] = wire
                    body_rules[wire] = writer.constraints(prop, wire in required)
            body_max = None
            if media_type is not None and media_type != "application/json":
                body_max = _resolved(spec, content[media_type]["schema"]).get("maxLength")
            answer_max = None
            for status, answer in operation.get("responses", {}).items():
                for answer_type, answer_content in answer.get("content", {}).items():
                    if status.startswith("2") and answer_type != "application/json":
                        answer_max = _resolved(spec, answer_content["schema"]).get("maxLength")
            name = snake_case(operation["operationId"]).upper()
            out += [
                f"{name}: Final = Operation(",
                f"    operation_id={operation['operationId']!r},",
                f"    method={method.upper()!r},",
                f"    path={path!r},",
                f"    path_parameters={in_path!r},",
                f"    query={query!r},",
                f"    query_rules={query_rules!r},",
                f"    body={media_type!r},",
                f"    body_names={body_names!r},",
                f"    body_rules={body_rules!r},",
                *([f"    body_max_bytes={body_max!r},"] if body_max is not None else []),
                *([f"    answer_max_bytes={answer_max!r},"] if answer_max is not None else []),
                ")",
                f'"""{operation["summary"]}."""',
                "",
            ]
    return "\n".join(out)


def _check_identifiers(spec: dict[str, Any]) -> None:
    for name in spec["components"]["schemas"]:
        if not name.isidentifier() or keyword.iskeyword(name):
            raise SystemExit(f"schema name {name!r} cannot be a Python name")


STATUS_OF = '''def status_of(code: int) -> HTTPStatus | int:
    """The status as an ``HTTPStatus`` when Python knows it, else the number (a proxy's 520)."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


'''

# The generator's own templates, each changed in one place. They are derived from the pinned
# generator at every run instead of being copied here, so an upgrade of the generator keeps its
# templates; a change that no longer applies stops the run rather than going unnoticed.
TEMPLATE_PATCHES: dict[str, list[tuple[str, str]]] = {
    # A status outside http.HTTPStatus (a proxy's 520) raised ValueError in every operation.
    "endpoint_module.py.jinja": [
        (
            "from ...types import Response, UNSET\n",
            "from ...types import Response, UNSET, status_of\n",
        ),
        (
            "status_code=HTTPStatus(response.status_code),",
            "status_code=status_of(response.status_code),",
        ),
    ],
    "types.py.jinja": [
        ("    status_code: HTTPStatus\n", "    status_code: HTTPStatus | int\n"),
        ('__all__ = ["UNSET",', STATUS_OF + '__all__ = ["status_of", "UNSET",'),
    ],
    # No timeout by default let a request wait forever.
    "client.py.jinja": [
        (
            '_timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")',
            "_timeout: httpx.Timeout | None = field(factory=lambda: httpx.Timeout(30.0, "
            'connect=5.0), kw_only=True, alias="timeout")',
        ),
    ],
}


def _templates(into: Path) -> Path:
    """The project's templates (``spec/templates``) and the patched ones, in one folder."""
    import openapi_python_client

    shutil.copytree(TEMPLATES, into)
    upstream = Path(openapi_python_client.__file__).parent / "templates"
    for name, patches in TEMPLATE_PATCHES.items():
        text = (upstream / name).read_text(encoding="utf-8")
        for old, new in patches:
            if text.count(old) != 1:
                raise SystemExit(
                    f"{name}: the generator's template changed; revisit the patch of "
                    f"{old.strip()!r} in scripts/generate.py"
                )
            text = text.replace(old, new)
        (into / name).write_text(text, encoding="utf-8")
    return into


def build(destination: Path) -> None:
    tools = Path(sys.executable).parent
    package_dir = destination / PACKAGE
    templates = _templates(destination.parent / "templates")
    subprocess.run(  # noqa: S603 - fixed argv of pinned tools
        [
            str(tools / "openapi-python-client"),
            "generate",
            "--path",
            str(SPEC),
            "--config",
            str(CONFIG),
            "--custom-template-path",
            str(templates),
            "--meta",
            "none",
            "--output-path",
            str(package_dir),
            "--fail-on-warning",
        ],
        check=True,
        cwd=destination,
        stdout=subprocess.DEVNULL,
    )
    spec = YAML(typ="safe").load(SPEC)
    _check_identifiers(spec)
    (package_dir / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    (package_dir / "typed_dicts.py").write_text(TypedDictWriter(spec).render(), encoding="utf-8")
    (package_dir / "operations.py").write_text(render_operations(spec), encoding="utf-8")
    ruff = [sys.executable, "-m", "ruff"]
    subprocess.run(  # noqa: S603 - fixed argv of pinned tools
        [
            *ruff,
            "check",
            "--isolated",
            "--fix-only",
            "--select",
            "I,F401",
            "--target-version",
            "py311",
            "--quiet",
            str(destination),
        ],
        check=True,
    )
    subprocess.run(  # noqa: S603 - fixed argv of pinned tools
        [*ruff, "format", "--isolated", "--line-length", "120", "--quiet", str(destination)],
        check=True,
    )


def _differences(expected: Path, actual: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"missing from generated/: {prefix}{n}" for n in cmp.left_only)
        found.extend(
            f"not produced by the spec: {prefix}{n}" for n in cmp.right_only if n != "__pycache__"
        )
        found.extend(f"differs: {prefix}{n}" for n in cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            if name != "__pycache__":
                walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(expected, actual, ignore=["__pycache__", ".mypy_cache"]), "")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="fail if generated/ differs from what the spec produces",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "generated"
        fresh.mkdir()
        build(fresh)
        if args.check:
            problems = _differences(fresh, OUTPUT) if OUTPUT.exists() else ["generated/ is missing"]
            for line in problems:
                print(line, file=sys.stderr)
            if problems:
                print(
                    "generated/ is stale: run `make generate` and commit the result.",
                    file=sys.stderr,
                )
                return 1
            print("generated/ matches spec/messaging.yaml")
            return 0
        if OUTPUT.exists():
            shutil.rmtree(OUTPUT)
        shutil.copytree(fresh, OUTPUT)
    print(f"generated/ rebuilt from {SPEC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
