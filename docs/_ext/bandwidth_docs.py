"""What the reference shows that autodoc alone does not, read from the code so it cannot drift:
every field of each dict type, every value of each enumeration, the error classes as a tree
with the status each stands for, and the command line's own help.

References to Python's and httpx's names become links by rule (their documentation's anchors
are the names themselves), so the strict build checks every reference without fetching an
inventory and without silencing any.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import re
import typing
from typing import Any

import attrs
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import stringify_annotation

_PYTHON = "https://docs.python.org/3/library/{page}.html#{name}"
_STDLIB_PAGES = {
    "datetime": "datetime",
    "dt": "datetime",
    "collections.abc": "collections.abc",
    "typing": "typing",
    "pathlib": "pathlib",
    "os": "os",
    "threading": "threading",
    "types": "types",
    "asyncio": "asyncio",
    "io": "io",
}
_TYPING_NAMES = {
    "Any",
    "Self",
    "Unpack",
    "Literal",
    "NotRequired",
    "TypeAlias",
    "Generic",
    "Protocol",
}
_ABC_NAMES = {
    "Iterable",
    "Iterator",
    "AsyncIterator",
    "AsyncGenerator",
    "Generator",
    "Collection",
    "Sequence",
    "Mapping",
    "Callable",
    "Awaitable",
}
_HTTPX = "https://www.python-httpx.org/api/#{anchor}"


def _external(target: str) -> str | None:
    """The documentation address of a Python or httpx name, or ``None`` for any other."""
    if target.startswith("httpx."):
        return _HTTPX.format(anchor=target.split(".", 1)[1].lower())
    if target in _TYPING_NAMES or target.split("[")[0] in _TYPING_NAMES:
        return _PYTHON.format(page="typing", name=f"typing.{target.split('[')[0]}")
    if target in _ABC_NAMES:
        return _PYTHON.format(page="collections.abc", name=f"collections.abc.{target}")
    if target in ("Path", "PathLike", "TracebackType"):
        page = {"Path": "pathlib", "PathLike": "os", "TracebackType": "types"}[target]
        return _PYTHON.format(page=page, name=f"{page}.{target}")
    module, _, name = target.rpartition(".")
    for prefix, page in _STDLIB_PAGES.items():
        if module == prefix or module.startswith(prefix + "."):
            full = f"{page}.{name}" if module == prefix else f"{page}{module[len(prefix) :]}.{name}"
            return _PYTHON.format(page=page, name=full)
    return None


def _resolve_external(
    app: Sphinx, env: Any, node: Any, contnode: nodes.Element
) -> nodes.reference | None:
    if node.get("refdomain") != "py":
        return None
    address = _external(node["reftarget"])
    if address is None:
        return None
    reference = nodes.reference("", "", internal=False, refuri=address)
    reference.append(contnode)
    return reference


# -- dict types and enumerations ---------------------------------------------------------------


def _is_typed_dict(obj: object) -> bool:
    return isinstance(obj, type) and typing.is_typeddict(obj)


def _plain(annotation: object) -> str:
    text = stringify_annotation(annotation, "smart").replace("~", "")
    for prefix in ("typing.", "bandwidth_messaging_api.typed_dicts.", "bandwidth."):
        text = text.replace(prefix, "")
    return text


def _shown(annotation: object) -> str:
    """The annotation as users write it: an enumeration by its public name, not spelled out."""
    import bandwidth
    import bandwidth.account

    text = _plain(annotation)
    for module in (bandwidth, bandwidth.account):
        for name in module.__all__:
            alias = getattr(module, name)
            if typing.get_origin(alias) is typing.Literal:
                text = text.replace(_plain(alias), name)
    return text


def _fields(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls)
    required = getattr(cls, "__required_keys__", frozenset())
    documented = _field_docs(cls)
    columns = (
        ["key", "type"] + (["always"] if required else []) + (["meaning"] if documented else [])
    )
    lines = ["", ".. list-table::", "   :header-rows: 1", ""]
    lines += ["   * - " + columns[0], *(f"     - {column}" for column in columns[1:])]
    for key, hint in hints.items():
        lines += [
            f"   * - ``{key}``",
            f"     - ``{_shown(hint)}``",
        ]
        if required:
            lines.append(f"     - {'yes' if key in required else 'no'}")
        if documented:
            lines.append(f"     - {documented.get(key, '')}")
    return [*lines, ""]


def _field_docs(cls: type) -> dict[str, str]:
    """The docstring under each field of a TypedDict written as a class."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        try:
            source = inspect.getsource(klass)
        except (OSError, TypeError):
            continue
        tree = ast.parse(inspect.cleandoc("\n" + source) if source[0].isspace() else source)
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for node, following in itertools.pairwise(body):
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[node.target.id] = " ".join(following.value.value.split())
    return docs


def _values(alias: object) -> list[str] | None:
    if typing.get_origin(alias) is not typing.Literal:
        return None
    return [repr(value) for value in typing.get_args(alias)]


def _process_docstring(
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    if _is_typed_dict(obj):
        if typing.get_type_hints(obj):
            keys = "these keys" if obj.__required_keys__ else "any of these keys"  # type: ignore[attr-defined]
            if obj.__required_keys__:  # type: ignore[attr-defined]
                keys += " (``always``: in every one)"
            lines += [f"A ``dict`` with {keys}:", *_fields(obj)]  # type: ignore[arg-type]
        else:
            lines += ["", "No keys yet: the spec adds them here.", ""]
        return
    values = _values(obj)
    if values is not None:
        lines += ["", "One of: " + ", ".join(f"``{v}``" for v in values) + ".", ""]


class EnumerationDirective(SphinxDirective):
    """``.. enumeration:: bandwidth.MessageState``: the alias with every value it allows."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        path = self.arguments[0]
        module_name, _, name = path.rpartition(".")
        module = __import__(module_name, fromlist=[name])
        values = _values(getattr(module, name))
        if values is None:
            raise self.error(f"{path} is not a Literal alias")
        text = [f".. py:data:: {name}", f"   :module: {module_name}", ""]
        text += [f"   {line}" for line in self.content]
        text += ["", "   One of: " + ", ".join(f"``{v}``" for v in values) + ".", ""]
        return self.parse_text_to_nodes("\n".join(text))


class MappingTableDirective(SphinxDirective):
    """``.. mapping-table:: bandwidth.ENVIRONMENT_VARIABLES setting variable``: a mapping of
    the code as a two-column table, headed by the two words given."""

    required_arguments = 3

    def run(self) -> list[nodes.Node]:
        module_name, _, name = self.arguments[0].rpartition(".")
        mapping = getattr(__import__(module_name, fromlist=[name]), name)
        lines = [".. list-table::", "   :header-rows: 1", ""]
        lines += [f"   * - {self.arguments[1]}", f"     - {self.arguments[2]}"]
        for key, value in mapping.items():
            lines += [f"   * - ``{key}``", f"     - ``{value}``"]
        return self.parse_text_to_nodes("\n".join(lines))


# -- errors ---------------------------------------------------------------------------------------


class ErrorTreeDirective(SphinxDirective):
    """``.. error-tree::``: every public error class under its base, with the HTTP status it
    stands for when it stands for one."""

    def run(self) -> list[nodes.Node]:
        import bandwidth
        from bandwidth import _exceptions

        status_of = {cls: status for status, cls in _exceptions._BY_STATUS.items()}
        public = {
            obj
            for name in bandwidth.__all__
            if isinstance(obj := getattr(bandwidth, name), type) and issubclass(obj, Exception)
        }
        lines: list[str] = []

        def add(cls: type, depth: int) -> None:
            builtins = [b.__name__ for b in cls.__bases__ if b.__module__ == "builtins"]
            note = f" (HTTP {status_of[cls]})" if cls in status_of else ""
            also = f", also a ``{'``, ``'.join(builtins)}``" if builtins and depth else ""
            lines.append(f"{'  ' * depth}- :class:`~bandwidth.{cls.__name__}`{note}{also}")
            children = sorted((c for c in public if cls in c.__bases__), key=lambda c: c.__name__)
            if children:
                lines.append("")
            for child in children:
                add(child, depth + 1)
            if children:
                lines.append("")

        add(bandwidth.BandwidthError, 0)
        return self.parse_text_to_nodes("\n".join(lines))


# -- the command line ---------------------------------------------------------------------------


class CommandHelpDirective(SphinxDirective):
    """``.. command-help::``: ``bandwidth-messaging --help`` and each command's, as printed."""

    def run(self) -> list[nodes.Node]:
        import click
        from bandwidth._commands import cli

        out: list[nodes.Node] = []

        def add(command: click.Command, path: list[str], parent: click.Context | None) -> None:
            context = click.Context(
                command, info_name=" ".join(path), parent=parent, terminal_width=100
            )
            title = " ".join(path)
            section = nodes.section(ids=[nodes.make_id(title)])
            section += nodes.title(text=title)
            section += nodes.literal_block(text=command.get_help(context), language="text")
            out.append(section)
            if isinstance(command, click.Group):
                for name in command.list_commands(context):
                    sub = command.get_command(context, name)
                    if sub is not None and not sub.hidden:
                        add(sub, [*path, name], context)

        add(cli, ["bandwidth-messaging"], None)
        return out


def _process_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Signatures in the names users write: an alias by its name (Sphinx spells an alias in a
    union out as its forward reference), an attrs default made by a factory as the value it
    makes."""

    def readable(text: str | None) -> str | None:
        if text is None:
            return None
        text = re.sub(r"TypeAliasForwardRef\('([\w.]+)'\)", r"~\1", text)
        text = re.sub(r"(?<![~\w.])(bandwidth\.[\w.]+)", r"~\1", text)
        return text

    signature = readable(signature)
    if signature is not None and isinstance(obj, type) and attrs.has(obj):
        for field in attrs.fields(obj):
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                made = field.default.factory()  # type: ignore[call-arg]
                signature = re.sub(
                    rf"({field.name}: [^=]+) = NOTHING", rf"\1 = {made!r}", signature
                )
    return signature, readable(return_annotation)


def _qualify_httpx(app: Sphinx, doctree: nodes.document) -> None:
    """httpx's classes shown with their module in every signature (overloads included):
    ``Client`` alone would read as the SDK's own."""
    from sphinx import addnodes

    for reference in list(doctree.findall(addnodes.pending_xref)):
        target = str(reference.get("reftarget", ""))
        if target.startswith("httpx.") and reference.astext() != target:
            reference.children = [nodes.Text(target)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", _qualify_httpx)
    app.connect("autodoc-process-signature", _process_signature)
    app.connect("missing-reference", _resolve_external)
    app.connect("autodoc-process-docstring", _process_docstring)
    app.add_directive("enumeration", EnumerationDirective)
    app.add_directive("mapping-table", MappingTableDirective)
    app.add_directive("error-tree", ErrorTreeDirective)
    app.add_directive("command-help", CommandHelpDirective)
    return {"parallel_read_safe": True}


__all__ = ["setup"]
