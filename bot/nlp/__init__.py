"""Language processing for newsbot: sentence splitting, key points and quotes."""
