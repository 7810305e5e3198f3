"""The test suite's own rules (issue 11): tests that need no browser never load Playwright, and no test
module imports another test module or conftest; shared code lives in tests/helpers.py."""

from __future__ import annotations

import ast

from helpers import ROOT

TESTS = ROOT / "tests"


def imported_at_import_time(tree: ast.Module) -> set[str]:
    """Modules a test file imports when it is loaded: top level, not under `if TYPE_CHECKING:`."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_only_browser_test_modules_import_playwright_and_none_imports_another_test_module() -> None:
    test_modules = {path.stem for path in TESTS.glob("test_*.py")} | {"conftest"}
    for path in sorted(TESTS.glob("*.py")):
        names = imported_at_import_time(ast.parse(path.read_text(encoding="utf-8")))
        if not path.stem.endswith("_browser"):
            assert "playwright" not in names, f"{path.name} imports Playwright when it is loaded"
        assert not names & test_modules, f"{path.name} imports {sorted(names & test_modules)}"
