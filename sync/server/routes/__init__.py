"""The API's routers; each area's queries live in its data-access module, not here."""
