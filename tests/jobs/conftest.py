"""Job kinds made for the tests: real kinds, registered like any app's, removed afterwards.

`tests.echo` writes the text of its parameters to a file and is allowed to the person named in
them; `tests.flaky` fails its first run and succeeds afterwards.
"""

import pytest
from django.utils.translation import gettext as _

from matchfair.jobs import registry
from matchfair.jobs.registry import Output


class Runs:
    """What the test kinds saw: how often they ran, and the job's row during each run."""

    def __init__(self):
        self.count = 0
        self.seen = []


def allowed(user, job):
    return bool(user.is_authenticated and job.params.get("owner") == user.pk)


@pytest.fixture
def runs():
    return Runs()


@pytest.fixture
def echo(runs):
    def run(job, progress):
        runs.count += 1
        progress(1, 2)
        text = f"{job.params.get('text', '')} {_('Meetings')}"
        return Output(text.encode(), "echo.txt", "text/plain; charset=utf-8")

    registry.register("tests.echo", run=run, permission=allowed, label="Echo")
    yield "tests.echo"
    registry.unregister("tests.echo")


@pytest.fixture
def flaky(runs):
    def run(job, progress):
        runs.count += 1
        if runs.count == 1:
            raise RuntimeError("the printer is on fire")
        return Output(b"fine", "fine.txt", "text/plain")

    registry.register("tests.flaky", run=run, permission=allowed, label="Flaky")
    yield "tests.flaky"
    registry.unregister("tests.flaky")
