"""The central server: accounts, scope and replication over FastAPI; `python -m sync.server`."""
