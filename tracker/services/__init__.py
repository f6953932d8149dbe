"""One place per entity for every write: validate, write in one transaction, or change nothing."""
