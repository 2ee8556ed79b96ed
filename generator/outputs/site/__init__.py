"""The student site and the instructor guide: a page plan, Jinja2 page templates, then a real `mkdocs build`."""
