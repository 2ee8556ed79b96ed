"""Further reading on the site: each resource as a link, and the course files they name copied in.

Why copies: the site is read offline and from `file://`; a link to a file inside the site works there,
one to the course folder would not. Web addresses are linked as written, never fetched.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.model.course import Course
from generator.model.lab import Lab
from generator.model.lesson import Lesson
from generator.model.resource import Resource

FOLDER = "files"  # in the site, beside the pages
# MkDocs would turn these into pages of the site (raw HTML and all), so they are served as plain text.
AS_TEXT = (".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Link:
    title: str
    href: str
    note: str
    file: bool  # a copy of a course file, not a web address


def site_path(resource: Resource) -> str:
    """Where the copy of a resource's file goes in the site."""
    path = PurePosixPath((resource.course_file or "").replace("\\", "/")).as_posix()
    return f"{FOLDER}/{path}" + (".txt" if path.lower().endswith(AS_TEXT) else "")


def resource_paths(course: Course) -> list[Path]:
    """The course files that lessons and labs list, where they are on disk."""
    owners: list[Lesson | Lab] = [*course.lessons.values(), *course.labs.values()]
    return [course.root / r.course_file for owner in owners for r in owner.resources if r.course_file]


def resource_files(course: Course) -> dict[str, bytes]:
    """Every course file a lesson or lab lists, by its path in the site."""
    out: dict[str, bytes] = {}
    owners: list[Lesson | Lab] = [*course.lessons.values(), *course.labs.values()]
    for owner in owners:
        for resource in owner.resources:
            if resource.course_file:
                out[site_path(resource)] = (course.root / resource.course_file).read_bytes()
    return out


def links(page_path: str, resources: list[Resource]) -> list[Link]:
    """The resources as links from the page at `page_path` (a path in the site's docs folder)."""
    out = []
    for resource in resources:
        if resource.course_file:
            href = posixpath.relpath(site_path(resource), posixpath.dirname(page_path) or ".")
        else:
            href = resource.url or ""
        out.append(Link(resource.title, href, resource.note, resource.course_file is not None))
    return out
