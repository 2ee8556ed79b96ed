"""Site build speed: our site step of `curriculum build` (load + validate, render the Markdown, mkdocs build;
forced, so every page is built, but validation keeps its verdicts between rounds as the build's does)
against a baseline of a bare `mkdocs build` of the same generated pages with the same config and navigation
(no generator), in alternating rounds of one run; then the no-change rebuild, which must skip mkdocs.

  python benchmarks/bench_site.py [--rounds 5] [--course .]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from rounds import add_rounds, alternate, line, repeat, single

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def bare_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path, nav: object) -> None:
    """A plain `mkdocs build` of pages already on disk."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(
        config_file=str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), nav=nav
    )
    build(config)


def main() -> None:
    from generator.load.course_loader import load_course
    from generator.outputs.website.plan import plan_site
    from generator.outputs.website.writer import _config_file, render_site

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_rounds(parser)
    parser.add_argument("--course", default=".")
    args = parser.parse_args()
    load, render, mk = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        work, site, bare_site = Path(tmp) / "work", Path(tmp) / "site", Path(tmp) / "bare"
        course = load_course(args.course)
        render_site(course, site, work, force=True)  # the pages the bare build reads
        config, docs, nav = (
            _config_file(course, work),
            work / "student-docs",
            plan_site(course, "student").nav,
        )

        memo = Path(tmp) / "checks.json"  # as `curriculum build` keeps the slow rules' verdicts

        def ours(_: int) -> None:
            started = time.perf_counter()
            loaded = load_course(args.course, memo=memo)
            load.append(time.perf_counter() - started)
            result = render_site(loaded, site, work, force=True)
            render.append(result.seconds_render)
            mk.append(result.seconds_mkdocs)

        def bare(_: int) -> None:
            shutil.rmtree(bare_site, ignore_errors=True)
            bare_mkdocs(config, docs, bare_site, nav)

        t_ours, t_bare = alternate(args.rounds, ours, bare)

        def no_change(_: int) -> None:
            assert not render_site(load_course(args.course), site, work).rebuilt

        render_site(load_course(args.course), site, work)
        unchanged = repeat(args.rounds, no_change)
        pages = len(render_site(load_course(args.course), site, work).page_paths)
    med = statistics.median
    print(f"{Path(args.course).resolve().name}: {pages} pages, {args.rounds} alternating rounds")
    print(
        f"  stages of ours (median): load + validate {med(load):.3f} s, render Markdown + write "
        f"{med(render):.3f} s, mkdocs build {med(mk):.3f} s"
    )
    print(line("site build vs bare mkdocs", t_ours, t_bare, "bare mkdocs", width=26) + " (target <= 1.10)")
    print(single("no-change rebuild", unchanged, width=26) + " (target < 1 s)")


if __name__ == "__main__":
    main()
