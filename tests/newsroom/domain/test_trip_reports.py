"""Starting a trip report from a delegation's data: places, protected counts, and only what
people shared with the public."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from matchfair.events.models import Domain
from matchfair.newsroom.domain.trip_reports import start_trip_report
from matchfair.newsroom.models import Kind, Status
from matchfair.outcomes.domain.consents import grant
from matchfair.outcomes.domain.ladder import record_step
from matchfair.outcomes.models import Stage
from matchfair.visits.models import ItineraryStop, Pavilion
from tests import factories
from tests.outcomes.scene import release_meetings
from tests.visits.rows import one_of_each


def share(user, *scopes, audience="public"):
    for scope in scopes:
        grant(user=user, scope=scope, audience=audience, by=user)


@pytest.fixture
def scene(event, ana, jonas, lead_staff):
    """Ana and Jonas's delegation visited a stand and a pavilion; Ana met four people from
    Finland, three from Germany and one from Portugal."""
    delegation = one_of_each(event, ana, jonas)
    pavilion = Pavilion.objects.get(event=event)
    ItineraryStop.objects.create(
        member=delegation.members.get(registration=jonas),
        pavilion=pavilion,
        day=dt.date(2026, 11, 10),
        arrive=factories.local(10, 12),
        leave=factories.local(10, 12, 30),
    )
    energy = Domain.objects.create(slug="energy-x", name="Energy grids")
    people = {}
    for name, country in [
        ("Tia Third", "FI"),
        ("Fia Four", "FI"),
        ("Fin Five", "FI"),
        ("Fay Six", "FI"),
        ("Dora Deutsch", "DE"),
        ("Dirk Deutsch", "DE"),
        ("Dana Deutsch", "DE"),
        ("Pedro Pinto", "PT"),
    ]:
        people[name] = factories.RegistrationFactory(
            event=event, user__full_name=name, user__organisation__country=country
        )
        people[name].domains.add(energy)
    meetings = release_meetings(event, [(ana, person) for person in people.values()])
    return delegation, people, meetings


def test_trip_report_is_a_draft_of_the_delegations_places_and_counts(scene, lead_staff):
    delegation, _people, _meetings = scene
    article = start_trip_report(delegation=delegation, by=lead_staff)
    words = {t.language: t for t in article.translations.all()}
    body = words["en"].body
    assert (article.kind, article.status, article.delegation, article.event) == (
        Kind.TRIP_REPORT,
        Status.DRAFT,
        delegation,
        delegation.event,
    )
    assert (
        "- Bavaria Pavilion" in body,
        "- 1A10 · AMEC Urbis" in body,
        "held 8 meetings" in body,
        "- Finland: 4" in body,
        "- Other countries: 4" in body,
        "- Energy grids: 8" in body,
    ) == (True, True, True, True, True, True)
    # Germany's 3 joined the pool so that Portugal's 1 cannot be worked out.
    assert ("Portugal" in body, "Germany" in body, "Контакти" in words["bg"].body) == (
        False,
        False,
        False,
    )
    assert words["bg"].title.startswith("Отчет от пътуване: Sofia delegation")


def test_only_what_both_people_shared_with_the_public_is_named(scene, ana, lead_staff):
    delegation, people, meetings = scene
    share(ana.user, "met", "stage")
    share(people["Tia Third"].user, "met", "stage")
    share(people["Pedro Pinto"].user, "met", audience="cluster_members")
    share(people["Fia Four"].user, "met")  # met, but not the stage
    record_step(
        meeting=meetings[0], stage=Stage.VALUABLE_CONTACT, on=dt.date(2026, 11, 20), by=ana.user
    )
    record_step(
        meeting=meetings[1], stage=Stage.NEGOTIATION_STARTED, on=dt.date(2026, 11, 20), by=ana.user
    )
    body = (
        start_trip_report(delegation=delegation, by=lead_staff).translations.get(language="en").body
    )
    contacts = [line for line in body.splitlines() if " — " in line]
    assert [line.split(" (")[0] for line in contacts] == ["- Ana Petrova", "- Ana Petrova"]
    assert (
        any("Tia Third" in line and line.endswith(": Valuable contact") for line in contacts),
        any("Fia Four" in line and "Negotiation" not in line for line in contacts),
        "Pedro Pinto" in body,
    ) == (True, True, False)


def test_few_meetings_are_not_counted(event, ana, jonas, lead_staff):
    delegation = one_of_each(event, ana, jonas)
    other = factories.RegistrationFactory(event=event, user__organisation__country="FI")
    release_meetings(event, [(ana, other)])
    body = (
        start_trip_report(delegation=delegation, by=lead_staff).translations.get(language="en").body
    )
    assert ("fewer than 3 meetings" in body, "Finland" in body) == (True, False)


def test_only_who_manages_the_delegation_and_writes_for_the_cluster_starts_one(scene, ana, jonas):
    delegation, _people, _meetings = scene
    with pytest.raises(PermissionDenied):
        start_trip_report(delegation=delegation, by=ana.user)
    assert delegation.articles.count() == 0
