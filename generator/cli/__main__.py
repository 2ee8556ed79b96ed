"""`python -m generator.cli`: the same as the `curriculum` command."""

from generator.cli.commands import main

main()
