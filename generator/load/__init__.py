"""The only code that reads spec files: line-aware YAML, error location, course assembly."""
