"""A finished page read as a browser reads it (model/html5.py), made safe, and written out again.

A page's content (its <article>) is cut down to what content may hold; then nothing anywhere in the
page may run but the script files the site declares and the inline scripts it is given as trusted,
load anything from another host, or send the reader elsewhere by itself (a meta refresh) unless it is
a redirect page. What is published is the parser's tree, serialised again: never the engine's text,
so that no difference between how the build and a browser read a page is left for a page to use.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..model.html5 import elements, parse, sanitise
from ..model.urls import is_safe_link, leaves_site, scheme

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href", "ping", "srcset"}
)
LOADS = {"script": "src", "img": "src", "source": "src", "audio": "src", "video": "src", "track": "src", "input": "src"}
"""The element and the attribute through which it loads something as the page opens."""
EMBEDS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "template"})
LINKS_THAT_LOAD_NOTHING = frozenset({"canonical", "prev", "next", "alternate", "author", "license", "help"})
DATA_SCRIPTS = frozenset({"application/json", "application/ld+json"})
"""Script elements of these types are data for other scripts; a browser never runs them."""
CONTENT = "article"


@dataclass(frozen=True)
class Secured:
    """A page made safe: its HTML to publish, and why it may not be published, if anything."""

    html: str
    reasons: list[str]


def secure_page(
    html: str,
    page: str,
    script_files: Collection[str],
    trusted_scripts: Collection[str] = (),
    refresh: str | None = None,
    policy: str | None = None,
) -> Secured:
    """The page at `page` (site-relative), read, cut down and checked; with the policy in its <head>.

    `script_files` are the site-relative script files a page may load; `trusted_scripts` the inline
    scripts it may hold; `refresh` the one meta refresh content it may have (a redirect page's).
    """
    tree = parse(html)
    reasons = [
        f"its content held {removed}, which no source may make"
        for article in tree.css(CONTENT)
        for removed in sanitise(article)
    ]
    root = tree.root
    if root is not None:
        reasons += [reason for element in elements(root) for reason in _element(element, page, script_files, refresh)]
        reasons += _inline_scripts(tree.css("script"), trusted_scripts)
    if policy is not None and not reasons:
        _add_policy(tree, policy)
    return Secured(tree.html or "", reasons)


def _element(node: LexborNode, page: str, script_files: Collection[str], refresh: str | None) -> list[str]:
    tag = node.tag or ""
    attributes = {name: value or "" for name, value in node.attributes.items()}
    reasons = [reason for name, value in attributes.items() for reason in _attribute(tag, name, value)]
    if tag in EMBEDS:
        reasons.append(f"<{tag}>, an element that embeds other content or changes where links lead")
    loaded = attributes.get(LOADS.get(tag, ""), "")
    if tag == "link" and not set(attributes.get("rel", "").lower().split()) <= LINKS_THAT_LOAD_NOTHING:
        loaded = attributes.get("href", "")
    if loaded and leaves_site(loaded):
        reasons.append(f'<{tag}> loads "{loaded}" from another host')
    elif tag == "script" and loaded and _site_path(page, loaded) not in script_files:
        reasons.append(f'<script> loads "{loaded}", which is not one of the site\'s declared scripts')
    if tag == "meta" and "http-equiv" in attributes:
        reasons += _meta(attributes["http-equiv"], attributes.get("content", ""), refresh)
    return reasons


def _site_path(page: str, address: str) -> str:
    """The site-relative file an address of the page at `page` names."""
    path = address.split("#")[0].split("?")[0]
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def _attribute(tag: str, name: str, value: str) -> list[str]:
    if name.startswith("on"):
        return [f'an event-handler attribute "{name}" on <{tag}>']
    if name not in URL_ATTRIBUTES:
        return []
    addresses = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
    return [f'a "{scheme(address)}:" address in <{tag} {name}>' for address in addresses if not is_safe_link(address)]


def _meta(http_equiv: str, content: str, refresh: str | None) -> list[str]:
    if http_equiv.strip().lower() != "refresh":
        return [f'<meta http-equiv="{http_equiv}">, which only the build may write']
    if content != refresh:
        return ["a meta refresh, which sends the reader elsewhere; only a redirect page may"]
    return []


def _inline_scripts(scripts: list[LexborNode], trusted: Collection[str]) -> list[str]:
    reasons = []
    for script in scripts:
        attributes = script.attributes
        if "src" in attributes or (attributes.get("type") or "").strip().lower() in DATA_SCRIPTS:
            continue
        text = script.text(deep=True)
        if text not in trusted:
            start = " ".join(text.split())[:60]
            reasons.append(f'an inline script that is not on the trusted list (it starts "{start}")')
    return reasons


def _add_policy(tree: LexborHTMLParser, text: str) -> None:
    """The policy as the first thing in the page's <head> after the charset."""
    head = tree.head
    if head is None:
        raise ValueError("the page has no <head>")
    meta = tree.create_node("meta")
    meta.attrs["http-equiv"] = "Content-Security-Policy"
    meta.attrs["content"] = text
    charset = head.css_first("meta[charset]")
    if charset is not None:
        charset.insert_after(meta)
    elif head.first_child is not None:
        head.first_child.insert_before(meta)
    else:
        head.insert_child(meta)
