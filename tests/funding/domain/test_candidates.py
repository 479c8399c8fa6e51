"""Candidates come from what the cluster knows, in order: expo contacts that reached at least
"valuable contact" and whose people share it, the partnership, CORDIS co-participants."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchfair.funding.domain.proposals import expo_contacts, gather_candidates
from matchfair.outcomes.domain.consents import withdraw
from matchfair.outcomes.models import Consent, Stage
from tests.factories import OrganisationFactory
from tests.funding.conftest import meet

pytestmark = pytest.mark.django_db


def test_candidates_come_from_the_partnership_and_cordis(scene):
    lead, staff = scene
    found = gather_candidates(lead, staff)
    assert sorted((entry.name, entry.sources, entry.projects) for entry in found.values()) == [
        ("CAMARA MUNICIPAL DO PORTO", ["cordis"], 1),
        ("Ladepunkt", ["partnership"], 0),
        ("TU Grid", ["partnership"], 0),
    ]


def test_a_shared_valuable_contact_comes_first_with_its_stage_and_meeting(scene, barcelona):
    lead, staff = scene
    city, meeting = barcelona
    found = gather_candidates(lead, staff)
    first_key = next(iter(found))
    entry = found[first_key]
    assert (first_key, entry.sources, entry.stage, entry.meetings) == (
        str(city.pk),
        ["expo"],
        Stage.VALUABLE_CONTACT,
        [meeting.pk],
    )


def test_without_a_grant_the_expo_path_finds_nobody(scene):
    lead, staff = scene
    city = OrganisationFactory(name="Ajuntament de Valencia", country="ES", kind="city")
    meet(lead, city, stage=Stage.NEGOTIATION_STARTED, share=False)
    assert str(city.pk) not in gather_candidates(lead, staff)


def test_a_withdrawn_grant_counts_from_the_next_call(scene, barcelona):
    lead, staff = scene
    city, _meeting = barcelona
    assert str(city.pk) in gather_candidates(lead, staff)
    person = city.people.get()
    withdraw(user=person, scope="stage", audience="public", by=person)
    assert not Consent.objects.filter(user=person, scope="stage", withdrawn__isnull=True)
    assert str(city.pk) not in gather_candidates(lead, staff)


def test_a_contact_below_valuable_is_no_candidate(scene):
    lead, staff = scene
    city = OrganisationFactory(name="Comune di Torino", country="IT", kind="city")
    meet(lead, city, stage=Stage.KNOWLEDGE_GAINED)
    assert str(city.pk) not in gather_candidates(lead, staff)


def test_the_strongest_stage_of_several_meetings_counts(scene):
    lead, staff = scene
    city = OrganisationFactory(name="Gemeente Utrecht", country="NL", kind="city")
    first = meet(lead, city, stage=Stage.VALUABLE_CONTACT)
    second = meet(lead, city, stage=Stage.NEGOTIATION_STARTED)
    entry = gather_candidates(lead, staff)[str(city.pk)]
    assert (entry.stage, sorted(entry.meetings)) == (
        Stage.NEGOTIATION_STARTED,
        sorted([first.pk, second.pk]),
    )


def test_the_expo_path_reads_a_fixed_number_of_queries(scene):
    lead, staff = scene

    def queries():
        with CaptureQueriesContext(connection) as captured:
            expo_contacts(lead, staff)
        return len(captured)

    meet(lead, OrganisationFactory(name="Gemeente Delft", country="NL", kind="city"), stage=2)
    one = queries()
    for name, country in [("Lyon", "FR"), ("Graz", "AT"), ("Turku", "FI"), ("Tartu", "EE")]:
        meet(lead, OrganisationFactory(name=name, country=country, kind="city"), stage=3)
    assert (len(expo_contacts(lead, staff)), queries()) == (5, one)
