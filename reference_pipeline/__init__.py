"""The bundled DuckDB teaching pipeline that course labs run (see README.md)."""
