"""Seeded fault injection (issue 10): see harness.py; the long run is `python -m tests.faults`."""
