"""Closing a test client's response: a file download keeps its file open until it is closed."""

from django.core.signals import request_finished
from django.db import close_old_connections


def close_quietly(response):
    """Close a response without the request_finished signal.

    The signal closes the database connection when it is inside a transaction, which on
    PostgreSQL ends the test's own connection; Django's test client silences it the same way.
    """
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
