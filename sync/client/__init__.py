"""The device side of sync: the local replica (`store`), HTTP to the server (`http`), one sync
(`engine`), who is signed in (`session`), deployment presets and the OS keyring. No Qt."""
