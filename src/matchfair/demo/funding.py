"""The demo's funding calls and past projects: the 40 fixture topics, and the fixture's CORDIS
projects with their Bulgarian participants renamed after Sofia members, so matching has
something to find. Two matches are confirmed, by VAT number and by name; the rest stay proposed
for the demo's people to confirm. A consortium is proposed for one open topic around the first
member, from the organisations the cluster knows: the partners it met at last year's expo
(`demo.outcomes`), the partnership and CORDIS. Idempotent: a second call changes nothing.
"""

import dataclasses
from pathlib import Path

from django.core.exceptions import ValidationError

from matchfair.audit.models import AuditEntry
from matchfair.community.models import Cluster, Organisation, User
from matchfair.events.models import Event
from matchfair.funding.cordis import read_participations, read_projects
from matchfair.funding.domain.participations import decide_match, import_cordis, set_vat_number
from matchfair.funding.domain.proposals import propose_consortium
from matchfair.funding.domain.topics import import_topics
from matchfair.funding.models import ConsortiumProposal, Participation, PastProject, Topic
from matchfair.funding.portal import read_search_results

FIXTURES = Path(__file__).resolve().parent.parent / "funding" / "fixtures"
# The fixture's Bulgarian participants, in the order Sofia members take their places.
BULGARIAN = ("999000001", "999000005", "999000008", "999000011", "999000014")
DEMO_TOPIC = "HORIZON-CL5-2027-D5-02"  # smart charging: open, and the first member's field


def project_ids() -> list[str]:
    return [row.cordis_id for row in read_projects((FIXTURES / "project.csv").read_text("utf-8"))]


def topic_ids() -> list[str]:
    records = read_search_results((FIXTURES / "topics.json").read_text("utf-8"))
    return [record.identifier for record in records]


def cordis_members(cluster: Cluster) -> list[Organisation]:
    """The Sofia members that take the places of the fixture's Bulgarian participants; the
    first is the lead member of the demo's consortium (and met partners at last year's expo)."""
    return list(
        Organisation.objects.filter(
            clusters=cluster, kind__in=("company", "startup"), people__isnull=False
        )
        .distinct()
        .order_by("name")[: len(BULGARIAN)]
    )


def delete_funding() -> None:
    """The demo's CORDIS projects (their participants name demo organisations) and the fixture's
    topics with what hangs on them, so a reset or a test that loaded the demo leaves nothing
    behind (the demo never runs with production settings)."""
    PastProject.objects.filter(cordis_id__in=project_ids()).delete()
    Topic.objects.filter(identifier__in=topic_ids()).delete()
    AuditEntry.objects.filter(action="funding.topics_imported", details__source="demo").delete()


def load_funding(event: Event) -> None:
    import_topics(read_search_results((FIXTURES / "topics.json").read_text("utf-8")), source="demo")
    if (
        Participation.objects.filter(project__cordis_id__in=project_ids())
        .exclude(match="")
        .exists()
    ):
        return
    lead = event.organisers.get(is_lead=True)
    members = cordis_members(lead.cluster)
    renamed = dict(zip(BULGARIAN, members, strict=False))
    rows = [
        dataclasses.replace(row, name=renamed[row.cordis_organisation_id].name.upper())
        if row.cordis_organisation_id in renamed
        else row
        for row in read_participations((FIXTURES / "organization.csv").read_text("utf-8"))
    ]
    staff = lead.staff.order_by("pk").first()
    if members and staff is not None:
        # The first member is found by its VAT number, which CORDIS lists for it.
        set_vat_number(members[0], vat_number="BG175000001", by=staff)
    projects = read_projects((FIXTURES / "project.csv").read_text("utf-8"))
    import_cordis(projects=projects, participations=rows, by=staff)
    for organisation in members[:2]:
        person = organisation.people.order_by("pk").first()
        if person is None:
            continue
        for participation in Participation.objects.filter(organisation=organisation):
            decide_match(participation, confirm=True, by=person)
    if members and staff is not None:
        _propose(members[0], staff)


def _propose(lead: Organisation, staff: User) -> None:
    """A consortium for one open topic around the first member, from what the cluster knows."""
    topic = Topic.objects.get(identifier=DEMO_TOPIC)
    if ConsortiumProposal.objects.filter(topic=topic, lead=lead).exists():
        return
    try:
        propose_consortium(topic=topic, lead=lead, by=staff)
    except ValidationError:
        return  # the cluster knows nobody for this member: the demo shows the call without one
