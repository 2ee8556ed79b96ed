"""Python side of the teaching pipeline: cli -> runner -> models, checks, ingest, faults."""
