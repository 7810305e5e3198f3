"""In Chromium: where the content manager's login button goes, and what /admin/ asks for before it.

Every request that would leave the machine is intercepted by Playwright and answered (or refused)
here; nothing reaches the OAuth client, GitHub, GitLab or Netlify.
"""

from __future__ import annotations

import time
import urllib.parse
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL, ROOT, build, make_project, static_server
from playwright.sync_api import Browser
from sitefacts import BACKEND

PARTNERSHIP = (MINIMAL / "content/partnership.yml").read_text(encoding="utf-8")


def login_navigation(browser: Browser, base: str, button: str) -> tuple[str, list[str], list[str]]:
    """Open /admin/, press the login button; return where the login went, off-site requests and errors."""
    context = browser.new_context()
    offsite: list[str] = []
    logins: list[str] = []

    def route(route) -> None:
        url = route.request.url
        if url.startswith(base):
            return route.continue_()
        offsite.append(url)
        if route.request.is_navigation_request():  # the login window: answered here, never sent
            logins.append(url)
            return route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>stub</title>")
        return route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/admin/")
    login = page.get_by_role("button", name=button)
    login.wait_for(timeout=30_000)
    login.click()  # GitHub's login opens a window; PKCE's leaves this page for the server's
    deadline = time.monotonic() + 15
    while not logins:
        assert time.monotonic() < deadline, f"the login went nowhere; requests: {offsite}, errors: {errors}"
        page.wait_for_timeout(100)
    context.close()
    return logins[0], [u for u in offsite if u not in logins], errors


@pytest.mark.skipif(
    BACKEND is None or BACKEND["name"] != "github", reason="the content's content manager does not log in with GitHub"
)
def test_github_login_goes_to_the_configured_oauth_client_not_netlify(browser: Browser, default_site: Path) -> None:
    config = yaml.safe_load((default_site / "admin/config.yml").read_text(encoding="utf-8"))
    client = config["backend"]["base_url"]
    with static_server(default_site) as base:
        url, offsite, errors = login_navigation(browser, base, "Login with GitHub")
    parts = urllib.parse.urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == client, url
    assert parts.path == "/" + config["backend"]["auth_endpoint"]
    query = urllib.parse.parse_qs(parts.query)
    assert query["provider"] == ["github"] and query["site_id"] == [urllib.parse.urlsplit(base).hostname]
    assert "netlify" not in url
    assert offsite == [] and errors == []  # the login screen asks nothing of any other origin


@pytest.mark.parametrize(
    ("cms", "button", "authorize"),
    [
        (
            "cms:\n  backend: gitlab\n  app_id: test-app-id\n  base_url: https://git.example.gov.uk\n",
            "Login with GitLab",
            "https://git.example.gov.uk/oauth/authorize",
        ),
        (
            "cms:\n  backend: gitea\n  app_id: test-app-id\n  base_url: https://gitea.example.org\n",
            "Login with Gitea",
            "https://gitea.example.org/login/oauth/authorize",
        ),
        (
            "cms:\n  backend: forgejo\n  app_id: test-app-id\n  base_url: https://forge.example.org\n",
            "Login with Forgejo",
            "https://forge.example.org/login/oauth/authorize",
        ),
    ],
)
def test_pkce_login_goes_to_the_configured_server(
    browser: Browser, tmp_path: Path, cms: str, button: str, authorize: str
) -> None:
    project = make_project(tmp_path / "p", {"content/partnership.yml": PARTNERSHIP + cms + "repository: o/r\n"})
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    with static_server(out) as base:
        url, offsite, errors = login_navigation(browser, base, button)
    assert url.startswith(authorize + "?"), url
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query["client_id"] == ["test-app-id"] and query["code_challenge_method"] == ["S256"]
    assert query["redirect_uri"] == [f"{base}/admin/"]
    assert offsite == [] and errors == []
