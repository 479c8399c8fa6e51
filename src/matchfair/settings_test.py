"""Settings for the test suite: fast hashing, in-memory mail, eager tasks, a throwaway data directory."""

import os
import tempfile

os.environ.setdefault("MATCHFAIR_DATA_DIR", tempfile.mkdtemp(prefix="matchfair-test-"))
os.environ.setdefault("MATCHFAIR_SECRET_KEY", "test-secret-key-not-for-production-use-0123456789")
os.environ.pop("MATCHFAIR_CELERY_BROKER_URL", None)

from matchfair.settings import *  # noqa: F403
from matchfair.settings import DATABASES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A site address unlike any path, so a test sees at once whether a mail's link is absolute.
SITE_URL = "https://matchfair.test"
CELERY_TASK_ALWAYS_EAGER = True
SCHEDULE_TIME_LIMIT = 2.0
DEBUG = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE"}
