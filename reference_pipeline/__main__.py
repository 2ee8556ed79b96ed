"""`python -m reference_pipeline <command>`."""

from reference_pipeline.pipeline.cli import main

if __name__ == "__main__":
    main()
