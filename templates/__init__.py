"""The toolkit's built-in run-time files: page templates, site assets and the deck master.

Installed as the package `generator.templates` (see pyproject.toml) and found with importlib.resources.
"""
