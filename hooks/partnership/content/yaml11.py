"""How YAML 1.1 (PyYAML, and so MkDocs) would read an unquoted value: the surprises we refuse."""

from __future__ import annotations

import re

# How YAML 1.1 (PyYAML, and so MkDocs) would read an unquoted value.
_BOOLS = {
    **dict.fromkeys(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"], "true"),
    **dict.fromkeys(["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"], "false"),
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|\s+).*|[0-9]{4}-[0-9]{2}-[0-9]{2}")


def yaml11_reading(text: str) -> str | None:
    """What an unquoted value turns into under YAML 1.1, if it is not text."""
    if text in _BOOLS:
        return f"the true/false value {_BOOLS[text]}"
    if text == "=":
        return "a special 'value' marker that MkDocs cannot read"
    if text == "<<":
        return "a merge key"
    if _OCTAL.fullmatch(text):
        return f"the octal number {int(text.replace('_', ''), 8)}"
    if _SEXAGESIMAL.fullmatch(text):
        return "a number in base 60 (as if it were a time)"
    if _INT.fullmatch(text) or _FLOAT.fullmatch(text):
        return "a number"
    if _TIMESTAMP.fullmatch(text):
        return "a date"
    return None
