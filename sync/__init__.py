"""The offline-first data layer: records, rules, the local store and both ends of replication."""
