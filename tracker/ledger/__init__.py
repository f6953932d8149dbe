"""The nouns and their rules, no I/O."""
