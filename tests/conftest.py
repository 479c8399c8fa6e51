"""Fixtures shared by the whole suite; the database is SQLite unless DATABASE_URL says PostgreSQL."""

import os

import pytest
from django.db import connection

from tests import factories


def _postgres_required() -> bool:
    return os.environ.get("MATCHFAIR_REQUIRE_POSTGRES") == "1"


@pytest.fixture(autouse=True, scope="session")
def _database_is_reachable(django_db_blocker):
    if not _postgres_required():
        return
    with django_db_blocker.unblock():
        try:
            connection.ensure_connection()
        except Exception as error:  # the whole Postgres run is skipped, with its reason
            pytest.skip(
                f"PostgreSQL is not reachable at DATABASE_URL: {error}", allow_module_level=True
            )


def pytest_collection_modifyitems(config, items):
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    if on_postgres:
        return
    reason = pytest.mark.skip(reason="needs PostgreSQL: run `make test-postgres`")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(reason)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English: a page asked for in Bulgarian leaves the thread's language
    active (LocaleMiddleware activates it and nothing resets it), which a later test calling the
    domain directly would otherwise inherit."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached pages of one test never reach another."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def event(db):
    return factories.b2b_event()


@pytest.fixture
def lead_staff(event):
    user = factories.UserFactory(full_name="Olga Organiser")
    event.organisers.get(is_lead=True).staff.add(user)
    return user


@pytest.fixture
def ana(event):
    return factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")


@pytest.fixture
def jonas(event):
    return factories.RegistrationFactory(
        event=event, user__full_name="Jonas Berg", user__organisation__country="FI"
    )


@pytest.fixture
def co_staff(event):
    """Staff of a co-organiser, which supports only the participants who chose it."""
    return factories.co_organiser(event).staff.get()


@pytest.fixture
def superuser(db):
    return factories.UserFactory(full_name="Sam Superuser", is_staff=True, is_superuser=True)
