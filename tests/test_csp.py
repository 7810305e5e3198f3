"""The Content Security Policy's pure functions (partnership/csp.py), without a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnership.postbuild import csp

HELLO = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"  # the example in the CSP specification
EMPTY = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # SHA-256 of nothing

# mkdocs-redirects' page, exactly as it writes it
REDIRECT = """
<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Redirecting...</title>
    <link rel="canonical" href="{url}">
    <script>var anchor=window.location.hash.substr(1);location.href="{url}"+(anchor?"#"+anchor:"")</script>
    <meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
You're being redirected to a <a href="{url}">new destination</a>.
</body>
</html>
"""

# The scripts these pages' "templates" emit (the real build reads them from the theme's templates).
KNOWN = csp.Known(scripts=["alert('Hello, world.');", "alert('Not found, world.');"])

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>A page</title>
    <script>alert('Hello, world.');</script>
  </head>
  <body><script src="bundle.js"></script></body>
</html>
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("alert('Hello, world.');", HELLO),
        ("", EMPTY),
        # the HTML parser makes every line break LF before the browser hashes
        ("a();\r\nb();", csp.script_hash("a();\nb();")),
        ("a();\rb();", csp.script_hash("a();\nb();")),
    ],
)
def test_script_hash_is_the_base64_sha256_a_browser_computes(source: str, expected: str) -> None:
    assert csp.script_hash(source) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<script>alert('Hello, world.');</script>", [HELLO]),
        ("<SCRIPT>alert('Hello, world.');</SCRIPT >", [HELLO]),
        ("<script type=\"text/javascript\">alert('Hello, world.');</script>", [HELLO]),
        ("<script type=module>alert('Hello, world.');</script>", [HELLO]),
        ("<script type=''>alert('Hello, world.');</script>", [HELLO]),
        ('<script data-src="x.js" data-note="a > b">alert(\'Hello, world.\');</script>', [HELLO]),
        ("<script>alert('Hello, world.');</script><script>alert('Hello, world.');</script>", [HELLO]),
        ("<script></script>", [EMPTY]),
        ('<script type="application/ld+json">{"@type": "Organization"}</script>', []),
        ('<script id="__config" type="application/json">{"base": "."}</script>', []),
        ("<script type='text/template'><p>{{ x }}</p></script>", []),
        ('<script src="bundle.js"></script>', []),
        ('<script defer src="../assets/directory.js"></script>', []),
        ("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", []),
    ],
)
def test_script_hashes_covers_inline_javascript_only(html: str, expected: list[str]) -> None:
    assert csp.script_hashes(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        PAGE,
        PAGE.replace('    <meta charset="utf-8">\n', ""),  # no charset: straight after <head>
        PAGE.replace("<head>", '<head prefix="og: https://ogp.me/ns#">'),
        REDIRECT.format(url="../new/"),
        "<!doctype html><title>No head</title><script>alert('Hello, world.');</script>",
        "<p>No head, no doctype</p><script>alert('Hello, world.');</script>",
    ],
)
def test_add_policy_puts_the_meta_before_the_first_script(html: str) -> None:
    secured = csp.add_policy(html, "script-src 'self'")
    meta = secured.index("""<meta http-equiv="Content-Security-Policy" content="script-src 'self'">""")
    assert meta < secured.index("<script")
    assert secured.count("Content-Security-Policy") == 1
    if "<head" in html:
        assert secured.index("<head") < meta
    if "<meta charset" in html:
        assert secured.index("<meta charset") < meta
    if "<!doctype" in html:
        assert secured.startswith(html[: html.index(">") + 1])


def test_add_policy_replaces_its_own_earlier_meta() -> None:
    once = csp.add_policy(PAGE, "script-src 'self' 'sha256-old='")
    twice = csp.add_policy(once, "script-src 'self'")
    assert twice == csp.add_policy(PAGE, "script-src 'self'")


def test_meta_tag_escapes_the_attribute() -> None:
    assert csp.meta_tag('a "b" & c') == '<meta http-equiv="Content-Security-Policy" content="a &quot;b&quot; &amp; c">'


def test_redirect_pages_share_one_script_that_still_goes_to_their_target() -> None:
    first, first_hashes = csp.secure_page(REDIRECT.format(url="../new/"), KNOWN)
    second, second_hashes = csp.secure_page(REDIRECT.format(url="../../elsewhere/#part"), KNOWN)
    assert first_hashes == second_hashes == [csp.script_hash(csp.REDIRECT_SCRIPT)]
    for page, url in ((first, "../new/"), (second, "../../elsewhere/#part")):
        assert f'<link rel="canonical" href="{url}">' in page  # where the script reads its target
        assert f'<meta http-equiv="refresh" content="0; url={url}">' in page  # without JavaScript
        assert page.index('http-equiv="Content-Security-Policy"') < page.index("<script>")
        assert "var anchor" not in page


def test_a_redirect_page_whose_script_does_not_match_its_canonical_link_is_left_alone() -> None:
    page = REDIRECT.format(url="../new/").replace('location.href="../new/"', 'location.href="../other/"')
    assert csp.normalise_redirect(page) == page


def directives(value: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in value.split(";"):
        name, *sources = directive.split()
        assert name not in parsed, f"{name} given twice"
        parsed[name] = sources
    return parsed


@pytest.mark.parametrize("header", [False, True])
@pytest.mark.parametrize("hashes", [[], [HELLO], [HELLO, EMPTY, HELLO]])
def test_policy_allows_no_inline_script_but_the_hashed_ones(hashes: list[str], header: bool) -> None:
    parsed = directives(csp.policy(hashes, header=header))
    assert parsed["script-src"] == ["'self'", *sorted(set(hashes))]
    assert "'unsafe-inline'" not in parsed["script-src"] and "'unsafe-eval'" not in parsed["script-src"]
    assert parsed["default-src"] == ["'self'"]
    assert parsed["object-src"] == ["'none'"]
    assert parsed["worker-src"] == ["'self'"]  # Material's search
    assert "'unsafe-inline'" not in " ".join(
        sources for name, values in parsed.items() for sources in values if name != "style-src"
    )
    # a <meta> policy may not hold frame-ancestors (browsers ignore it there, with a warning)
    assert ("frame-ancestors" in parsed) is header


def headers_blocks(text: str) -> dict[str, dict[str, str]]:
    """A `_headers` file read the way Netlify reads it: path lines, then indented `Name: value` lines."""
    blocks: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("/"):
            assert line not in blocks, f"{line} given twice"
            current = blocks[line] = {}
        else:
            assert line.startswith("  ") and len(line) <= 2000  # Cloudflare Pages' limit on a line
            name, value = line.strip().split(": ", 1)
            current[name] = value
    return blocks


def test_headers_file_gives_the_strict_policy_everywhere_but_admin() -> None:
    text = csp.headers_file([EMPTY, HELLO], folders=["about", "admin", "assets", "case-studies"], pages=["404.html"])
    blocks = headers_blocks(text)
    assert blocks["/*"] == {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    }
    strict = csp.policy([HELLO, EMPTY], header=True)
    assert {path for path, headers in blocks.items() if headers.get("Content-Security-Policy") == strict} == {
        "/",
        "/404.html",
        "/about/*",
        "/assets/*",
        "/case-studies/*",
    }
    admin = directives(blocks["/admin/*"]["Content-Security-Policy"])
    assert "https://api.github.com" in admin["connect-src"]
    assert "'unsafe-inline'" not in admin["script-src"]
    assert admin["frame-ancestors"] == ["'none'"]


def test_secure_site_adds_the_meta_to_every_page_but_admin_and_writes_headers(tmp_path: Path) -> None:
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "index.html").write_text(REDIRECT.format(url="../about/"), encoding="utf-8")
    (tmp_path / "admin").mkdir()
    admin = '<!doctype html><html><head><meta charset="utf-8"></head><body><script src="cms.js"></script></body></html>'
    (tmp_path / "admin" / "index.html").write_text(admin, encoding="utf-8")
    (tmp_path / "404.html").write_text(PAGE.replace("Hello", "Not found"), encoding="utf-8")

    result = csp.secure_site(tmp_path, KNOWN)

    assert result.pages == 3
    assert result.hashes == {
        HELLO,
        csp.script_hash("alert('Not found, world.');"),
        csp.script_hash(csp.REDIRECT_SCRIPT),
    }
    about = (tmp_path / "about" / "index.html").read_text(encoding="utf-8")
    assert csp.meta_tag(csp.policy([HELLO])) in about
    assert (tmp_path / "admin" / "index.html").read_text(encoding="utf-8") == admin
    blocks = headers_blocks((tmp_path / "_headers").read_text(encoding="utf-8"))
    assert set(blocks) == {"/*", "/", "/404.html", "/about/*", "/old/*", "/admin/*"}
    assert blocks["/about/*"]["Content-Security-Policy"] == csp.policy(result.hashes, header=True)


def test_only_scripts_the_project_emits_are_hashed_never_whatever_is_in_the_page() -> None:
    """The policy is a backstop: a script that got into the page some other way gets no hash."""
    slipped = PAGE.replace("</body>", "<script>alert('slipped past the sanitiser');</script></body>")
    secured, hashes = csp.secure_page(slipped, KNOWN)
    assert hashes == [HELLO]
    assert csp.script_hash("alert('slipped past the sanitiser');") not in secured
    assert csp.script_hashes(slipped) == [HELLO, csp.script_hash("alert('slipped past the sanitiser');")]


def test_known_scripts_come_from_the_templates_with_their_values_as_base_urls(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "base.html").write_text(
        '<script>__scope=new URL("{{ base_url }}",location)</script>\n<script>{% if x %}a(){% endif %}</script>\n',
        encoding="utf-8",
    )
    known = csp.Known([tmp_path])
    assert '__scope=new URL("../..",location)' in known
    assert '__scope=new URL(".",location)' in known
    assert '__scope=new URL("x",location);alert(1)//",location)' not in known
    assert '__scope=new URL("",location);fetch("//evil.example")' not in known
    assert "a()" not in known  # built by template logic: never known in advance
    assert csp.REDIRECT_SCRIPT in known


def test_every_page_but_the_content_managers_gets_a_policy() -> None:
    files = {"index.html", "404.html", "admin/index.html", "admin/config.yml", "admin.html", "about/admin/index.html"}
    files |= {"assets/site.css", "directory/index.json", "news/index.html"}
    assert csp.policed(files) == ["404.html", "about/admin/index.html", "admin.html", "index.html", "news/index.html"]
