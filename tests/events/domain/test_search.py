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
    opportunities_matching,
    participants_matching,
    words,
)
from matchfair.events.models import Domain, Opportunity, Registration
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


def test_opportunity_list_searches_through_the_index(event, people):
    listed = directory.opportunities(event, filters={"q": "kits", "looking": "offer"})
    assert [o.title for o in listed] == ["Parking sensors"]


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


def test_has_free_slots_respects_the_most_meetings_a_participant_asked_for(event, people):
    ana, jonas = people["ana"], people["jonas"]
    Registration.objects.filter(pk=ana.pk).update(max_meetings=1)
    Registration.objects.filter(pk=jonas.pk).update(max_meetings=2)
    meet(event, ana, jonas)
    free = directory.participants(event, filters={"free": True})
    assert [r.user.full_name for r in free] == ["Jonas Berg"]


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


# The directory's order: organisation, then name, from a key that triggers keep


def listed(event) -> list[str]:
    return [r.user.full_name for r in directory.participants(event, filters={})]


def test_directory_lists_by_organisation_then_name_whatever_the_case(event):
    for name, organisation in [
        ("zoe Ward", "acme"),
        ("Bob Stone", "Acme Labs"),
        ("Anna Lind", "Acme"),
        ("Carl Berg", "BETA"),
    ]:
        factories.RegistrationFactory(
            event=event, user__full_name=name, user__organisation__name=organisation
        )
    assert listed(event) == ["Anna Lind", "zoe Ward", "Bob Stone", "Carl Berg"]


def test_directory_order_follows_renames_and_moves(event, people):
    ana, jonas = people["ana"], people["jonas"]  # Mobility Lab, City of Tampere
    before = listed(event)
    Organisation.objects.filter(pk=jonas.user.organisation_id).update(name="Zagreb City")
    renamed = listed(event)
    User.objects.filter(pk=ana.user_id).update(organisation=jonas.user.organisation)
    User.objects.filter(pk=jonas.user_id).update(full_name="Aaron Berg")
    moved = listed(event)
    newcomer = factories.UserFactory(full_name="Nina Aalto", organisation__name="Aalto")
    Registration.objects.filter(pk=ana.pk).update(user=newcomer)
    assert (before, renamed, moved, listed(event)) == (
        ["Jonas Berg", "Ana Petrova"],
        ["Ana Petrova", "Jonas Berg"],
        ["Aaron Berg", "Ana Petrova"],
        ["Nina Aalto", "Aaron Berg"],
    )


def test_domain_and_looking_filters_list_a_participant_once(event, people):
    ana = people["ana"]
    energy = Domain.objects.first()
    ana.domains.add(energy)
    for title in ("Heat pumps", "Grid batteries"):
        extra = factories.OpportunityFactory(registration=ana, kind="offer", title=title)
        extra.domains.add(energy)
    chosen = directory.participants(event, filters={"domain": energy, "looking": "offer"})
    offers = directory.opportunities(event, filters={"domain": energy, "looking": "offer"})
    assert (len(chosen), [r.user.full_name for r in chosen], [o.title for o in offers]) == (
        1,
        ["Ana Petrova"],
        ["Grid batteries", "Heat pumps"],
    )


@pytest.mark.postgres
def test_postgres_connections_run_without_jit(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
