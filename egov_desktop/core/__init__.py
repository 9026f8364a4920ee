"""The rules of the domain in plain Python: no Qt, no SQL (a test enforces it)."""
