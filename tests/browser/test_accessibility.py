"""axe-core in Chromium on one page of every page type, for three courses, student site and instructor guide.

Each page is checked twice: on a laptop in the light palette and on a phone in the dark one (the phone is
where code and tables scroll, the dark palette where colours change). Any critical or serious violation
fails; moderate and minor ones are for review, not for CI.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from generator.outputs.website.plan import plan_site
from tests.browser.conftest import COURSES, BuiltSite

FAILING = ("critical", "serious")
# What cannot be fixed from outside the theme: rule id -> why. Reviewed; keep it short and give each a reason.
ALLOWED: dict[str, str] = {}
VARIANTS = {"laptop-light": (1366, "light"), "phone-dark": (390, "dark")}

_axe = Axe()


def page_types(site: BuiltSite) -> dict[str, str]:
    """The first page of each template in the site's plan: template -> URL path."""
    out: dict[str, str] = {}
    for page in plan_site(site.course, site.audience).pages:  # type: ignore[arg-type]
        out.setdefault(page.template.removesuffix(".md.j2"), page.path.removesuffix(".md") + ".html")
    return out


def violations(page: Page) -> list[str]:
    """Critical and serious axe findings on the page, one line each, the allow-list left out."""
    found = _axe.run(page).response["violations"]
    return [
        f"{v['impact']} {v['id']} ({len(v['nodes'])}): {v['nodes'][0]['html'][:120]}"
        for v in found
        if v["impact"] in FAILING and v["id"] not in ALLOWED
    ]


@pytest.mark.slow
@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("audience", ["student", "instructor"])
@pytest.mark.parametrize("course", COURSES)
def test_no_serious_accessibility_violation_on_any_page_type(
    browser: object, built_sites: dict[tuple[str, str], BuiltSite], course: str, audience: str, variant: str
) -> None:
    site = built_sites[(course, audience)]
    width, scheme = VARIANTS[variant]
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)  # type: ignore[attr-defined]
    page = context.new_page()
    problems = []
    types = page_types(site)
    assert {"home", "lesson", "lab", "quiz"} <= set(types), types
    for kind, path in types.items():
        page.goto(site.url + path)
        page.wait_for_load_state("load")
        problems += [f"{kind} ({path}): {v}" for v in violations(page)]
    context.close()
    assert problems == [], "\n".join(problems)


def test_axe_finds_a_violation_when_there_is_one(
    browser: object, built_sites: dict[tuple[str, str], BuiltSite]
) -> None:
    """The check above can fail: an image without a text alternative, put into a page, is reported."""
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(built_sites[("minimal", "student")].url)
    assert violations(page) == []
    page.evaluate("document.querySelector('article').append(Object.assign(new Image(), {src: 'x.png'}))")
    assert any("image-alt" in v for v in violations(page))
    page.close()
