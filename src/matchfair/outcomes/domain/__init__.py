"""The outcomes app's domain: outcomes, the ladder, consents, the knowledge page, impact."""
