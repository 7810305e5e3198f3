"""The site `partnership init` writes runs this test suite on its own content (issue 12, item 9).

Its tests are this repository's tests, reading its content (tests/sitefacts.py): they must collect, and
those of the default site that need no browser must pass there. `make test` in such a site runs them all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import env, partnership

# Default-site tests (no browser) that read what they expect from the content, and the unit tests
# whose fixtures are their own: run in the new site, on its one case study and no optional parts.
SUBSET = [
    "tests/test_model.py",
    "tests/test_content_honesty.py",
    "tests/test_example_site.py",
    "tests/test_cms.py::test_the_built_admin_carries_the_configured_backend",
    "tests/test_cms_output.py::test_every_file_of_the_site_saved_by_decap_still_passes",
    "tests/test_findable_build.py",
    "tests/test_no_partnership_words.py",
    "tests/test_search_browser.py::test_site_search_index_leaves_out_staff_pages_chart_text_and_case_studies",
    "tests/test_security_browser.py::test_every_built_page_carries_a_policy_that_allows_exactly_its_inline_scripts",
]


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init-tests")
    result = partnership("init", str(root / "site"), cwd=root)
    assert result.returncode == 0, result.stderr
    (root / "site" / "node_modules").symlink_to(Path(__file__).resolve().parents[1] / "node_modules")
    return root / "site"


def pytest_in(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The new site's pytest, in one process (-n 0): this test already runs on a worker of its own."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "0", "-q", *args],
        cwd=site,
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )


def test_the_new_sites_tests_collect_without_errors(started: Path) -> None:
    result = pytest_in(started, "--collect-only")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "error" not in result.stdout.splitlines()[-1]
    assert "test_browser.py::test_home_page_renders_the_partnership" in result.stdout


def test_the_new_sites_default_site_tests_pass_on_its_own_content(started: Path) -> None:
    result = pytest_in(started, "-m", "not browser", "-rs", *SUBSET)
    summary = result.stdout.splitlines()[-1]
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in summary and "failed" not in summary and "error" not in summary, summary
    # what is skipped is what this site genuinely lacks: no offer, no example, no seed documents
    skipped = [line for line in result.stdout.splitlines() if line.startswith("SKIPPED")]
    assert all(("content/offer.yml" in s or "examples/" in s or "seed documents" in s) for s in skipped), skipped
