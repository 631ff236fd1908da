"""Loading untrusted YAML (annotations, the entity registry) safely, with line numbers.

PyYAML's SafeLoader builds only plain data, but on its own it still accepts anchors and aliases
(the "billion laughs" expansion), unbounded nesting and any size. Contributors never need anchors,
so they are refused outright, and size and depth are bounded. Every mapping key and sequence item
keeps its source position so that validation errors can say ``file:line:col``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .errors import InputError

MAX_BYTES = 256 * 1024
"""Largest YAML input accepted (an annotation or registry file is a few kilobytes)."""
MAX_DEPTH = 20
"""Deepest nesting of mappings and sequences accepted."""

Path = tuple  # a path of keys and indexes into the loaded data, e.g. ("anchor", "exact")


@dataclass(frozen=True)
class YamlDoc:
    """Loaded YAML: plain data plus the 1-based line and column of every key or item."""

    data: object
    """The document as dicts, lists, str, int, float, bool and None."""
    positions: dict
    """Path tuple → (line, col), 1-based, for each mapping value and sequence item."""
    file: str
    """The file name used in errors."""

    def where(self, path: Path) -> tuple[int, int]:
        """Position of ``path``, or of its nearest ancestor that has one (the document start)."""
        path = tuple(path)
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def error(self, cls: type[InputError], path: Path, message: str, hint: str = "") -> InputError:
        line, col = self.where(path)
        return cls(self.file, line, message, hint, col=col)


def load(text: str, file: str, error_class: type[InputError] = InputError) -> YamlDoc:
    """Parse one YAML document. Raises ``error_class`` (an InputError) with file:line:col."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise error_class(file, 1, f"file is larger than {MAX_BYTES // 1024} KiB",
                          "split it into smaller files", col=1)
    try:
        _check_events(text, file, error_class)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line, col, message, hint = _where_it_starts(text, exc)
        raise error_class(file, line, f"invalid YAML: {message}", hint, col=col) from None
    except yaml.YAMLError as exc:
        raise error_class(file, 1, f"invalid YAML: {exc}", "check the file's syntax", col=1) from None
    if node is None:
        raise error_class(file, 1, "file is empty", "add the fields the format asks for", col=1)
    positions: dict = {}
    data = _build(node, (), positions, file, error_class, 0)
    return YamlDoc(data=data, positions=positions, file=file)


_OPENERS = {"while parsing a flow sequence": ("list", "[", "]"), "while parsing a flow mapping": ("mapping", "{", "}")}
_INNER_QUOTE = {'"': 'a quote mark inside the text is written \\" between double quotes (or quote the whole '
                     "value with ' instead)",
                "'": "an apostrophe inside the text is written '' between single quotes (or quote the whole "
                     'value with " instead)'}


def _where_it_starts(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, str, str]:
    """(line, col, message, hint) for a syntax error, at the line where the mistake is made.

    PyYAML reports where it gave up: an unclosed quote is found at the end of the file, or at the
    next quote mark however many lines later (the quoted text runs on until then), and an
    unclosed bracket at the next line. The contributor's mistake is where the quote or bracket
    opened, so that is the place named."""
    problem, context = exc.problem_mark, exc.context_mark
    if context and exc.context == "while scanning a quoted scalar":  # still open at the end of the file
        quote = "'" if text[context.index:context.index + 1] == "'" else '"'
        return (context.line + 1, context.column + 1, f"the quote ({quote}) opened here is never closed",
                f"close it at the end of the value; {_INNER_QUOTE[quote]}")
    if context and problem and exc.context in _OPENERS and problem.line > context.line:
        what, opening, closing = _OPENERS[exc.context]
        return (context.line + 1, context.column + 1, f"the {what} opened here with {opening!r} is not closed",
                f"close it with {closing!r} on this line, or write one item per line")
    quoted = _quoted_scalar_before(text, problem.index) if problem else None
    if quoted is not None and quoted.end_mark.line == problem.line:
        start, quote = quoted.start_mark, quoted.style
        if start.line < problem.line:
            return (start.line + 1, start.column + 1,
                    f"the quote ({quote}) opened here is not closed on its line: the text runs on to the "
                    f"{quote} on line {problem.line + 1}", f"close it at the end of the value; {_INNER_QUOTE[quote]}")
        return (problem.line + 1, problem.column + 1, "text goes on after the closing quote",
                _INNER_QUOTE[quote])
    mark = problem or context
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return line, col, str(exc.problem or exc.context), "check indentation and quoting on this line"


def _quoted_scalar_before(text: str, index: int):
    """The token just before ``index`` in ``text`` if it is a quoted scalar (else None)."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= index:
                break
            last = token
    except yaml.YAMLError:
        pass  # the same error again, further on: the tokens before it are what is wanted
    return last if isinstance(last, yaml.ScalarToken) and last.style in ('"', "'") else None


def _build(node, path, positions, file, error_class, depth):
    # Hand-walked instead of yaml.safe_load so that positions are kept and depth is bounded;
    # SafeConstructor still does the scalar typing.
    pos = (node.start_mark.line + 1, node.start_mark.column + 1)
    if depth > MAX_DEPTH:
        raise error_class(file, pos[0], f"nesting deeper than {MAX_DEPTH} levels",
                          "flatten the structure", col=pos[1])
    positions.setdefault(path, pos)
    if node.tag not in (_MAP, _SEQ) and not isinstance(node, yaml.ScalarNode):
        raise error_class(file, pos[0], f"YAML tag {node.tag} is not allowed",
                          "remove the tag and write a plain mapping or list", col=pos[1])
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise error_class(file, key_node.start_mark.line + 1, "mapping keys must be plain text",
                                  "use a simple name before the colon", col=key_node.start_mark.column + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise error_class(file, key_node.start_mark.line + 1, "merge keys (<<) are not allowed",
                                  "write the fields out in full", col=key_node.start_mark.column + 1)
            key = _scalar(key_node, file, error_class)
            if not isinstance(key, str):
                raise error_class(file, key_node.start_mark.line + 1, f"mapping key {key!r} is not text",
                                  "use a name before the colon", col=key_node.start_mark.column + 1)
            if key in result:
                raise error_class(file, key_node.start_mark.line + 1, f"duplicate key {key!r}",
                                  "remove one of the two", col=key_node.start_mark.column + 1)
            child = path + (key,)
            positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(value_node, child, positions, file, error_class, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), positions, file, error_class, depth + 1)
                for i, item in enumerate(node.value)]
    if not isinstance(node, yaml.ScalarNode):
        raise error_class(file, pos[0], "unsupported YAML node", "use plain mappings, lists and values", col=pos[1])
    return _scalar(node, file, error_class)


def _check_events(text: str, file: str, error_class) -> None:
    """Refuse aliases and over-deep nesting from the event stream, before composing: the parser
    is iterative, but PyYAML's composer recurses, so 100,000 "[" would exhaust the stack."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent):  # an anchor alone expands nothing
            raise error_class(file, mark.line + 1, "YAML anchors and aliases (&name, *name) are not allowed",
                              "write the value out in full", col=mark.column + 1)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise error_class(file, mark.line + 1, f"nesting deeper than {MAX_DEPTH} levels",
                                  "flatten the structure", col=mark.column + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _scalar(node, file="", error_class=InputError):
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if node.tag not in _ALLOWED_TAGS:
        raise error_class(file, line, f"YAML tag {node.tag} is not allowed",
                          "remove the tag and write a plain value", col=col)
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:  # an impossible date, an integer of 4300+ digits
        hint = ("write a real date as YYYY-MM-DD" if node.tag.endswith(":timestamp")
                else "write a shorter value, or quote it to make it text")
        raise error_class(file, line, f"value cannot be read: {str(exc)[:80]}", hint, col=col) from None
    if isinstance(value, str) and _BAD_TEXT.search(value):
        raise error_class(file, line, "text contains a control character or a lone surrogate "
                          f"(U+{ord(_BAD_TEXT.search(value).group()):04X})",
                          "remove it; write only printable text", col=col)
    return value


# Escapes such as "\0", "\x1b" or "\ud800" let YAML text hold characters that a UTF-8 file
# cannot: they would corrupt pages or crash when written, so they are refused (tab and newline stay).
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
