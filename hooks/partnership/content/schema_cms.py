"""The `cms:` section of content/partnership.yml: how comms staff log in to the content manager.

- `github`: through an OAuth client the partnership runs (`base_url`, and `auth_endpoint` when its
  login path is not `auth`). Without one, Decap sends the login to Netlify, which only works on Netlify.
- `gitlab`, `gitea` or `forgejo`: through PKCE, with the `app_id` of an OAuth application
  registered on that server; no secret and no server of our own.
- `none`: no content manager on the published site (it is still there for `make edit`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from partnership.content.context import Context
from partnership.content.kinds import Slug, Text, Url
from partnership.content.records import Field, Record, position
from partnership.content.yamlstrict import Node

BACKENDS = ("github", "gitlab", "gitea", "forgejo", "none")
DEFAULT_BASE_URL = {"gitlab": "https://gitlab.com"}  # GitHub's and Gitea's have no sensible default
API_PATH = {"gitlab": "/api/v4", "gitea": "/api/v1", "forgejo": "/api/v1"}


def _rules(values: dict[str, Any], node: Node, ctx: Context, where: str) -> None:
    backend = values["backend"]
    prefix = f"{where}." if where else ""
    if backend == "github" and not values["base_url"]:
        ctx.error(
            node,
            f"{prefix}base_url",
            "is missing; GitHub needs the address of your OAuth client (see the README, 'Content manager'), "
            "or Decap sends the login to Netlify",
        )
    if backend in ("gitlab", "gitea", "forgejo") and not values["app_id"]:
        ctx.error(node, f"{prefix}app_id", f"is missing; add the Application ID of the OAuth application on {backend}")
    if backend in ("gitea", "forgejo") and not values["base_url"]:
        ctx.error(node, f"{prefix}base_url", f"is missing; add the address of your {backend} server")
    if backend == "none":
        for name in ("base_url", "auth_endpoint", "app_id", "api_root"):
            if values[name]:
                ctx.error(position(node, name), f"{prefix}{name}", "is not used when backend is none; remove it")
    endpoint = values["auth_endpoint"]
    if endpoint and (endpoint.startswith("/") or "://" in endpoint):
        ctx.error(
            position(node, "auth_endpoint"),
            f"{prefix}auth_endpoint",
            f"'{endpoint}' should be a path on base_url without a leading /, like auth",
        )


CMS = Record(
    noun="the content manager settings",
    fields=[
        Field(
            "backend",
            Text(
                pattern="|".join(BACKENDS),
                pattern_help="is not a backend; choose one of: " + ", ".join(BACKENDS),
            ),
            help="Where saved changes go and how people log in: github, gitlab, gitea, forgejo or none",
            example="github",
        ),
        Field(
            "base_url",
            Url(),
            required=False,
            help="github: your OAuth client's address; gitlab, gitea, forgejo: the server's address",
            example="https://cms-auth.example.org",
        ),
        Field(
            "auth_endpoint",
            Text(max_length=200),
            required=False,
            help="The login path on base_url, if not the backend's usual one",
            example="auth",
        ),
        Field("app_id", Text(max_length=200), required=False, help="gitlab, gitea, forgejo: the OAuth Application ID"),
        Field("api_root", Url(), required=False, help="The server's API address, if not the usual one"),
        Field(
            "repo",
            Text(
                pattern=r"[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+",
                pattern_help="is not a repository; write it as owner/name, like our-partnership/website",
            ),
            required=False,
            help="The repository to save to, if not the partnership's repository",
        ),
        Field("branch", Slug(), required=False, help="The branch to save to (main if not given)", example="main"),
    ],
    rules=[_rules],
)


def backend_config(cms: dict[str, Any] | None, repository: str) -> dict[str, Any] | None:
    """Decap's `backend:` for checked `cms:` values, or None when there is no content manager online."""
    if not cms or cms["backend"] == "none":
        return None
    name = cms["backend"]
    config: dict[str, Any] = {"name": name, "repo": cms["repo"] or repository, "branch": cms["branch"] or "main"}
    base_url = (cms["base_url"] or DEFAULT_BASE_URL.get(name, "")).rstrip("/")
    if base_url:
        config["base_url"] = base_url
    if cms["auth_endpoint"]:
        config["auth_endpoint"] = cms["auth_endpoint"]
    if name in ("gitlab", "gitea", "forgejo"):
        config["auth_type"] = "pkce"
        config["app_id"] = cms["app_id"]
        config["api_root"] = (cms["api_root"] or base_url + API_PATH[name]).rstrip("/")
        if name in ("gitea", "forgejo") and not cms["auth_endpoint"]:
            config["auth_endpoint"] = "login/oauth/authorize"
    elif cms["api_root"]:
        config["api_root"] = cms["api_root"].rstrip("/")
    return config


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def api_origins(backend: dict[str, Any] | None) -> list[str]:
    """The origins the content manager talks to once logged in (its Content Security Policy's connect-src)."""
    if backend is None:
        return []
    if backend["name"] == "proxy":  # decap-server, for `make edit`
        return [origin(backend["proxy_url"])]
    if backend["name"] == "github":
        return [origin(backend.get("api_root", "https://api.github.com"))]
    return [origin(backend["api_root"])]
