"""Tools built on the shared domain: Excel lists in and out, and synthetic demo data."""
