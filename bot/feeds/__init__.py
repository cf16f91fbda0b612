"""Feed polling pieces: fetching (http), parsing (parse) and deciding what is new (dedup)."""
