"""The WSGI entry point for gunicorn and other servers."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.settings")
application = get_wsgi_application()

# What loading made (the URLs import every view) lives as long as the process. Frozen, it is out
# of the garbage collector's reach: a full collection walks only what requests made, where it
# otherwise held up every few hundredth request for tens of milliseconds (docs/deploy.md).
get_resolver().url_patterns  # noqa: B018 (loaded for its side effect)
gc.freeze()
