"""The Atom feed of what changed in each edition, for partners to follow: one entry an edition,
dated by the edition, so that the same sources give the same bytes. The only module importing feedgen."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from feedgen.feed import FeedGenerator

from ..model.addresses import EDITIONS_PAGE, FEED, page_url, what_changed_page
from ..model.changes import Changes
from .changes import summary

FEED_TITLE = "The Darlington Compact handbook: what changed in each edition"
AUTHOR = "Darlington Compact Steering Group"


def atom_feed(changes: Sequence[Changes], site_url: str) -> bytes:
    """The feed, newest edition first; `site_url` makes the absolute addresses Atom asks for."""
    feed = FeedGenerator()
    feed.id(page_url(site_url, EDITIONS_PAGE))
    feed.title(FEED_TITLE)
    feed.subtitle("Each edition of the handbook of the Darlington Compact, and what it changed.")
    feed.author({"name": AUTHOR})
    feed.link(href=f"{site_url.rstrip('/')}/{FEED}", rel="self", type="application/atom+xml")
    feed.link(href=page_url(site_url, EDITIONS_PAGE), rel="alternate", type="text/html")
    feed.language("en-GB")
    feed.updated(_day(max(c.edition.published for c in changes)))
    for change in changes:
        entry = feed.add_entry(order="prepend")
        address = page_url(site_url, what_changed_page(change.edition.id))
        entry.id(address)
        entry.title(f"What changed in the {change.edition.name}")
        entry.link(href=address, rel="alternate", type="text/html")
        entry.published(_day(change.edition.published))
        entry.updated(_day(change.edition.published))
        entry.summary(" ".join(summary(change)))
    data: bytes = feed.atom_str(pretty=True)
    return data


def _day(iso: str) -> datetime.datetime:
    """A day of the sources as the start of that day in UTC: the feed's dates come from the sources only."""
    return datetime.datetime.combine(datetime.date.fromisoformat(iso), datetime.time(), datetime.UTC)
