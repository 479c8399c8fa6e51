"""An event's figures, each computed by a grouped query so it stays fast at 25,000 participants.

`event_statistics(event, organisers=...)` answers for the whole event (`organisers=None`) or for
the participants of some organisers only (a co-organiser's own). Named lists (who missed a
meeting, who has the most holes) are filled only when `named=True`; the dashboard asks for them
only within the scope the viewer may see by name.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Case, CharField, Count, Q, QuerySet, Value, When
from django.utils import formats
from django.utils.translation import gettext as _
from django_countries import countries

from matchfair.community.models import OrganisationType
from matchfair.events.models import Event, Organiser, Registration, Session, Slot, Table
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, MeetingRequest, NoShow, Placement, Plan

Through = Meeting.participants.through

# Unscheduled reasons as the engine words them (see scheduling/reasons.py), matched in order.
REASON_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("no_common_slot", ("share no free slot",)),
    ("limited_slots", ("limited to slots",)),
    ("no_table", ("no table can host",)),
    ("max_meetings", ("already has the maximum",)),
    ("too_many_requests", (" requests for ",)),
    ("busy", ("already has another meeting",)),
    ("booth_taken", ("booth ",)),
    ("tables_full", ("no table free",)),
    ("walking", ("walk between meetings",)),
)


def reason_label(key: str) -> str:
    return {
        "no_common_slot": _("No free slot in common"),
        "limited_slots": _("Limited to slots that do not fit"),
        "no_table": _("No table can host it"),
        "max_meetings": _("Someone reached their meeting limit"),
        "too_many_requests": _("Someone has more requests than free slots"),
        "busy": _("Busy in every slot they could meet"),
        "booth_taken": _("The booth is taken"),
        "tables_full": _("No table free"),
        "walking": _("Not enough time to walk"),
    }.get(key, _("Other, or set by hand"))


def reason_group(reason: str) -> str:
    """The group of one reason, as the database query groups them."""
    lowered = reason.lower()
    for key, texts in REASON_GROUPS:
        if any(text in lowered for text in texts):
            return key
    return "other"


@dataclass(frozen=True)
class Breakdown:
    """A count per category: one chart and one data table."""

    key: str
    title: str
    category: str
    rows: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _label, count in self.rows)


@dataclass(frozen=True)
class SlotUse:
    label: str
    used: int
    free: int


@dataclass(frozen=True)
class Statistics:
    plan: Plan | None
    participants: int
    by_country: Breakdown
    by_kind: Breakdown
    by_organiser: Breakdown
    requests: Breakdown
    acceptance_rate: float | None
    meetings: Breakdown
    unscheduled_reasons: Breakdown
    holes: Breakdown
    no_shows: int
    attendances: int
    table_use: tuple[SlotUse, ...]
    no_show_people: tuple[tuple[str, str, str], ...] = field(default=())
    most_holes: tuple[tuple[str, str, int], ...] = field(default=())

    @property
    def no_show_rate(self) -> float | None:
        return self.no_shows / self.attendances if self.attendances else None

    @property
    def breakdowns(self) -> tuple[Breakdown, ...]:
        return (
            self.by_country,
            self.by_kind,
            self.by_organiser,
            self.requests,
            self.meetings,
            self.unscheduled_reasons,
            self.holes,
        )


def plan_for_statistics(event: Event) -> Plan | None:
    """The latest release, or the draft while nothing is released."""
    return latest_release(event) or event.plans.filter(kind=Plan.Kind.DRAFT).first()


def organisation_name(registration: Registration) -> str:
    organisation = registration.user.organisation
    return organisation.name if organisation is not None else ""


def _ids(organisers: Sequence[Organiser] | None) -> list[int] | None:
    return None if organisers is None else [organiser.pk for organiser in organisers]


def _participants(event: Event, scope: list[int] | None) -> QuerySet[Registration]:
    queryset = Registration.objects.filter(event=event, status=Registration.Status.VALIDATED)
    return queryset if scope is None else queryset.filter(organiser_id__in=scope)


def _scoped_meetings(event: Event, scope: list[int] | None) -> QuerySet[Meeting]:
    queryset = Meeting.objects.filter(event=event, status=Meeting.Status.ACTIVE)
    if scope is None:
        return queryset
    involved = Through.objects.filter(registration__organiser_id__in=scope).values("meeting_id")
    return queryset.filter(pk__in=involved)


def participants_by_country(event: Event, scope: list[int] | None = None) -> Breakdown:
    grouped = (
        _participants(event, scope)
        .values("user__organisation__country")
        .annotate(count=Count("id"))
        .order_by("-count", "user__organisation__country")
    )
    named = (
        (
            str(countries.name(row["user__organisation__country"]) or "")
            or row["user__organisation__country"]
            or _("Unknown"),
            row["count"],
        )
        for row in grouped
    )
    rows = tuple(sorted(named, key=lambda row: (-row[1], row[0])))
    return Breakdown("country", _("Participants by country"), _("Country"), rows)


def participants_by_kind(event: Event, scope: list[int] | None = None) -> Breakdown:
    labels = dict(OrganisationType.choices)
    grouped = (
        _participants(event, scope)
        .values("user__organisation__kind")
        .annotate(count=Count("id"))
        .order_by("-count", "user__organisation__kind")
    )
    rows = tuple(
        (str(labels.get(row["user__organisation__kind"], _("Unknown"))), row["count"])
        for row in grouped
    )
    return Breakdown("kind", _("Participants by type of organisation"), _("Type"), rows)


def participants_by_organiser(event: Event, scope: list[int] | None = None) -> Breakdown:
    grouped = (
        _participants(event, scope)
        .values("organiser_id", "organiser__cluster__organisation__name")
        .annotate(count=Count("id"))
        .order_by("-count", "organiser__cluster__organisation__name")
    )
    rows = tuple((row["organiser__cluster__organisation__name"], row["count"]) for row in grouped)
    return Breakdown("organiser", _("Participants by supporting organiser"), _("Organiser"), rows)


def requests_by_status(
    event: Event, scope: list[int] | None = None
) -> tuple[Breakdown, float | None]:
    """Requests per status, and the acceptance rate: accepted ÷ (accepted + declined)."""
    queryset = MeetingRequest.objects.filter(event=event)
    if scope is not None:
        queryset = queryset.filter(
            Q(sender__organiser_id__in=scope) | Q(recipient__organiser_id__in=scope)
        )
    counts = dict(queryset.values_list("status").annotate(count=Count("id")).order_by())
    rows = tuple(
        (str(label), counts.get(value, 0)) for value, label in MeetingRequest.Status.choices
    )
    accepted = counts.get(MeetingRequest.Status.ACCEPTED, 0)
    answered = accepted + counts.get(MeetingRequest.Status.DECLINED, 0)
    breakdown = Breakdown("requests", _("Meeting requests by status"), _("Status"), rows)
    return breakdown, (accepted / answered if answered else None)


def meetings_in_plan(
    event: Event, plan: Plan | None, scope: list[int] | None = None
) -> tuple[Breakdown, Breakdown]:
    """Active meetings scheduled, unscheduled, or not in the plan at all; and why unscheduled."""
    meetings = _scoped_meetings(event, scope)
    rows: tuple[tuple[str, int], ...]
    if plan is None:
        rows = ((_("Not planned yet"), meetings.count()),)
        reasons: tuple[tuple[str, int], ...] = ()
    else:
        placements = Placement.objects.filter(plan=plan, meeting__in=meetings)
        placed = placements.aggregate(
            scheduled=Count("id", filter=Q(slot__isnull=False)),
            unscheduled=Count("id", filter=Q(slot__isnull=True)),
        )
        # A plan holds a meeting at most once (placement_once_per_plan): no anti-join needed.
        missing = meetings.count() - placed["scheduled"] - placed["unscheduled"]
        rows = (
            (_("Scheduled"), placed["scheduled"]),
            (_("Unscheduled"), placed["unscheduled"]),
            (_("Accepted after the plan"), missing),
        )
        group = Case(
            *[
                When(
                    Q(*[Q(reason__icontains=text) for text in texts], _connector=Q.OR),
                    then=Value(key),
                )
                for key, texts in REASON_GROUPS
            ],
            default=Value("other"),
            output_field=CharField(),
        )
        grouped = (
            placements.filter(slot__isnull=True)
            .annotate(group=group)
            .values("group")
            .annotate(count=Count("id"))
            .order_by("-count", "group")
        )
        reasons = tuple((reason_label(row["group"]), row["count"]) for row in grouped)
    return (
        Breakdown("meetings", _("Accepted meetings in the schedule"), _("State"), rows),
        Breakdown("reasons", _("Why meetings are unscheduled"), _("Reason"), reasons),
    )


def table_use_per_slot(event: Event, plan: Plan | None) -> tuple[SlotUse, ...]:
    slots = list(
        Slot.objects.filter(session__event=event, session__is_b2b=True).order_by("starts_at")
    )
    tables = Table.objects.filter(event=event, is_active=True).count()
    used: dict[int, int] = {}
    if plan is not None:
        used = dict(
            Placement.objects.filter(
                plan=plan,
                slot__isnull=False,
                table__isnull=False,
                meeting__status=Meeting.Status.ACTIVE,
            )
            .values_list("slot_id")
            .annotate(count=Count("id"))
            .order_by()
        )
    zone = event.zone
    return tuple(
        SlotUse(
            label=formats.date_format(slot.starts_at.astimezone(zone), "D j M H:i"),
            used=used.get(slot.pk, 0),
            free=max(tables - used.get(slot.pk, 0), 0),
        )
        for slot in slots
    )


def _holes_sql(scope: list[int] | None) -> tuple[str, list[Any]]:
    """Per participant with a scheduled meeting: their holes, by window functions in the database.

    A hole is a run of one or more free slots between two consecutive meetings of a participant
    in one session: where the position of a meeting's slot exceeds the previous one's by more
    than one.
    """
    scoped = ""
    params: list[Any] = []
    if scope is not None:
        scoped = f" AND r.organiser_id IN ({', '.join(['%s'] * len(scope))})"
        params = list(scope)
    sql = f"""
        WITH positions AS (
            SELECT s.id AS slot_id, s.session_id AS session_id,
                   ROW_NUMBER() OVER (PARTITION BY s.session_id ORDER BY s.starts_at) AS pos
            FROM {Slot._meta.db_table} s
            JOIN {Session._meta.db_table} se ON se.id = s.session_id
            WHERE se.event_id = %s
        ),
        busy AS (
            SELECT mp.registration_id AS registration_id, p.session_id AS session_id, p.pos AS pos
            FROM {Placement._meta.db_table} pl
            JOIN {Meeting._meta.db_table} m ON m.id = pl.meeting_id
            JOIN {Through._meta.db_table} mp ON mp.meeting_id = pl.meeting_id
            JOIN {Registration._meta.db_table} r ON r.id = mp.registration_id
            JOIN positions p ON p.slot_id = pl.slot_id
            WHERE pl.plan_id = %s AND m.status = %s{scoped}
        ),
        steps AS (
            SELECT registration_id,
                   pos - LAG(pos) OVER (
                       PARTITION BY registration_id, session_id ORDER BY pos
                   ) AS step
            FROM busy
        ),
        per_participant AS (
            SELECT registration_id, SUM(CASE WHEN step > 1 THEN 1 ELSE 0 END) AS holes
            FROM steps GROUP BY registration_id
        )
    """
    return sql, params


def holes_distribution(
    event: Event, plan: Plan | None, scope: list[int] | None = None
) -> Breakdown:
    """How many participants (with at least one scheduled meeting) have 0, 1, 2… holes."""
    rows: tuple[tuple[str, int], ...] = ()
    if plan is not None:
        sql, params = _holes_sql(scope)
        with connection.cursor() as cursor:
            cursor.execute(
                sql + " SELECT holes, COUNT(*) FROM per_participant GROUP BY holes ORDER BY holes",
                [event.pk, plan.pk, Meeting.Status.ACTIVE.value, *params],
            )
            rows = tuple((str(int(holes)), int(count)) for holes, count in cursor.fetchall())
    return Breakdown("holes", _("Holes per participant"), _("Holes"), rows)


def most_holes(
    event: Event, plan: Plan | None, scope: list[int] | None = None, limit: int = 20
) -> tuple[tuple[str, str, int], ...]:
    """The participants with the most holes: name, organisation, holes."""
    if plan is None:
        return ()
    sql, params = _holes_sql(scope)
    with connection.cursor() as cursor:
        cursor.execute(
            sql + " SELECT registration_id, holes FROM per_participant WHERE holes > 0"
            " ORDER BY holes DESC, registration_id LIMIT %s",
            [event.pk, plan.pk, Meeting.Status.ACTIVE.value, *params, limit],
        )
        found = [(int(pk), int(holes)) for pk, holes in cursor.fetchall()]
    people = {
        registration.pk: registration
        for registration in Registration.objects.filter(
            pk__in=[pk for pk, _holes in found]
        ).select_related("user__organisation")
    }
    return tuple(
        (
            people[pk].user.full_name,
            organisation_name(people[pk]),
            holes,
        )
        for pk, holes in found
        if pk in people
    )


def no_show_figures(
    event: Event, plan: Plan | None, scope: list[int] | None = None
) -> tuple[int, int]:
    """No-shows recorded, and the participant places in scheduled meetings they are out of."""
    no_shows = NoShow.objects.filter(meeting__event=event)
    if scope is not None:
        no_shows = no_shows.filter(registration__organiser_id__in=scope)
    attendances = 0
    if plan is not None:
        places = Through.objects.filter(
            meeting__placements__plan=plan,
            meeting__placements__slot__isnull=False,
            meeting__status=Meeting.Status.ACTIVE,
        )
        if scope is not None:
            places = places.filter(registration__organiser_id__in=scope)
        attendances = places.count()
    return no_shows.count(), attendances


def no_show_people(
    event: Event, plan: Plan | None, scope: list[int] | None = None, limit: int = 200
) -> tuple[tuple[str, str, str], ...]:
    """Who missed which meeting: name, organisation, when (in the event's time zone)."""
    no_shows = NoShow.objects.filter(meeting__event=event)
    if scope is not None:
        no_shows = no_shows.filter(registration__organiser_id__in=scope)
    rows = list(
        no_shows.select_related("registration__user__organisation").order_by("-created")[:limit]
    )
    when: dict[int, str] = {}
    if plan is not None:
        zone = event.zone
        for meeting_id, starts_at in Placement.objects.filter(
            plan=plan, meeting_id__in=[row.meeting_id for row in rows], slot__isnull=False
        ).values_list("meeting_id", "slot__starts_at"):
            when[meeting_id] = formats.date_format(starts_at.astimezone(zone), "D j M H:i")
    return tuple(
        (
            row.registration.user.full_name,
            organisation_name(row.registration),
            when.get(row.meeting_id, "—"),
        )
        for row in rows
    )


def event_statistics(
    event: Event, *, organisers: Sequence[Organiser] | None = None, named: bool = False
) -> Statistics:
    scope = _ids(organisers)
    plan = plan_for_statistics(event)
    requests, acceptance = requests_by_status(event, scope)
    meetings, reasons = meetings_in_plan(event, plan, scope)
    no_shows, attendances = no_show_figures(event, plan, scope)
    return Statistics(
        plan=plan,
        participants=_participants(event, scope).count(),
        by_country=participants_by_country(event, scope),
        by_kind=participants_by_kind(event, scope),
        by_organiser=participants_by_organiser(event, scope),
        requests=requests,
        acceptance_rate=acceptance,
        meetings=meetings,
        unscheduled_reasons=reasons,
        holes=holes_distribution(event, plan, scope),
        no_shows=no_shows,
        attendances=attendances,
        table_use=table_use_per_slot(event, plan) if scope is None else (),
        no_show_people=no_show_people(event, plan, scope) if named else (),
        most_holes=most_holes(event, plan, scope) if named else (),
    )


def summary_rows(statistics: Statistics) -> list[tuple[str, str]]:
    """The headline figures as (label, value) pairs, for the page and the exports."""

    def percent(value: float | None) -> str:
        return "—" if value is None else f"{value * 100:.1f} %"

    meetings = dict(statistics.meetings.rows)
    return [
        (_("Participants"), str(statistics.participants)),
        (_("Meeting requests"), str(statistics.requests.total)),
        (_("Acceptance rate"), percent(statistics.acceptance_rate)),
        (_("Scheduled meetings"), str(meetings.get(_("Scheduled"), 0))),
        (_("Unscheduled meetings"), str(meetings.get(_("Unscheduled"), 0))),
        (_("No-shows"), str(statistics.no_shows)),
        (_("No-show rate"), percent(statistics.no_show_rate)),
    ]
