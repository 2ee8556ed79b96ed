"""Scale: courses of N lessons (benchmarks/make_course.py) built stage by stage, and the site against bare
mkdocs-material with the full navigation in every page (what Material does without `navigation.prune`).

For each size it prints each stage's time once (load + validate, labs cold, site, instructor guide, decks,
bank, LMS), then ours against the bare build of the same pages in alternating rounds, and the curve.

  python benchmarks/bench_scale.py [--sizes 100,300,1000] [--rounds 5] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench_site import bare_mkdocs
from make_course import make_course
from rounds import add_rounds, alternate, line

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def full_navigation_config(config: Path, builtin: Path) -> Path:
    """The course's site config with Material's default navigation: every page's menu lists every page."""
    import yaml

    features = [
        f for f in yaml.safe_load(builtin.read_text())["theme"]["features"] if f != "navigation.prune"
    ]
    out = config.with_name("full-navigation.yml")
    out.write_text(
        yaml.safe_dump({"INHERIT": str(config), "theme": {"name": "material", "features": features}}),
        encoding="utf-8",
    )
    return out


def stages(root: Path, jobs: int) -> dict[str, float]:
    """Seconds of each stage of one forced build, labs run cold."""
    from generator.build import build_course
    from generator.labs.runner import verify_labs
    from generator.load.course_loader import load_course

    started = time.perf_counter()
    course = load_course(root)
    times = {"load + validate": time.perf_counter() - started}
    started = time.perf_counter()
    verify_labs(course, list(course.labs), jobs=jobs)
    times["labs (cold)"] = time.perf_counter() - started
    report = build_course(root, force=True, verify=False, jobs=jobs)
    times.update({built.name: built.seconds for built in report.outputs})
    return times


def site_rounds(root: Path, work: Path, rounds: int) -> tuple[int, list[float], list[float]]:
    """Pages, and seconds of our site build and of bare mkdocs with full navigation, round by round."""
    from generator.load.course_loader import load_course
    from generator.outputs.website.plan import plan_site
    from generator.outputs.website.writer import _config_file, render_site
    from generator.resources import builtin_templates

    course = load_course(root)
    site, bare_site = work / "site", work / "bare"
    pages = len(render_site(course, site, work, force=True).page_paths)
    full = full_navigation_config(_config_file(course, work), builtin_templates() / "site" / "mkdocs.yml")
    nav = plan_site(course, "student").nav

    def bare(_: int) -> None:
        shutil.rmtree(bare_site, ignore_errors=True)
        bare_mkdocs(full, work / "student-docs", bare_site, nav)

    ours, base = alternate(rounds, lambda _: render_site(load_course(root), site, work, force=True), bare)
    return pages, ours, base


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_rounds(parser)
    parser.add_argument("--sizes", default="100,300,1000", help="lesson counts, comma-separated")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    curve: list[tuple[int, int, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            root = make_course(size, Path(tmp) / f"course-{size}")
            times = stages(root, args.jobs)
            print(f"{size} lessons: " + ", ".join(f"{name} {sec:.2f} s" for name, sec in times.items()))
            pages, ours, base = site_rounds(root, Path(tmp) / f"work-{size}", args.rounds)
            print(f"  {pages} pages, {args.rounds} alternating rounds")
            print("  " + line("site vs full-nav mkdocs", ours, base, "bare mkdocs", width=24))
            curve.append((size, pages, statistics.median(ours), statistics.median(base)))
    print("curve (medians): lessons, pages, ours s, bare s, ours ms per page")
    for size, pages, ours_med, base_med in curve:
        print(f"  {size:5d} {pages:6d} {ours_med:8.2f} {base_med:8.2f} {1000 * ours_med / pages:8.1f}")
    target = "(target at 1,000 lessons <= 0.5)"
    print(f"ratio at {curve[-1][0]} lessons: {curve[-1][2] / curve[-1][3]:.3f} {target}")


if __name__ == "__main__":
    main()
