"""Schemathesis runs every operation of the live OpenAPI schema and must never see a server error."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from matchfair.api.domain.tokens import create_token
from matchfair.meetings.domain.requests import send_request
from matchfair.wsgi import application
from tests import factories

EXAMPLES = 20


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Django's handler closes connections after each request; the test transaction must survive."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def run_operation(operation, strategy, headers) -> list[str]:
    failures: list[str] = []

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=[not_a_server_error], headers=headers)
        except (Exception, BaseExceptionGroup) as error:
            failures.append(f"{operation.label}: {error}")
            raise

    try:
        check()
    except (Exception, BaseExceptionGroup):  # collected above with the operation name
        if not failures:
            raise
    return failures


def test_no_operation_gives_a_server_error(event, ana, jonas, wsgi_keeps_the_test_connection):
    factories.OpportunityFactory(registration=jonas, title="Smart parking pilots")
    send_request(sender=jonas, recipient=ana, message="Parking?", by=jonas.user)
    _token, key = create_token(user=ana.user, name="schemathesis", by=ana.user)
    headers = {"Authorization": f"Bearer {key}"}
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        on_the_event = {"slug": event.slug} if "{slug}" in operation.path else None
        failures += run_operation(
            operation, operation.as_strategy(path_parameters=on_the_event), headers
        )
        failures += run_operation(operation, operation.as_strategy(), headers)
        # Invalid input must come back as a 4xx too, never as a crash.
        failures += run_operation(
            operation, operation.as_strategy(generation_mode=GenerationMode.NEGATIVE), headers
        )
    assert (len(operations), failures) == (17, [])
