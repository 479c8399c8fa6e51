"""The REST API (django-ninja, OpenAPI at /api/docs), personal API tokens and iCal feed URLs."""
