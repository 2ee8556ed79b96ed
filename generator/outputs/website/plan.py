"""Which pages a course site has, where each lives, and the navigation: one plan for both audiences."""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.model.course import Course
from generator.outputs.website.lab_files import zip_name

Audience = Literal["student", "instructor"]


@dataclass
class Page:
    path: str  # relative to docs_dir, e.g. "sections/s1/m01/lesson.md"
    template: str
    title: str  # as the trainer wrote it, for the browser tab and the navigation (see `label`)
    context: dict[str, Any] = field(default_factory=dict)


def label(title: str) -> str:
    """A title as the theme prints it (navigation, browser tab): one line, HTML-escaped.

    Why: mkdocs and Material print titles as HTML, so a title's `<img ...>` would be a live tag.
    """
    return html.escape(" ".join(title.split()))


@dataclass
class SitePlan:
    pages: list[Page]
    nav: list[Any]
    paths: dict[tuple[str, str], str]  # (kind, id) -> page path

    def link(self, from_page: str, kind: str, target_id: str) -> str:
        """A relative link from one page to the page of (kind, id); '' if there is none."""
        target = self.paths.get((kind, target_id))
        if target is None:
            return ""
        return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def plan_site(course: Course, audience: Audience) -> SitePlan:
    """Every page of the site for `audience`, its template, and the navigation tree."""
    paths: dict[tuple[str, str], str] = {("home", ""): "index.md"}
    if course.labs and course.spec.lab_environment.copy_files:
        paths[("download", "lab-files")] = zip_name(course)
    pages = [Page("index.md", "home.md.j2", course.title)]
    nav: list[Any] = [{"Home": "index.md"}]
    number = 0
    for s_index, section in enumerate(course.sections, 1):
        base = f"sections/{section.id}"
        section_page = Page(
            f"{base}/index.md",
            "section.md.j2",
            f"Section {s_index}: {section.title}",
            {"section": section, "number": s_index},
        )
        paths[("section", section.id)] = section_page.path
        pages.append(section_page)
        section_nav: list[Any] = [section_page.path]
        for module in section.modules:
            number += 1
            mbase = f"{base}/{module.id}"
            module_page = Page(f"{mbase}/index.md", "module.md.j2", f"Module {number}: {module.title}",
                               {"module": module, "section": section, "number": number})  # fmt: skip
            paths[("module", module.id)] = module_page.path
            pages.append(module_page)
            module_nav: list[Any] = [module_page.path]
            for lesson in course.lessons_of(module):
                page = Page(f"{mbase}/{lesson.id}.md", "lesson.md.j2", lesson.title, {"lesson": lesson})
                paths[("lesson", lesson.id)] = page.path
                pages.append(page)
                module_nav.append({label(page.title): page.path})
            for lab in course.labs_of(module):
                page = Page(f"{mbase}/labs/{lab.id}.md", "lab.md.j2", f"Lab: {lab.title}", {"lab": lab})
                paths[("lab", lab.id)] = page.path
                pages.append(page)
                module_nav.append({label(page.title): page.path})
            section_nav.append({label(f"Module {number} · {module.title}"): module_nav})
        nav.append({label(f"Section {s_index} · {section.title}"): section_nav})

    days = course.ordered_workshops()
    if days:
        pages.append(Page("workshops/index.md", "workshops.md.j2", "Workshop days", {"days": days}))
        workshop_nav: list[Any] = ["workshops/index.md"]
        for day in days:
            page = Page(
                f"workshops/{day.id}/index.md", "workshop.md.j2", f"Day {day.day}: {day.title}", {"day": day}
            )
            paths[("workshop", day.id)] = page.path
            pages.append(page)
            day_nav: list[Any] = [page.path]
            for block in day.blocks:
                if block.lesson in course.lessons and ("lesson", block.lesson) not in paths:
                    lesson = course.lessons[block.lesson]
                    lp = Page(
                        f"workshops/{day.id}/{lesson.id}.md", "lesson.md.j2", lesson.title, {"lesson": lesson}
                    )
                    paths[("lesson", lesson.id)] = lp.path
                    pages.append(lp)
                    day_nav.append({label(lp.title): lp.path})
                if block.lab in course.labs and ("lab", block.lab) not in paths:
                    lab = course.labs[block.lab]
                    bp = Page(
                        f"workshops/{day.id}/labs/{lab.id}.md", "lab.md.j2", f"Lab: {lab.title}", {"lab": lab}
                    )
                    paths[("lab", lab.id)] = bp.path
                    pages.append(bp)
                    day_nav.append({label(bp.title): bp.path})
            workshop_nav.append({label(f"Day {day.day} · {day.title}"): day_nav})
        nav.append({"Workshop days": workshop_nav})

    assessment_nav: list[Any] = ["assessment/index.md"]
    quizzes = [q for q in course.quizzes.values() if audience == "instructor" or q.purpose != "exam"]
    for quiz in quizzes:
        page = Page(f"assessment/quizzes/{quiz.id}.md", "quiz.md.j2", quiz.title, {"quiz": quiz})
        paths[("quiz", quiz.id)] = page.path
        pages.append(page)
        assessment_nav.append({label(page.title): page.path})
    for rubric in course.rubrics.values():
        page = Page(f"assessment/rubrics/{rubric.id}.md", "rubric.md.j2", rubric.title, {"rubric": rubric})
        paths[("rubric", rubric.id)] = page.path
        pages.append(page)
        assessment_nav.append({label(page.title): page.path})
    for checklist in course.checklists.values():
        page = Page(f"assessment/checklists/{checklist.id}.md", "checklist.md.j2", checklist.title,
                    {"checklist": checklist})  # fmt: skip
        paths[("checklist", checklist.id)] = page.path
        pages.append(page)
        assessment_nav.append({label(page.title): page.path})
    if audience == "instructor":
        page = Page("assessment/answer-key.md", "answer_key.md.j2", "Question bank and answer key")
        pages.append(page)
        assessment_nav.append({label(page.title): page.path})
    if audience == "instructor" and course.feedback:
        # Why only here: the trainer prints the form (or imports it into the LMS); students get it on paper.
        page = Page(
            "assessment/feedback.md", "feedback.md.j2", course.feedback.title, {"form": course.feedback}
        )
        paths[("feedback", course.feedback.id)] = page.path
        pages.append(page)
        assessment_nav.append({label(page.title): page.path})
    pages.append(Page("assessment/index.md", "assessment.md.j2", "Assessment",
                      {"quizzes": quizzes}))  # fmt: skip
    nav.append({"Assessment": assessment_nav})

    if audience == "instructor" and course.labs:
        # Why only here: step outcomes and timings are for whoever runs the course, not for students.
        pages.append(Page("lab-verification.md", "lab_verification.md.j2", "Lab verification"))
        paths[("lab_verification", "")] = "lab-verification.md"
        nav.append({"Lab verification": "lab-verification.md"})

    if course.pipeline_view:
        view = course.pipeline_view
        pages.append(Page("pipeline-view.md", "pipeline_view.md.j2", view.title, {"view": view}))
        paths[("pipeline_view", view.id)] = "pipeline-view.md"
        nav.append({label(view.title): "pipeline-view.md"})
    return SitePlan(pages, nav, paths)
