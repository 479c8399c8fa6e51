"""The impact report's breakdowns: every cell is a count of the raw records, side by side."""

from collections import Counter

from django.db import transaction
from django_countries import countries
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.community.models import OrganisationType
from matchfair.events.models import Domain
from matchfair.meetings.models import Meeting, MeetingRequest
from matchfair.outcomes.domain.breakdowns import COLUMNS, breakdown_rows, breakdowns_of
from matchfair.outcomes.domain.impact import impact_of
from matchfair.outcomes.models import FollowUpStep, Outcome, Stage
from tests import factories
from tests.outcomes.domain.test_impact import MEETING, write

PERSON = st.fixed_dictionaries(
    {
        "country": st.sampled_from(["BG", "DE", "FI"]),
        "kind": st.sampled_from(["company", "research", "city"]),
        "co": st.booleans(),
        "domains": st.lists(st.sampled_from(["mobility", "energy", "health"]), unique=True),
    }
)


def people_of(event, drawn):
    lead = event.organisers.get(is_lead=True)
    co = event.organisers.get(is_lead=False)
    people = []
    for person in drawn:
        registration = factories.RegistrationFactory(
            event=event,
            organiser=co if person["co"] else lead,
            user__organisation__country=person["country"],
            user__organisation__kind=person["kind"],
        )
        registration.domains.set(Domain.objects.filter(slug__in=person["domains"]))
        people.append(registration)
    return people


def cell_of(registration, by):
    """The cells of a person, read from the person's own records."""
    organisation = registration.user.organisation
    if by == "country":
        return [str(countries.name(organisation.country))]
    if by == "kind":
        return [str(OrganisationType(organisation.kind).label)]
    if by == "organiser":
        return [str(registration.organiser.cluster)]
    return sorted(str(domain) for domain in registration.domains.all()) or ["No domain"]


def raw_cells(event, scope):
    """Each breakdown counted straight from the tables: a side is a person in scope of a request
    or a meeting, at each step its meeting reached (docs/outcomes.md)."""
    scheduled = set(
        Meeting.objects.filter(
            event=event,
            status=Meeting.Status.ACTIVE,
            placements__plan__kind="release",
            placements__slot__isnull=False,
        ).values_list("pk", flat=True)
    )
    held = scheduled & (
        set(Outcome.objects.filter(took_place=True).values_list("meeting", flat=True))
        | set(FollowUpStep.objects.values_list("meeting", flat=True))
    )
    steps = FollowUpStep.objects.filter(meeting__in=held)
    followed = set(steps.values_list("meeting", flat=True))
    negotiation = set(
        steps.filter(stage__gte=Stage.NEGOTIATION_STARTED).values_list("meeting", flat=True)
    )
    agreement = set(steps.filter(stage=Stage.AGREEMENT_REACHED).values_list("meeting", flat=True))
    confirmed = set()
    for meeting in Meeting.objects.filter(pk__in=agreement):
        kinds = [
            set(
                steps.filter(
                    meeting=meeting, registration=person, stage=Stage.AGREEMENT_REACHED
                ).values_list("agreement_type", flat=True)
            )
            for person in meeting.participants.all()
        ]
        if set.intersection(*kinds):
            confirmed.add(meeting.pk)
    sets = [scheduled, held, followed, negotiation, agreement, confirmed, agreement - confirmed]

    def counted(person):
        return scope is None or person.organiser in scope

    sides = []  # (person, column)
    for request in MeetingRequest.objects.filter(event=event):
        sides += [(p, "requested") for p in (request.sender, request.recipient) if counted(p)]
    for meeting in Meeting.objects.filter(event=event):
        for person in meeting.participants.all():
            if counted(person):
                sides.append((person, "accepted"))
                sides += [
                    (person, column)
                    for column, ids in zip(COLUMNS[2:], sets, strict=True)
                    if meeting.pk in ids
                ]
    total = Counter(column for _person, column in sides)
    cells = {
        by: Counter((label, column) for person, column in sides for label in cell_of(person, by))
        for by in ("country", "domain", "kind", "organiser")
    }
    return total, cells


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    drawn=st.lists(PERSON, min_size=4, max_size=5),
    history=st.lists(MEETING, max_size=7),
    requests=st.integers(0, 3),
    co_only=st.booleans(),
)
def test_every_cell_and_total_is_a_count_of_the_raw_records(
    event, co_staff, drawn, history, requests, co_only
):
    with transaction.atomic():
        people = people_of(event, drawn)
        write(event, people, history, requests)
        scope = [event.organisers.get(is_lead=False)] if co_only else None
        total, cells = raw_cells(event, scope)
        expected_total = tuple(total[column] for column in COLUMNS)
        impact = impact_of(event, scope=scope)
        for breakdown in breakdowns_of(event, scope=scope):
            assert breakdown.total == expected_total
            assert {
                (row.label, column): count
                for row in breakdown.rows
                for column, count in zip(COLUMNS, row.counts, strict=True)
                if count
            } == {key: count for key, count in cells[breakdown.by].items() if count}
            if breakdown.by != "domain":  # a person in several domains counts under each
                sums = tuple(sum(row.counts[i] for row in breakdown.rows) for i in range(9))
                assert sums == breakdown.total
        if scope is None:
            # every meeting has two people, both counted, so the sides are twice the meetings
            funnel = {step.name: step.count for step in impact.funnel}
            assert expected_total[1:7] == tuple(2 * funnel[name] for name in COLUMNS[1:7])
            assert expected_total[7:] == (2 * impact.confirmed, 2 * impact.claimed)
        transaction.set_rollback(True)


def test_a_co_organiser_sees_only_its_own_participants_sides(met, co_staff, tia):
    co = met.event.organisers.get(is_lead=False)
    tia.organiser = co
    tia.save(update_fields=["organiser"])
    (by_country, *_rest) = breakdowns_of(met.event, scope=[co])
    assert [(row.label, row.counts[:3]) for row in by_country.rows] == [("Finland", (1, 1, 1))]
    everyone = breakdowns_of(met.event, scope=None)[0]
    assert sorted(row.label for row in everyone.rows) == ["Bulgaria", "Finland"]


def test_rows_end_with_the_total_of_the_sides(met):
    by_country = breakdowns_of(met.event, scope=None)[0]
    rows = breakdown_rows(by_country)
    assert rows[-1] == ("All sides", 2, 2, 2, 0, 0, 0, 0, 0, 0)
