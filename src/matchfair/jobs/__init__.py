"""Background jobs: long work (a large export, a print run) done by a worker, with its progress
and its file, so a page can show how far it got and offer the result when it is ready.

The app imports no feature app; feature apps register the kinds of job they offer.

- `registry.py`: `register(name, run=…, permission=…)`, called from an app's `AppConfig.ready`;
- `models.py`: `Job`, one run of a kind (queued → running → done or failed) with its file;
- `domain/`: `request_job`, `run_job`, `retry_job` and `expire_results`, the only writers;
- `views.py`, `templates/jobs/`: the job's page, its progress (htmx), the download and Retry;
- `tasks.py`: the Celery tasks, which fetch by id and call the domain.

docs/jobs.md describes the lifecycle.
"""
