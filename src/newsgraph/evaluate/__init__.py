"""Evaluation on public benchmarks: loaders for their formats and the scorers (`newsgraph eval`)."""
