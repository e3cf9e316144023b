"""Timings and sizes of the build, printed as figures (`make bench`). Nothing here passes or fails.

Compare figures from one machine only. Run with BENCH_RUNS=1 for a quick look, or name the sections
to print (`benchmarks/bench.py engines growth`; see SECTIONS).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import make_scaled_handbook  # noqa: E402
from build_scripts.load.editions import snapshot  # noqa: E402
from build_scripts.model.guide_paths import PAGE_LIMIT, count_pages  # noqa: E402
from build_scripts.pipeline import PDF_CACHE, check, generated_files  # noqa: E402
from build_scripts.publish.engines import ENGINE_VARIABLE, ENGINES, Engine  # noqa: E402
from build_scripts.render.editions import edition_files  # noqa: E402
from build_scripts.render.pdf import build_pdfs  # noqa: E402
from tests.support.project import copy_project  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PAGES = {
    "home page": ("", "index.md"),
    "a Compact page": ("compact/resolving-disagreements/", "compact/resolving-disagreements.md"),
    "a guide step": (
        "guide/start/raising/public-and-third/yes/no/",
        "guide/start/raising/public-and-third/yes/no/index.md",
    ),
}


def median_seconds(
    action: Callable[[], object], runs: int = RUNS, before: Callable[[], object] = lambda: None
) -> float:
    """The median time of `action`; `before` runs ahead of each run, untimed."""
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build(project: Path, site: Path, with_pdfs: bool, engine: Engine | None = None) -> None:
    """`make build` on `project` into `site`, with this run's engine or `engine`."""
    python = ROOT / engine.venv / "bin" / "python" if engine else Path(sys.executable)
    env = {**os.environ, "HANDBOOK_PDFS": "1" if with_pdfs else "0", "NO_MKDOCS_2_WARNING": "1"}
    env |= {ENGINE_VARIABLE: engine.name} if engine else {}
    command = [str(python), "-m", "build_scripts", "--root", str(project), "build", "--site-dir", str(site)]
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)


def make_check() -> None:
    subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(ROOT), "check"], capture_output=True, check=True
    )


def timings(work: Path) -> None:
    handbook = check(ROOT).handbook
    assert handbook is not None, "the sources have problems: run `make check`"
    files = generated_files(handbook)
    pdfs = build_pdfs(handbook, files)
    rows = [
        (
            "make check: load and validate every source, in a new process as an editor runs it",
            median_seconds(make_check),
        ),
        (
            "the same check again in one process, as the preview checks after an edit",
            median_seconds(lambda: check(ROOT)),
        ),
        ("render every page and file (no PDFs)", median_seconds(lambda: generated_files(handbook))),
        (
            f"every PDF ({len(pdfs)} files, {sum(p.pages for p in pdfs)} pages)",
            median_seconds(lambda: build_pdfs(handbook, files)),
        ),
    ]
    # A copy of the project, so that its cache of PDFs is its own: emptied for a build as on a fresh clone.
    project = copy_project(ROOT, work)
    site, cache = work / "site", project / PDF_CACHE
    rows += [
        (
            "whole build with PDFs, none kept from an earlier build (make build on a fresh clone, CI)",
            median_seconds(lambda: build(project, site, True), before=lambda: shutil.rmtree(cache, ignore_errors=True)),
        ),
    ]
    # A new wording of a guide question before each run: the PDFs that print it are laid out again,
    # every other one is taken from the cache.
    guide = project / "guide/disputes.yml"
    original = guide.read_text("utf-8")
    edits = iter(range(1, RUNS + 1))

    def edit_question() -> None:
        guide.write_text(original.replace("organisations in dispute?", f"parties in dispute ({next(edits)})?"), "utf-8")

    rows += [
        (
            "whole build with PDFs after editing a guide question (the PDFs it does not change kept)",
            median_seconds(lambda: build(project, site, True), before=edit_question),
        ),
        (
            "whole build with PDFs, nothing changed since the build before",
            median_seconds(lambda: build(project, site, True)),
        ),
        ("whole build without PDFs (as make serve)", median_seconds(lambda: build(project, site, False))),
    ]
    print(f"Timings: median of {RUNS} runs on {os.cpu_count()} cores")
    for label, seconds in rows:
        print(f"  {seconds:7.2f} s  {label}")
    seconds, outcome = test_suite()
    print(f"  {seconds:7.2f} s  make test: lint and every test, once ({outcome})")


def test_suite() -> tuple[float, str]:
    """`make test` once, as CI runs it, and its last line (how many tests passed)."""
    start = time.perf_counter()
    result = subprocess.run(["make", "test"], cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    # pytest's summary ("876 passed in ..."), not make's own last line.
    summary = [line.strip("= ") for line in result.stdout.splitlines() if " passed" in line and " in " in line]
    return seconds, summary[-1] if result.returncode == 0 and summary else f"failed: exit {result.returncode}"


SERVE_EDITS = (
    ("a guide question", "guide/disputes.yml", "guide/step/evolution-a-party/", "organisations in dispute?"),
    (
        "a Compact clause",
        "compact/resolving-disagreements.md",
        "compact/resolving-disagreements/",
        "relationships intact",
    ),
    ("a docs page", "docs/about/accessibility.md", "about/accessibility/", None),
)
"""What `make serve` is timed on: a source edited, the page that shows it, and the words replaced (None:
a sentence added at the end)."""


def serve_rebuild(work: Path, engine: Engine | None = None, edits: int = len(SERVE_EDITS)) -> float:
    """From saving a source to the preview serving the change, in seconds, for each of the first `edits`
    of SERVE_EDITS (printed without `engine`): the first's."""
    folder = work / f"serve-{engine.name if engine else 'this'}"
    folder.mkdir()
    project = copy_project(ROOT, folder)
    port = 8765
    python = ROOT / engine.venv / "bin" / "python" if engine else Path(sys.executable)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({ENGINE_VARIABLE: engine.name} if engine else {})}
    server = subprocess.Popen(
        [str(python), "-m", "build_scripts", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    medians = []
    try:
        wait_for(f"http://127.0.0.1:{port}/", "Compact", 60)
        for label, source, page, words in SERVE_EDITS[:edits]:
            url, path, times = f"http://127.0.0.1:{port}/{page}", project / source, []
            original = path.read_text("utf-8")
            wait_for(url, words or "", 60)
            for run in range(RUNS):
                edited = f"words edited ({run + 1})"
                changed = original.replace(words, edited) if words else f"{original}\n{edited}.\n"
                path.write_text(changed, "utf-8")
                start = time.perf_counter()
                wait_for(url, edited, 60)
                times.append(time.perf_counter() - start)
            medians.append(statistics.median(times))
            if engine is None:
                what = f"make serve: from saving an edit of {label} to the page showing it"
                print(f"  {medians[-1]:7.2f} s  {what} (median of {RUNS})")
    finally:
        server.terminate()
        server.wait(10)
    return medians[0]


def engines(work: Path) -> None:
    """Each engine's build of the same project, side by side (without PDFs: they are the same for all)."""
    rows: dict[str, list[float]] = {}
    for engine in ENGINES.values():
        folder = work / f"engine-{engine.name}"
        folder.mkdir()
        project = copy_project(ROOT, folder)
        site, kept = folder / "site", folder / ".site-project"
        guide = project / "guide/disputes.yml"
        original = guide.read_text("utf-8")
        edits = iter(range(1, RUNS + 1))

        def edit_question(guide: Path = guide, original: str = original, edits: Iterator[int] = edits) -> None:
            guide.write_text(original.replace("organisations in dispute?", f"parties ({next(edits)})?"), "utf-8")

        def cold(kept: Path = kept) -> None:
            shutil.rmtree(kept, ignore_errors=True)

        def run(project: Path = project, site: Path = site, engine: Engine = engine) -> None:
            build(project, site, False, engine)

        rows[engine.name] = [
            median_seconds(run, before=cold),
            median_seconds(run),
            median_seconds(run, before=edit_question),
            serve_rebuild(folder, engine, edits=1),
        ]
    labels = (
        "cold build, no project kept from an earlier build (no PDFs)",
        "build again, nothing changed",
        "build after editing a guide question",
        "make serve: from saving a guide edit to the page showing it",
    )
    print(f"Engines: the same project, median of {RUNS} runs")
    print("  " + "".join(f"{name:>12}" for name in rows) + "  ")
    for index, label in enumerate(labels):
        print("  " + "".join(f"{rows[name][index]:>10.2f} s" for name in rows) + f"  {label}")


def wait_for(url: str, text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(url)


def transfer(site: Path, address: str) -> tuple[int, int, int, int]:
    """Compressed bytes of a page's HTML, its stylesheets and its scripts, and its requests elsewhere."""
    page = site / address / "index.html"
    html = page.read_text(encoding="utf-8")
    css = js = external = 0
    for kind, href in re.findall(r'<(link|script)[^>]*?(?:href|src)="([^"]+)"', html):
        if kind == "link" and "stylesheet" not in html[html.find(href) - 80 : html.find(href)]:
            continue
        if "://" in href:
            external += 1
            continue
        size = len(gzip.compress((page.parent / href).resolve().read_bytes(), 9))
        css, js = (css + size, js) if kind == "link" else (css, js + size)
    return len(gzip.compress(html.encode("utf-8"), 9)), css, js, external


def default_material_site(work: Path) -> Path:
    """The same Markdown, built with Material for MkDocs as it comes."""
    rendered = work / "rendered"
    subprocess.run(
        [sys.executable, "-m", "build_scripts", "render", "--no-pdfs", "--out", str(rendered)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    default = work / "default"
    (default / "docs").mkdir(parents=True)
    nav = []
    for _, source in PAGES.values():
        target = default / "docs" / source
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (ROOT / "docs" / source) if (ROOT / "docs" / source).is_file() else (rendered / source)
        body = text.read_text(encoding="utf-8")
        body = body.split("\n---\n", 1)[1] if body.startswith("---\n") else body
        target.write_text(body, encoding="utf-8")
        nav.append(f"  - {source}")
    (default / "mkdocs.yml").write_text(
        "site_name: The Darlington Compact\ntheme:\n  name: material\nmarkdown_extensions:\n"
        "  - admonition\n  - attr_list\n  - md_in_html\n  - tables\n  - def_list\nnav:\n" + "\n".join(nav) + "\n",
        encoding="utf-8",
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", ENGINES["mkdocs"].module, "build", "-q", "--config-file", "mkdocs.yml"],
        cwd=default,
        env=env,
        check=True,
        capture_output=True,
    )
    return default / "site"


def sizes(work: Path) -> None:
    ours = work / "ours"
    build(ROOT, ours, False)
    default = default_material_site(work)
    print("Bytes a browser transfers for a page, compressed (gzip -9): HTML + CSS + JS = total")
    print(f"  {'page':<16} {'this handbook':>36}   {'Material as it comes':>44}")
    for label, (address, source) in PAGES.items():
        h, c, j, e = transfer(ours, address)
        default_address = source.removesuffix("index.md").removesuffix(".md") + (
            "/" if not source.endswith("index.md") else ""
        )
        dh, dc, dj, de = transfer(default, default_address.lstrip("/"))
        print(
            f"  {label:<16} {h:>6} + {c:>6} + {j:>6} = {h + c + j:>7}   "
            f"{dh:>6} + {dc:>6} + {dj:>6} = {dh + dc + dj:>7} (+{de} requests elsewhere: fonts)"
        )


GROWTH = (1, 2, 4)
"""The sizes of the synthetic handbooks: the real guide and codes, twice and four times over."""


def growth(work: Path) -> None:
    """The check and the build of larger handbooks: what each page costs should not grow with them."""
    print(f"Growth: the guide and codes repeated (benchmarks/synthetic.py), median of {RUNS} runs")
    print(f"  {'size':>5} {'codes':>6} {'steps':>6} {'pages':>6} {'check':>8} {'build':>8} {'per page':>10}")
    for factor in GROWTH:
        project = make_scaled_handbook(ROOT, work / f"growth-{factor}", factor)
        checked = check(project)
        handbook = checked.handbook
        assert handbook is not None and handbook.guide is not None, checked.problems[:3]
        sizes = f"  {factor:>4}x {len(handbook.codes):>6} {len(handbook.guide.steps):>6}"
        path_pages = count_pages(handbook.guide)
        if path_pages > PAGE_LIMIT:
            print(f"{sizes} {'-':>6}  refused by make check: {path_pages} path pages, over the limit of {PAGE_LIMIT}")
            continue
        assert checked.ok, checked.problems[:3]
        checking = median_seconds(partial(check, project))
        site = work / f"growth-{factor}-site"
        building = median_seconds(partial(build, project, site, False))
        pages = sum(1 for _ in site.rglob("*.html"))
        print(f"{sizes} {pages:>6} {checking:>6.2f} s {building:>6.2f} s {1000 * building / pages:>7.2f} ms")


def archive(work: Path) -> None:
    """What the editions cost: with none archived (today), and with the real edition archived once."""
    (work / "editions").mkdir()
    project = copy_project(ROOT, work / "editions")
    handbook = check(project).handbook
    assert handbook is not None
    files = generated_files(handbook, "https://example.org/", False)
    print("Editions:")
    none = median_seconds(lambda: edition_files(handbook, files, "https://example.org/", True))
    print(f"  {none:7.2f} s  the Editions page, What changed and the feed, with no archived edition")
    edition = project / "compact/edition.yml"
    snapshot(project, handbook.edition.id)
    text = edition.read_text(encoding="utf-8").replace(f'id: "{handbook.edition.id}"', 'id: "bench-next"')
    edition.write_text(re.sub(r'published: "[^"]*"', 'published: "2999-01-01"', text, count=1), "utf-8")
    two = check(project)
    archived = two.handbook
    assert archived is not None and len(archived.archive) == 1 and not two.problems, two.problems[:3]
    for with_pdfs in (False, True):

        def editions(pdfs: bool = with_pdfs) -> object:
            return edition_files(archived, files, "https://example.org/", pdfs)

        seconds = median_seconds(editions, 1)
        print(f"  {seconds:7.2f} s  the same with one archived edition, {'with' if with_pdfs else 'without'} its PDFs")


def load() -> str:
    """The machine's load (1, 5 and 15 minutes): figures taken under load are not comparable."""
    return " ".join(f"{average:.2f}" for average in os.getloadavg())


SECTIONS: dict[str, Callable[[Path], object]] = {
    "timings": timings,
    "serve": serve_rebuild,
    "engines": engines,
    "sizes": sizes,
    "archive": archive,
    "growth": growth,
}
"""What `make bench` prints, in order; `benchmarks/bench.py growth engines` prints only those."""


def main(names: list[str]) -> None:
    unknown = [name for name in names if name not in SECTIONS]
    if unknown:
        sys.exit(f"no section {', '.join(unknown)} in the bench; its sections are {', '.join(SECTIONS)}")
    print(f"Load before: {load()} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name in names or SECTIONS:
            SECTIONS[name](work)
            print()
        shutil.rmtree(work, ignore_errors=True)
    print(f"Load after: {load()}")


if __name__ == "__main__":
    main(sys.argv[1:])
