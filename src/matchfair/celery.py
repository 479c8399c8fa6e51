"""The Celery application; without a configured broker every task runs in-process (eager)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.settings")

app = Celery("matchfair")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
