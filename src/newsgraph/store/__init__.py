"""The store: the only package that holds SQL or imports duckdb. Versioned schema, single writer."""
