"""The wheel carries everything the toolkit needs at run time, and an install from it builds a course."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, REPO

pytestmark = pytest.mark.slow
_GENERATED = {"build", "site", "dist"}  # at the top of the checkout only: generator/outputs/website is source


def _not_shipped(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == REPO
    return {n for n in names if n.startswith(".") or n == "__pycache__" or n.endswith(".egg-info")} | (
        _GENERATED & set(names) if top else set()
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built the way a user builds one, from a copy of the source (so the checkout stays clean)."""
    source = tmp_path_factory.mktemp("source") / "toolkit"
    shutil.copytree(REPO, source, ignore=_not_shipped)
    out = tmp_path_factory.mktemp("dist")
    pip = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(source), "-w", str(out)]
    subprocess.run(pip, check=True, capture_output=True)
    return next(out.glob("curriculum_toolkit-*.whl"))


def _tracked(folder: str) -> list[str]:
    listed = subprocess.run(["git", "ls-files", folder], cwd=REPO, capture_output=True, text=True, check=True)
    return listed.stdout.split()


def test_wheel_holds_every_template_asset_master_and_scaffold(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    runtime = [f for f in _tracked("templates") if not f.endswith("make_default_master.py")]
    expected = {"generator/" + f for f in runtime}
    expected |= {f for f in _tracked("generator/scaffolds")} | {"generator/load/messages.yaml"}
    assert "generator/templates/decks/default.pptx" in expected
    assert expected - names == set()
    assert not [n for n in names if n.startswith("templates/")], "templates/ must ship inside the package"


def test_wheel_holds_every_package_of_the_toolkit(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {p.relative_to(REPO).as_posix() for p in (REPO / "generator").rglob("__init__.py")}
    packages |= {p.relative_to(REPO).as_posix() for p in (REPO / "reference_pipeline").rglob("__init__.py")}
    missing = packages - names
    assert not missing, f"list these in pyproject.toml's [tool.setuptools] packages: {sorted(missing)}"


def test_a_course_builds_from_an_installed_wheel_outside_the_repo(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / "bin"
    subprocess.run([bin_dir / "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    course = tmp_path / "my-course"
    shutil.copytree(MINIMAL, course, ignore=shutil.ignore_patterns("site", "build"))

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), cwd=course, capture_output=True, text=True, check=False)

    validated = run(bin_dir / "curriculum", "validate")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    built = run(bin_dir / "curriculum", "build")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Traceback" not in built.stderr
    home = (course / "site" / "index.html").read_text(encoding="utf-8")
    assert "Pipelines in Miniature" in home
    assert (course / "build" / "decks").is_dir() and (course / "build" / "question_bank.xlsx").is_file()
    pipeline = run(bin_dir / "python", "-m", "reference_pipeline", "--help")
    assert pipeline.returncode == 0 and "Usage" in pipeline.stdout

    # The README's "Start your own course" steps, as written, with the toolkit this wheel installed.
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Start your own course", 1)[1].split("\n## ", 1)[0]
    block = section.split("```console\n", 1)[1].split("```", 1)[0]
    steps = [line[2:] for line in block.splitlines() if line.startswith("$ ") and "pip install" not in line]
    assert any(s.startswith("curriculum init") for s in steps) and "curriculum build" in steps
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    readme_run = subprocess.run(
        ["bash", "-ec", " && ".join(steps)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert readme_run.returncode == 0, readme_run.stdout + readme_run.stderr
    index = tmp_path / "bread-course" / "site" / "index.html"
    assert "Bread baking for beginners" in index.read_text(encoding="utf-8")
    handouts = tmp_path / "bread-course" / "build" / "handouts"
    assert (handouts / "index.html").is_file() and list(handouts.glob("lessons/*.html"))
    _assert_opens_in_chromium(index, "Bread baking for beginners")


def _assert_opens_in_chromium(index: Path, title: str) -> None:
    """The built home page, opened from the file system as a student would, shows the course."""
    from tests.browser.conftest import ARGS, CHROMIUM

    # A separate Chromium process: the browser tests may hold Playwright's sync API in this one.
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--disable-gpu", *ARGS, "--dump-dom", index.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert f"<title>{title}" in dom
    assert 'class="md-nav' in dom and "md-search" in dom  # the theme's navigation and search came along
