"""Site build speed for the bundled course: each stage of `curriculum build`'s site step against a bare
`mkdocs build` of the same generated pages, measured alternately in one run; and the no-change rebuild.

  python benchmarks/bench_site.py [--runs 3] [--course .]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def bare_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path, nav: object) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    started = time.perf_counter()
    config = load_config(
        config_file=str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), nav=nav
    )
    build(config)
    return time.perf_counter() - started


def main() -> None:
    from generator.load.course_loader import load_course
    from generator.outputs.site.writer import _config_file, render_site

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--course", default=".")
    args = parser.parse_args()
    ours, bare, load, render, mk = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        work, site, bare_site = Path(tmp) / "work", Path(tmp) / "site", Path(tmp) / "bare"
        for _ in range(args.runs):
            started = time.perf_counter()
            course = load_course(args.course)
            loaded = time.perf_counter() - started
            result = render_site(course, site, work, force=True)
            ours.append(time.perf_counter() - started)
            load.append(loaded)
            render.append(result.seconds_render)
            mk.append(result.seconds_mkdocs)
            from generator.outputs.site.plan import plan_site

            shutil.rmtree(bare_site, ignore_errors=True)
            nav = plan_site(course, "student").nav
            bare.append(bare_mkdocs(_config_file(course, work), work / "student-docs", bare_site, nav))
        started = time.perf_counter()
        course = load_course(args.course)
        unchanged = render_site(course, site, work)
        no_change = time.perf_counter() - started
        assert not unchanged.rebuilt
    med = statistics.median
    print(f"bundled course: {len(unchanged.page_paths)} pages, median of {args.runs} runs")
    print(f"  load + validate        : {med(load):6.3f} s")
    print(f"  render Markdown + write: {med(render):6.3f} s")
    print(f"  mkdocs build (ours)    : {med(mk):6.3f} s")
    print(f"  site build, total      : {med(ours):6.3f} s")
    print(f"  bare mkdocs build      : {med(bare):6.3f} s (same pages, no generator)")
    print(f"  ratio total / bare     : {med(ours) / med(bare):.2f}x (target <= 1.10x)")
    print(f"  no-change rebuild      : {no_change:6.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()
