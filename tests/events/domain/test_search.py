"""Search through one interface, on SQLite FTS5 or PostgreSQL: `events.domain.search`."""

import pytest
from django.db import connection

from matchfair.community.models import Organisation, User
from matchfair.events.domain.search import (
    PostgresSearch,
    SQLiteSearch,
    backend,
    opportunities_matching,
    participants_matching,
    words,
)
from matchfair.events.models import Opportunity, Registration
from tests import factories


def found(event, text) -> list[str]:
    queryset = Registration.objects.filter(event=event).filter(participants_matching(text))
    return sorted(queryset.values_list("user__full_name", flat=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["Ana Petrova", "Jonas Berg"]),
        ("petrova", ["Ana Petrova"]),  # name
        ("tampere", ["Jonas Berg"]),  # organisation
        ("parking", ["Ana Petrova"]),  # headline; Otto is at another event
        ("lorawan", ["Ana Petrova"]),  # description
        ("sensors", ["Ana Petrova"]),  # opportunity title
        ("retrofit", ["Ana Petrova"]),  # opportunity description
        ("traf", ["Jonas Berg"]),  # a prefix
        ("Jonas traffic", ["Jonas Berg"]),  # every word, each in a different field
        ("jonas parking", []),
        ("sao", ["Jonas Berg"]),  # accents do not matter
        ('"parking* (', ["Ana Petrova"]),  # query syntax is taken as words
        ("parking NOT", []),
        ("zeppelin", []),
    ],
)
def test_participants_matching(event, people, text, expected):
    assert found(event, text) == expected


def test_words_keep_letters_and_digits_and_at_most_six():
    assert words('Smart "city" 5G, e-mobility! a b c d') == [
        "smart",
        "city",
        "5g",
        "e",
        "mobility",
        "a",
    ]


def test_search_follows_changes_to_names_organisations_and_opportunities(event, people):
    ana = people["ana"]
    User.objects.filter(pk=ana.user_id).update(full_name="Ana Ivanova")
    Organisation.objects.filter(pk=ana.user.organisation_id).update(name="Parkwise")
    opportunity = ana.opportunities.get()
    opportunity.title = "Curb analytics"
    opportunity.description = ""
    opportunity.save()
    factories.OpportunityFactory(registration=people["jonas"], title="Hydrogen buses")
    assert (
        found(event, "ivanova"),
        found(event, "petrova"),
        found(event, "parkwise"),
        found(event, "curb"),
        found(event, "retrofit"),
        found(event, "hydrogen"),
    ) == (["Ana Ivanova"], [], ["Ana Ivanova"], ["Ana Ivanova"], [], ["Jonas Berg"])


def test_search_forgets_deleted_opportunities_and_registrations(event, people):
    people["ana"].opportunities.all().delete()
    retrofit = found(event, "retrofit")
    people["jonas"].delete()
    assert (retrofit, found(event, "tampere"), found(event, "")) == ([], [], ["Ana Petrova"])


def test_backend_follows_the_database():
    expected = {"sqlite": SQLiteSearch, "postgresql": PostgresSearch}[connection.vendor]
    assert type(backend()) is expected


@pytest.mark.postgres
def test_postgres_search_uses_the_document_index(event, people):
    assert type(backend()) is PostgresSearch
    queryset = Registration.objects.filter(participants_matching("parking"))
    with connection.cursor() as cursor:
        # Without sequential and plain index scans, only a bitmap scan of the GIN index can
        # find the rows (a primary-key index offers no condition for one); with them, the
        # planner may scan a small table instead, as table statistics vary from run to run.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = queryset.explain()
    assert (found(event, "parking"), "events_registration_document_gin" in plan) == (
        ["Ana Petrova"],
        True,
    )


# Opportunities: their own index, the same interface


def offers_found(event, text) -> list[str]:
    queryset = Opportunity.objects.filter(registration__event=event).filter(
        opportunities_matching(text)
    )
    return sorted(queryset.values_list("title", flat=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["Open traffic data", "Parking sensors"]),
        ("sensors", ["Parking sensors"]),  # title
        ("retro", ["Parking sensors"]),  # description, as a prefix
        ("tampere", ["Open traffic data"]),  # the organisation behind it
        ("SAO paulo", ["Open traffic data"]),  # accents and case do not matter
        ("traffic tampere", ["Open traffic data"]),  # every word, each in a different field
        ("petrova", []),  # people's names find participants, not opportunities
        ("parking tampere", []),
        ('"parking* (', ["Parking sensors"]),  # query syntax is taken as words
    ],
)
def test_opportunities_matching(event, people, text, expected):
    assert offers_found(event, text) == expected


def test_opportunity_search_follows_changes_and_deletions(event, people):
    sensors = people["ana"].opportunities.get()
    sensors.title = "Curb analytics"
    sensors.save()
    Organisation.objects.filter(pk=people["jonas"].user.organisation_id).update(name="Oulu")
    moved = factories.RegistrationFactory(event=event, user__organisation__name="Lahti")
    factories.OpportunityFactory(registration=moved, title="Hydrogen buses")
    User.objects.filter(pk=moved.user_id).update(organisation=people["ana"].user.organisation)
    colleague = factories.UserFactory(organisation=people["jonas"].user.organisation)
    Registration.objects.filter(pk=moved.pk).update(user=colleague)
    results = (
        offers_found(event, "curb"),
        offers_found(event, "parking"),
        offers_found(event, "oulu"),
        offers_found(event, "tampere"),
        offers_found(event, "hydrogen oulu"),
    )
    people["jonas"].opportunities.all().delete()
    assert (*results, offers_found(event, "traffic")) == (
        ["Curb analytics"],
        [],
        ["Hydrogen buses", "Open traffic data"],
        [],
        ["Hydrogen buses"],
        [],
    )


@pytest.mark.postgres
def test_postgres_opportunity_search_uses_the_document_index(event, people):
    queryset = Opportunity.objects.filter(opportunities_matching("parking"))
    with connection.cursor() as cursor:
        # Without sequential and plain index scans, only a bitmap scan of the GIN index can
        # find the rows (a primary-key index offers no condition for one); with them, the
        # planner may scan a small table instead, as table statistics vary from run to run.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = queryset.explain()
    assert (offers_found(event, "parking"), "events_opportunity_document_gin" in plan) == (
        ["Parking sensors"],
        True,
    )


@pytest.mark.postgres
def test_postgres_connections_run_without_jit(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
