"""The visits app's state changes and queries."""
