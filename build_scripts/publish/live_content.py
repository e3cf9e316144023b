"""What in a finished page could run, or reach another host: read with a real HTML parser.

A page of the handbook may run only its own script files and the inline scripts it is given as
trusted; it may link anywhere by http(s), mail or phone, but load nothing from another host, and
send the reader nowhere by itself (a meta refresh) unless it is a redirect page.
"""

from __future__ import annotations

from collections.abc import Collection
from html.parser import HTMLParser

from ..model.urls import is_safe_link, leaves_site, scheme

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href", "ping", "srcset"}
)
LOADS = {"script": "src", "img": "src", "source": "src", "audio": "src", "video": "src", "track": "src", "input": "src"}
"""The element and the attribute through which it loads something as the page opens."""
EMBEDS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"})
LINKS_THAT_LOAD_NOTHING = frozenset({"canonical", "prev", "next", "alternate", "author", "license", "help"})
DATA_SCRIPTS = frozenset({"application/json", "application/ld+json"})
"""Script elements of these types are data for other scripts; a browser never runs them."""


class _Scanner(HTMLParser):
    def __init__(self, trusted_scripts: Collection[str], refresh: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.trusted_scripts = trusted_scripts
        self.refresh = refresh
        self.reasons: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name, value in attributes.items():
            self._attribute(tag, name, value)
        if tag in EMBEDS:
            self.reasons.append(f"<{tag}>, an element that embeds other content or changes where links lead")
        loaded = attributes.get(LOADS.get(tag, ""), "")
        if tag == "link" and not set(attributes.get("rel", "").lower().split()) <= LINKS_THAT_LOAD_NOTHING:
            loaded = attributes.get("href", "")
        if loaded and leaves_site(loaded):
            self.reasons.append(f'<{tag}> loads "{loaded}" from another host')
        if tag == "meta" and "http-equiv" in attributes:
            self._meta(attributes["http-equiv"], attributes.get("content", ""))
        if tag == "script" and "src" not in attributes:
            kind = attributes.get("type", "").strip().lower()
            self._script = None if kind in DATA_SCRIPTS else []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._script = None

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self.reasons.append(f'an event-handler attribute "{name}" on <{tag}>')
        elif name in URL_ATTRIBUTES:
            addresses = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
            for address in addresses:
                if not is_safe_link(address):
                    self.reasons.append(f'a "{scheme(address)}:" address in <{tag} {name}>')

    def _meta(self, http_equiv: str, content: str) -> None:
        if http_equiv.strip().lower() != "refresh":
            self.reasons.append(f'<meta http-equiv="{http_equiv}">, which only the build may write')
        elif content != self.refresh:
            self.reasons.append("a meta refresh, which sends the reader elsewhere; only a redirect page may")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            script = "".join(self._script)
            if script not in self.trusted_scripts:
                start = " ".join(script.split())[:60]
                self.reasons.append(f'an inline script that is not on the trusted list (it starts "{start}")')
        if tag == "script":
            self._script = None


def live_content(html: str, trusted_scripts: Collection[str] = (), refresh: str | None = None) -> list[str]:
    """Why the page is not safe to publish, one reason a line; nothing when it is.

    `trusted_scripts` are the inline scripts the page may hold; `refresh` is the one meta refresh
    content it may have (a redirect page's), if any.
    """
    scanner = _Scanner(trusted_scripts, refresh)
    scanner.feed(html)
    scanner.close()
    return scanner.reasons
