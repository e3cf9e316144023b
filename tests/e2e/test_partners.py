"""What partner websites and their tools rely on: data files that pass their schemas and say what
the model says, link previews with absolute addresses on every page, and a badge snippet whose
addresses all exist."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jsonschema
import pytest

from build_scripts.model.handbook import Handbook
from build_scripts.pipeline import check, configured_site_url
from tests.support.site import page_file, pages


@pytest.fixture(scope="module")
def handbook(root: Path) -> Handbook:
    checked = check(root)
    assert checked.handbook is not None
    return checked.handbook


@pytest.fixture(scope="module")
def site_url(root: Path) -> str:
    url = configured_site_url(root)
    assert url.startswith("https://") and url.endswith("/")
    return url


def local(site: Path, site_url: str, url: str) -> Path:
    """The file of the built site that an absolute address of the site names."""
    assert url.startswith(site_url), url
    path = url.removeprefix(site_url).partition("#")[0]
    return site / path / "index.html" if path.endswith("/") or not path else site / path


@pytest.mark.parametrize("name", ["compact", "codes", "guide", "signatories"])
def test_each_data_file_passes_its_schema(site: Path, site_url: str, name: str) -> None:
    data = json.loads((site / f"data/{name}.json").read_text(encoding="utf-8"))
    assert data["schema"] == f"{site_url}schemas/data/{name}.schema.json"
    schema = json.loads(local(site, site_url, data["schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    assert data["edition"] and data["published"]


def test_the_data_says_what_the_model_says(site: Path, site_url: str, handbook: Handbook) -> None:
    compact = json.loads((site / "data/compact.json").read_text(encoding="utf-8"))
    assert [(i["id"], i["text"]) for i in compact["principles_and_commitments"]] == [
        (item.id, item.text) for item in handbook.items
    ]
    codes = json.loads((site / "data/codes.json").read_text(encoding="utf-8"))
    assert [(c["id"], [(k["id"], k["expands"]) for k in c["clauses"]]) for c in codes["codes"]] == [
        (code.id, [(k.id, [r.id for r in k.expands]) for k in code.clauses]) for code in handbook.codes
    ]
    assert handbook.guide is not None
    guide = json.loads((site / "data/guide.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in guide["steps"]] == [s.id for s in (*handbook.guide.steps, *handbook.guide.routes)]
    register = json.loads((site / "data/signatories.json").read_text(encoding="utf-8"))
    assert handbook.register is not None
    assert [o["id"] for o in register["organisations"]] == [o.id for o in handbook.register.organisations]
    csv_lines = (site / "data/signatories.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_lines) == len(handbook.register.organisations) + 1
    # Every address in the data leads to something that exists.
    for item in compact["principles_and_commitments"]:
        target = local(site, site_url, item["url"])
        assert f'id="{item["url"].partition("#")[2]}"' in target.read_text(encoding="utf-8")
    for step in guide["steps"]:
        # A route has no page: it goes on by the answer given to the question it reads.
        assert local(site, site_url, step["url"]).is_file() if step["kind"] != "route" else step["reads"]
    for organisation in register["organisations"]:
        assert local(site, site_url, organisation["signatory_copy"]).is_file()


def test_every_page_has_a_description_and_link_preview_with_absolute_addresses(site: Path, site_url: str) -> None:
    for page in pages(site):
        text = page_file(site, page).read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        meta = dict(
            re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+|description)" content="([^"]*)"', text)
        )
        for key in ("description", "og:title", "og:description", "og:url", "og:image", "twitter:card"):
            assert meta.get(key), f"/{page}: no {key}"
        assert len(meta["description"]) > 40, f"/{page}: description too short"
        for key in ("og:url", "og:image"):
            assert meta[key].startswith(site_url), f"/{page}: {key} is not absolute"
        assert local(site, site_url, meta["og:image"]).is_file()
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', text)
        assert canonical and canonical.group(1) == meta["og:url"], page


def test_the_badge_snippet_can_be_copied_and_its_addresses_exist(site: Path, site_url: str) -> None:
    page = (site / "about/linking/index.html").read_text(encoding="utf-8")
    code = re.search(r"<pre[^>]*><span></span><code>(.*?)</code></pre>", page, re.DOTALL) or re.search(
        r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", page, re.DOTALL
    )
    assert code, "the snippet is not in a code block"
    snippet = html.unescape(re.sub(r"<[^>]+>", "", code.group(1)))
    addresses = re.findall(r'(?:href|src|srcset)="([^"]+)"', snippet)
    assert len(addresses) == 3
    for address in addresses:
        assert local(site, site_url, address).is_file(), address
    assert 'alt="We support the Darlington Compact"' in snippet
    svg = (site / "assets/badge/we-support-the-darlington-compact.svg").read_text(encoding="utf-8")
    assert "<title" in svg and ">Darlington Compact</text>" in svg


def test_the_sitemap_uses_absolute_addresses_and_leaves_out_path_pages(site: Path, site_url: str) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith(site_url) for loc in locations)
    assert f"{site_url}guide/step/refer-to-the-panel/" in locations
    assert not [loc for loc in locations if "/guide/start/" in loc]


def test_the_headers_file_sets_the_security_headers(site: Path) -> None:
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert headers.startswith("/*\n")
    assert "Content-Security-Policy: default-src 'self';" in headers and "frame-ancestors 'none'" in headers
    assert "X-Content-Type-Options: nosniff" in headers and "Referrer-Policy:" in headers
