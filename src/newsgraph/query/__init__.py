"""The read side: typed functions over the store, returning model objects or plain rows."""
