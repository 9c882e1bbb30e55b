"""Performance figures of the pygame front-end: `python -m benchmarks [--json]`."""
