"""State changes of the API app: creating and revoking tokens and feed URLs."""
