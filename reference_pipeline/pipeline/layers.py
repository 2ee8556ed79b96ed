"""The warehouse's layers, in the order data flows through them.

Why a module of its own: the command line needs the names to parse `--layer`, and commands that never
open the warehouse should not pay for importing DuckDB to get them.
"""

LAYERS = ("bronze", "silver", "gold")
