"""The shared domain, used alike by the device and the server: records, rules, operation kinds,
the sync protocol, messages and reference data. Nothing here imports client, server or Qt."""
