"""The student site and the instructor guide: a page plan, Jinja2 templates, then a real `mkdocs build`."""

from generator.outputs.website.writer import render_instructor, render_student

__all__ = ["render_instructor", "render_student"]
