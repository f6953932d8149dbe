"""The demo profile and how to remove it."""
