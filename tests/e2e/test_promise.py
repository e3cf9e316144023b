"""The link promise: every address in addresses.txt still works. An address the site publishes and
does not promise yet is an editor's new clause, step or note, never a failure: `make check` warns of
it, and `make addresses` adds it."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts.check.promise import PROMISE_FILE, read_promise, source_addresses
from build_scripts.model.handbook import Handbook
from build_scripts.pipeline import check
from build_scripts.publish.promise import published_addresses, unresolved
from tests.support.redirects import write_redirect


def handbook_of(root: Path) -> Handbook:
    checked = check(root)
    assert checked.handbook is not None
    return checked.handbook


def test_every_promised_address_still_resolves(root: Path, site: Path) -> None:
    promised = read_promise(root)
    assert len(promised) > 200
    assert unresolved(site, promised) == []


def test_make_check_warns_of_the_addresses_the_sources_publish_and_do_not_promise(root: Path, site: Path) -> None:
    handbook = handbook_of(root)
    made = source_addresses(handbook)
    published = set(published_addresses(site, handbook))
    assert made <= published, sorted(made - published)
    new = made - set(read_promise(root))
    warnings = [str(w) for w in check(root).warnings if w.source.path == PROMISE_FILE]
    assert len(warnings) == (1 if new else 0), warnings
    assert all(address in warnings[0] for address in sorted(new)[:5]), warnings


def test_the_promise_covers_every_kind_of_address(root: Path) -> None:
    promised = set(read_promise(root))
    assert "/compact/resolving-disagreements/#stage-2" in promised
    assert "/compact/principles-and-commitments/#principle-partnership" in promised
    assert "/codes/resources-and-procurement/#rp-prompt-payment" in promised
    assert "/guide/step/refer-to-the-panel/" in promised
    assert "/downloads/darlington-compact-handbook.pdf" in promised
    assert not [a for a in promised if a.startswith("/guide/start/")]


def test_a_page_removed_without_a_redirect_breaks_the_promise(root: Path, site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    promised = read_promise(root)
    shutil.rmtree(copy / "compact/context")
    (copy / "compact/resolving-disagreements/index.html").unlink()
    broken = unresolved(copy, promised)
    assert "/compact/context/" in broken
    assert "/compact/resolving-disagreements/#stage-2" in broken
    # With a redirect page left behind, the old addresses lead on to the new ones.
    # Each page moved, not lost: its notes' anchors must still be found at the new address.
    shutil.copytree(site / "compact/resolving-disagreements", copy / "compact/disputes")
    write_redirect(copy, "compact/resolving-disagreements/index.html", "../disputes/")
    shutil.copytree(site / "compact/context", copy / "compact/the-context")
    write_redirect(copy, "compact/context/index.html", "../the-context/")
    assert unresolved(copy, promised) == []
