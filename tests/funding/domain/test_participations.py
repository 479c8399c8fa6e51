from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from matchfair.audit.models import AuditEntry
from matchfair.community.models import Cluster, Membership
from matchfair.funding.cordis import CordisError, read_participations, read_projects
from matchfair.funding.domain.participations import (
    decide_match,
    import_cordis,
    match_key,
    set_vat_number,
)
from matchfair.funding.models import Participation
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[3] / "src/matchfair/funding/fixtures"


def rows():
    return {
        "projects": read_projects((FIXTURES / "project.csv").read_text()),
        "participations": read_participations((FIXTURES / "organization.csv").read_text()),
    }


@pytest.fixture
def cluster():
    return Cluster.objects.create(
        organisation=OrganisationFactory(name="Sofia Smart Cluster", kind="cluster")
    )


def member(cluster, name, country="BG", kind="company"):
    organisation = OrganisationFactory(name=name, country=country, kind=kind)
    Membership.objects.create(cluster=cluster, organisation=organisation)
    return organisation


def test_match_key_drops_case_punctuation_and_legal_forms():
    assert match_key("Volta Mobility, O.O.D.") == "volta mobility o o d"
    assert match_key("VOLTA MOBILITY OOD") == "volta mobility"


def test_members_are_proposed_by_vat_then_by_name_in_their_country(cluster):
    thermo = member(cluster, "Heat Systems")  # a different name, the same VAT number
    set_vat_number(thermo, vat_number="bg 175000005", by=UserFactory())
    datapolis = member(cluster, "Datapolis Sofia")
    member(cluster, "Sensoria", country="RO")  # the same name, another country
    report = import_cordis(**rows())
    proposed = sorted(
        (p.name, p.organisation.name, p.match_method, p.match_score)
        for p in Participation.objects.filter(match="proposed")
    )
    assert (report.projects_created, report.participations_created, proposed) == (
        5,
        16,
        [
            ("DATAPOLIS SOFIA LTD", datapolis.name, "name", 100.0),
            ("THERMOGRID EAD", thermo.name, "vat", 100.0),
        ],
    )


def test_reimport_that_changes_nothing_writes_nothing(cluster):
    member(cluster, "Volta Mobility")
    import_cordis(**rows())
    entries = AuditEntry.objects.count()
    report = import_cordis(**rows())
    assert (report.projects_updated, report.participations_updated, AuditEntry.objects.count()) == (
        0,
        0,
        entries,
    )


def test_participation_of_an_unknown_project_is_refused_and_nothing_written():
    found = rows()
    with pytest.raises(CordisError, match="projectID 101096005: no such project"):
        import_cordis(projects=found["projects"][:4], participations=found["participations"])
    assert Participation.objects.count() == 0


def test_member_confirms_a_match_and_a_reimport_keeps_it(cluster):
    volta = member(cluster, "Volta Mobility")
    person = UserFactory(organisation=volta)
    import_cordis(**rows())
    participation = Participation.objects.get(organisation=volta)
    decide_match(participation, confirm=True, by=person)
    import_cordis(**rows())
    participation.refresh_from_db()
    assert (participation.match, participation.decided_by, participation.organisation) == (
        "confirmed",
        person,
        volta,
    )


def test_cluster_staff_reject_a_match(cluster):
    volta = member(cluster, "Volta Mobility")
    staff = UserFactory(organisation=cluster.organisation)
    import_cordis(**rows())
    participation = decide_match(
        Participation.objects.get(organisation=volta), confirm=False, by=staff
    )
    assert (
        participation.match,
        AuditEntry.objects.filter(action="funding.past_project_rejected").count(),
    ) == (
        "rejected",
        1,
    )


def test_someone_of_another_member_may_not_decide(cluster):
    volta = member(cluster, "Volta Mobility")
    other = UserFactory(organisation=member(cluster, "Other Member"))
    import_cordis(**rows())
    with pytest.raises(PermissionDenied):
        decide_match(Participation.objects.get(organisation=volta), confirm=True, by=other)
