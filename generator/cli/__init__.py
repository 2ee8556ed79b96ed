"""The `curriculum` command: thin commands that parse options, call the library, map errors."""
