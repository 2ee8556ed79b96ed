"""Further reading resolves: a web address of a kind a page may link to, or a file the course has.

Nothing is fetched: a build must not depend on the network, so a web address is checked for its form only.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from generator.checks import error, rule
from generator.checks.lab_files import escapes_folder, near_files
from generator.errors import Issue
from generator.model.course import Course
from generator.model.lab import Lab
from generator.model.lesson import Lesson
from generator.model.resource import URL_SCHEMES, Resource


@rule("resources")
def resources(course: Course) -> Iterator[Issue]:
    owners: list[Lesson | Lab] = [*course.lessons.values(), *course.labs.values()]
    for owner in owners:
        for i, resource in enumerate(owner.resources):
            yield from _check(course, owner, i, resource)


def _check(course: Course, spec: Lesson | Lab, i: int, resource: Resource) -> Iterator[Issue]:
    where = ("resources", i)
    if (resource.url is None) == (resource.course_file is None):
        given = "both 'url' and 'file'" if resource.url is not None else "neither 'url' nor 'file'"
        yield error(
            spec,
            *where,
            message=f"resource '{resource.title}' gives {given}",
            hint="give a web address as 'url', or a file of the course as 'file', but not both",
        )
        return
    if resource.url is not None:
        problem = url_problem(resource.url)
        if problem:
            yield error(
                spec,
                *where,
                "url",
                message=f"'{resource.url}' {problem}",
                hint="write the full address, e.g. 'https://example.org/page' or 'mailto:name@example.org'",
            )
        return
    path = resource.course_file or ""
    if escapes_folder(path):
        yield error(
            spec,
            *where,
            "file",
            message=f"'{path}' is outside the course folder",
            hint="put the file in the course folder and give its path relative to it",
        )
    elif not (course.root / path).is_file():
        what = (
            "is a folder, not a file"
            if (course.root / path).is_dir()
            else "does not exist in the course folder"
        )
        yield error(
            spec,
            *where,
            "file",
            message=f"'{path}' {what}",
            hint=near_files(course.root, path) or "give the path of a file, relative to the course folder",
        )


def url_problem(url: str) -> str:
    """Why `url` cannot be a link on a page ('' when it can): only http, https and mailto addresses can."""
    if any(c.isspace() or ord(c) < 32 for c in url):
        return "contains spaces or control characters"
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in URL_SCHEMES:
        shown = f"a '{scheme}:' address" if scheme else "not a full address"
        return f"is {shown}; a resource links to http, https or mailto addresses only"
    if scheme == "mailto":
        return "" if "@" in parts.path else "has no e-mail address after 'mailto:'"
    if not parts.hostname or ("." not in parts.hostname.strip(".") and parts.hostname != "localhost"):
        return "has no host name (as in 'https://example.org/...')"
    return ""
