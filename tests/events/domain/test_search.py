"""Directory search through its one interface, on SQLite FTS5 or PostgreSQL, and its new filters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchfair.community.models import Organisation, User
from matchfair.events.domain import directory
from matchfair.events.domain.registrations import set_availability
from matchfair.events.domain.search import (
    PostgresSearch,
    SQLiteSearch,
    backend,
    participants_matching,
    words,
)
from matchfair.events.models import Opportunity, Registration
from matchfair.meetings.models import Meeting
from tests import factories


def found(event, text) -> list[str]:
    queryset = Registration.objects.filter(event=event).filter(participants_matching(text))
    return sorted(queryset.values_list("user__full_name", flat=True))


@pytest.fixture
def people(event):
    ana = factories.RegistrationFactory(
        event=event,
        user__full_name="Ana Petrova",
        user__organisation__name="Mobility Lab",
        headline="Smart parking for cities",
        description="We count free places with LoRaWAN sensors.",
    )
    factories.OpportunityFactory(
        registration=ana, kind="offer", title="Parking sensors", description="Retrofit kits"
    )
    jonas = factories.RegistrationFactory(
        event=event,
        user__full_name="Jonas Berg",
        user__organisation__name="City of Tampere",
        user__organisation__kind="city",
    )
    factories.OpportunityFactory(
        registration=jonas, kind="request", title="Open traffic data", description="São Paulo"
    )
    factories.RegistrationFactory(user__full_name="Otto Elsewhere", headline="Parking")
    return {"ana": ana, "jonas": jonas}


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
def test_postgres_search_uses_the_gin_indexes(event, people):
    assert type(backend()) is PostgresSearch
    queryset = Registration.objects.filter(participants_matching("parking"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    used = {name for name in ("registration_search", "opportunity_search") if name in plan}
    assert (found(event, "parking"), used) == (
        ["Ana Petrova"],
        {"registration_search", "opportunity_search"},
    )


# The two new filters


def test_directory_filters_by_co_organiser(event, people):
    co = factories.co_organiser(event)
    Registration.objects.filter(pk=people["jonas"].pk).update(organiser=co)
    chosen = directory.participants(event, filters={"organiser": co})
    lead = directory.participants(event, filters={"organiser": event.organisers.get(is_lead=True)})
    assert ([r.user.full_name for r in chosen], [r.user.full_name for r in lead]) == (
        ["Jonas Berg"],
        ["Ana Petrova"],
    )


def meet(event, *registrations, status="active"):
    meeting = Meeting.objects.create(event=event, status=status)
    meeting.participants.set(registrations)
    return meeting


def test_directory_has_free_slots_counts_meetings_against_available_slots(event, people):
    ana, jonas = people["ana"], people["jonas"]
    morning_1, _morning_2 = event.sessions.order_by("starts_at")
    # Jonas is away the first morning: four slots left, and four meetings fill them.
    set_availability(registration=jonas, by=jonas.user, unavailable=[morning_1])
    others = [factories.RegistrationFactory(event=event) for _ in range(4)]
    for other in others:
        meet(event, jonas, other)
    meet(event, ana, others[0], status="cancelled")
    free = directory.participants(event, filters={"free": True})
    assert sorted(r.user.full_name for r in free if r in (ana, jonas)) == ["Ana Petrova"]
    assert len(free) == 5  # Ana and the four others, who have one meeting each


def test_opportunities_list_applies_the_co_organiser_and_free_slot_filters(event, people):
    co = factories.co_organiser(event)
    Registration.objects.filter(pk=people["jonas"].pk).update(organiser=co)
    by_co = directory.opportunities(event, filters={"organiser": co})
    free = directory.opportunities(event, filters={"free": True})
    assert ([o.title for o in by_co], sorted(o.title for o in free)) == (
        ["Open traffic data"],
        ["Open traffic data", "Parking sensors"],
    )


def test_directory_view_shows_the_new_filters(client, event, people):
    co = factories.co_organiser(event)
    Registration.objects.filter(pk=people["jonas"].pk).update(organiser=co)
    response = client.get(
        f"/e/{event.slug}/participants/", {"organiser": co.pk, "free": "on", "q": "traffic"}
    )
    assert [r.user.full_name for r in response.context["page"]] == ["Jonas Berg"]
    assert "Has free slots" in response.content.decode()


def crowd_of(event, count):
    for _ in range(count):
        registration = factories.RegistrationFactory(event=event, headline="Smart city parking")
        factories.OpportunityFactory(registration=registration, kind=Opportunity.Kind.OFFER)


def test_searched_and_filtered_directory_costs_the_same_queries_for_20_and_200(
    client, event, django_assert_num_queries
):
    co = factories.co_organiser(event)
    query = {"q": "smart park", "free": "on", "organiser": co.pk, "looking": "offer"}
    path = f"/e/{event.slug}/participants/"
    crowd_of(event, 20)
    Registration.objects.filter(event=event).update(organiser=co)
    client.get(path, query)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, query)
    assert len(response.context["page"]) == 20
    crowd_of(event, 180)
    Registration.objects.filter(event=event).update(organiser=co)
    with django_assert_num_queries(len(queries)):
        response = client.get(path, query)
    assert len(response.context["page"]) == 24
