"""The assembly's state changes: one module per noun (sessions, candidacies, casting, counting)."""
