"""Further reading: a web page or a file in the course folder that a lesson or lab points students to."""

from __future__ import annotations

from pydantic import Field

from generator.model.base import Markdown, Spec, Text

URL_SCHEMES = ("http", "https", "mailto")


class Resource(Spec):
    """A title and where to find it: a web address or a file of the course; the site and decks list them."""

    title: Text
    url: str | None = Field(None, description="A web address (http, https or mailto). Give this or 'file'.")
    # `file` in the spec; another name here, because every spec object already has a `file` (its own).
    course_file: str | None = Field(
        None,
        alias="file",
        description="A file in the course folder, relative to it; the site links a copy. Give this or 'url'.",
    )
    note: Markdown = Field("", description="Why it is worth reading, or which part to read.")
