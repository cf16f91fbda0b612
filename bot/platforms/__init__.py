"""Chat platforms: each renders the core's replies and digests in its own way and posts them."""
