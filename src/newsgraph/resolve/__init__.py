"""Cross-article work on model objects only: near-duplicates, entity identity, story clusters."""
