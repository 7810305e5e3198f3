"""Compiled Jinja templates kept for the life of the process, so a rebuild does not compile them again.

MkDocs makes a new Jinja environment for every build, and compiling Material's templates is about a
third of the time a small site takes to build. `mkdocs serve` rebuilds in one process on every save,
and so does a test run that builds hundreds of sites: both reuse the compiled code from here.
Jinja checks each template's source against the checksum stored with its code, so an edited
template is compiled afresh; environments configured differently never share code.

Owns: the in-memory bytecode cache. Imports only Jinja.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Jinja's bytecode cache, in memory: template key -> the marshalled code and its source checksum."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped by Jinja if the template's source has changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_CACHES: dict[tuple[Any, ...], CompiledTemplates] = {}


def compiled_templates(env: Environment) -> CompiledTemplates:
    """The cache for environments configured as `env` is (what compiling depends on)."""
    options = (
        tuple(sorted(env.extensions)),
        env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
    )
    return _CACHES.setdefault(options, CompiledTemplates())
