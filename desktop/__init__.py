"""The Qt workbench: pages, models and dialogs over the `sync` data layer (no SQL or HTTP here)."""
