"""Validation errors in an editor's words: where (file, line, entry, key) and what to do."""

from functools import cache

from pydantic import BaseModel, TypeAdapter, ValidationError

from handbook.errors import HandbookError
from handbook.yaml12 import Lines

# Rules in words, instead of the regular expression they are checked with.
PATTERNS = {
    r"^[a-z0-9]+([-_][a-z0-9]+)*$": "ids are lower-case letters and digits joined by hyphens, e.g. cold-sore",
    r"^https://\S+$": "a web address starting with https://, with no spaces",
    r"^[a-z0-9-]+(\.[a-z0-9-]+)+$": "a host name in lower case, e.g. doi.org",
    r"^[^<>]*$": "plain words, with no < or >",
}
# Python type names an editor should never see.
TYPES = {
    "string_type": "should be text",
    "int_type": "should be a whole number",
    "list_type": "should be a list, like [a, b]",
    "dict_type": "should be a set of 'key: value' lines",
    "model_type": "should be a set of 'key: value' lines",
    "date_type": "should be a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "should be a real date written as YYYY-MM-DD",
    "date_parsing": "should be a real date written as YYYY-MM-DD",
    "date_from_datetime_inexact": "should be a date written as YYYY-MM-DD, without a time",
    "string_too_short": "is empty",
    "too_short": "needs at least one entry",
    "too_long": "has too many entries",
    "missing": "required key is missing",
}


def _where(loc: tuple, data: object) -> str:
    """'entry 3 (id 'x'), key 'y'' for a pydantic error location."""
    parts, node = [], data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list):
            entry = node[step] if step < len(node) else None
            label = f"entry {step + 1}"
            if isinstance(entry, dict) and "id" in entry:
                label += f" (id '{entry['id']}')"
            parts.append(label)
            node = entry
        else:
            parts.append(f"key '{step}'")
            node = node.get(step) if isinstance(node, dict) else None
    return ", ".join(parts) or "top level"


def _line(loc: tuple, lines: Lines) -> str:
    """', line N' for the deepest part of ``loc`` whose line is known."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return f", line {lines[loc[:end]]}"
    return ""


def _models_in(tp):
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        yield tp
    for arg in getattr(tp, "__args__", ()):
        yield from _models_in(arg)


def _allowed_keys(tp, loc: tuple) -> str:
    model = next(_models_in(tp))
    for step in loc[:-1]:
        if isinstance(step, str) and step in model.model_fields:
            model = next(_models_in(model.model_fields[step].annotation), model)
    return ", ".join(model.model_fields)


def _message(err: dict, model) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown key; allowed keys: {_allowed_keys(model, err['loc'])}"
    if kind == "string_pattern_mismatch":
        rule = PATTERNS.get(err["ctx"]["pattern"], f"must match {err['ctx']['pattern']}")
        return f"'{err['input']}' is not allowed: {rule}"
    if kind == "literal_error":
        return f"'{err['input']}' is not allowed; allowed values: {err['ctx']['expected'].replace(' or ', ', ')}"
    if kind in TYPES:
        return TYPES[kind]
    if kind.endswith("_type"):
        return "has the wrong kind of value"
    return err["msg"]


@cache
def adapter(model) -> TypeAdapter:
    return TypeAdapter(model)  # building one is slow; reuse it


def validate(model, data: object, source: str, lines: Lines | None = None):
    """Validate ``data``; raise one HandbookError with a line per problem."""
    try:
        return adapter(model).validate_python(data)
    except ValidationError as exc:
        found: dict[tuple, list[str]] = {}
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("function-", "union["))))
            loc = tuple(p for p in loc if p not in ("str", "int", "float", "constrained-str"))
            found.setdefault(loc, []).append(_message(err, model))
        problems = []
        for loc, messages in found.items():
            # A value that may be of several kinds fails once per kind: say it once.
            message = messages[0] if len(messages) == 1 else "should be text or a number"
            problems.append(f"{source}{_line(loc, lines or {})}: {_where(loc, data)}: {message}")
        raise HandbookError("\n".join(problems)) from None
