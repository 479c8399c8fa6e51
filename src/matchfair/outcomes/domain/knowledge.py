"""The members' knowledge page: who from the cluster met whom, where both people shared it,
with the stage reached; counts for the rest; and asking a member for an introduction.

Counts protect small numbers: a country or a type of organisation with fewer than
`SMALLEST_CELL` unshared meetings is not shown on its own but pooled into "others", and when
the pool itself is smaller, the smallest shown cell joins it, so no number under 3 is shown and
none can be worked out from the totals.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django_countries import countries as country_names

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import OrganisationType
from matchfair.events.models import Event, Registration
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting
from matchfair.outbox.domain import queue_message
from matchfair.outcomes.domain.ladder import Ladder, ladder_from
from matchfair.outcomes.models import FollowUpStep, IntroductionRequest

SMALLEST_CELL = 3


@dataclass(frozen=True)
class SharedMeeting:
    meeting: Meeting
    member: Registration  # the cluster's own participant
    others: tuple[Registration, ...]
    ladder: Ladder | None  # None when the stage is not shared with the viewer


@dataclass(frozen=True)
class Cell:
    label: str
    count: int


Side = tuple[int, int, str | None, str | None]  # registration, user, country, type


@dataclass(frozen=True)
class Knowledge:
    shown: list[int]  # the meetings shown to the viewer, by id
    unshared: int
    by_country: list[Cell]  # the last cell may be the pool of small ones, labelled "others"
    by_type: list[Cell]
    sides: dict[int, list[Side]] = field(default_factory=dict)
    with_stage: frozenset[int] = frozenset()  # the meetings shown with their stage
    members: frozenset[int] = frozenset()  # the registrations of the viewer's clusters

    @property
    def shared(self) -> list[SharedMeeting]:
        return self.rows(self.shown)

    def rows(self, ids: list[int]) -> list[SharedMeeting]:
        """The rows of some of the meetings shown (a page of them), in three queries."""
        meetings = Meeting.objects.in_bulk(ids)
        registrations = Registration.objects.select_related("user__organisation").in_bulk(
            [person for pk in ids for person, *_rest in self.sides[pk]]
        )
        steps: dict[int, list[FollowUpStep]] = {}
        for step in FollowUpStep.objects.filter(
            meeting__in=[pk for pk in ids if pk in self.with_stage]
        ).only("meeting_id", "registration_id", "stage", "on", "agreement_type"):
            steps.setdefault(step.meeting_id, []).append(step)
        found = []
        for pk in ids:
            participants = [registrations[person] for person, *_rest in self.sides[pk]]
            member = next(person for person in participants if person.pk in self.members)
            found.append(
                SharedMeeting(
                    meeting=meetings[pk],
                    member=member,
                    others=tuple(person for person in participants if person.pk != member.pk),
                    ladder=ladder_from([person.pk for person in participants], steps.get(pk, []))
                    if pk in self.with_stage
                    else None,
                )
            )
        return found


def protect(counts: Counter[str], *, others: str) -> list[Cell]:
    """Cells of at least SMALLEST_CELL, largest first, and a pool of the rest that is itself at
    least SMALLEST_CELL (the smallest shown cells join it until it is); nothing when the whole
    is smaller."""
    if sum(counts.values()) < SMALLEST_CELL:
        return []
    shown = sorted(
        ((label, n) for label, n in counts.items() if n >= SMALLEST_CELL),
        key=lambda cell: (-cell[1], cell[0]),
    )
    pool = sum(n for n in counts.values() if n < SMALLEST_CELL)
    pooled = len(counts) - len(shown)
    # A pool of one cell is that cell: join the smallest shown ones until it hides something.
    while shown and pool > 0 and (pool < SMALLEST_CELL or pooled < 2):
        _label, n = shown.pop()
        pool += n
        pooled += 1
    cells = [Cell(label=label, count=n) for label, n in shown]
    if pool:
        cells.append(Cell(label=others, count=pool))
    return cells


def cluster_people(user: Any, event: Event) -> QuerySet[Registration]:
    """The registrations of the event whose people belong to one of the user's clusters."""
    clusters = permissions.clusters_of(user).values("pk")
    return Registration.objects.filter(
        event=event,
        pk__in=Registration.objects.filter(permissions.in_clusters(clusters, "user")).values("pk"),
    )


def knowledge(viewer: Any, event: Event) -> Knowledge:
    """The page for `viewer`, in a fixed number of queries: the meetings of the viewer's
    clusters come back as rows of ids and the other side's country and type, the pairwise rule
    decides on those, and only the meetings shown are read as objects, with their steps only
    where the stage is shared."""
    people = cluster_people(viewer, event)
    members = set(people.values_list("pk", flat=True))
    release = latest_release(event)
    if not members or release is None:
        return Knowledge(shown=[], unshared=0, by_country=[], by_type=[])
    scheduled = Meeting.objects.filter(
        event=event,
        status=Meeting.Status.ACTIVE,
        participants__in=people.values("pk"),
        placements__plan=release,
        placements__slot__isnull=False,
    ).values("pk")
    sides: dict[int, list[tuple[int, int, str | None, str | None]]] = {}
    for meeting_id, *side in (
        Meeting.participants.through.objects.filter(meeting__in=scheduled)
        .order_by("meeting_id", "registration_id")
        .values_list(
            "meeting_id",
            "registration_id",
            "registration__user_id",
            "registration__user__organisation__country",
            "registration__user__organisation__kind",
        )
    ):
        sides.setdefault(meeting_id, []).append(tuple(side))  # type: ignore[arg-type]
    items = []
    for rows in sides.values():
        users = [user_id for _pk, user_id, _country, _kind in rows]
        items += [permissions.met_item(users), permissions.stage_item(users)]
    seen = permissions.visible_items(viewer, items)
    shown = {
        pk: seen[2 * index + 1] for index, pk in enumerate(sides) if seen[2 * index]
    }  # meeting → whether its stage is shared too
    countries: Counter[str | None] = Counter()
    types: Counter[str | None] = Counter()
    for pk, rows in sides.items():
        if pk in shown:
            continue
        member = next(person for person, *_rest in rows if person in members)
        for person, _user, country, kind in rows:
            if person != member:
                countries[country] += 1
                types[kind] += 1
    kinds = dict(OrganisationType.choices)
    by_country: Counter[str] = Counter()
    for country, n in countries.items():
        by_country[str(country_names.name(country)) if country else "?"] += n
    by_type: Counter[str] = Counter()
    for kind, n in types.items():
        by_type[str(kinds.get(kind, kind)) if kind else "?"] += n
    return Knowledge(
        shown=sorted(shown),
        unshared=len(sides) - len(shown),
        by_country=protect(by_country, others=_("Other countries")),
        by_type=protect(by_type, others=_("Other types")),
        sides=sides,
        with_stage=frozenset(pk for pk, stage in shown.items() if stage),
        members=frozenset(members),
    )


def ask_introduction(*, meeting: Meeting, member: Registration, by: Any) -> IntroductionRequest:
    """Ask the cluster's member who met someone for an introduction. The mail names only the
    person asking and links to the member's own outcome page; nothing about the person met is
    copied into it."""
    people = list(meeting.participants.values_list("user_id", flat=True))
    if not permissions.can_ask_introduction(by, people, member):
        raise PermissionDenied(_("You cannot ask for an introduction about this meeting."))
    try:
        with transaction.atomic():
            introduction = IntroductionRequest.objects.create(
                meeting=meeting, asked_by=by, member=member
            )
            record(action="introduction.asked", actor=by, subject=introduction, event=meeting.event)
            queue_message(
                key=f"introduction:{introduction.pk}",
                kind="introduction_asked",
                user=member.user,
                template="outcomes/mail/introduction_asked",
                context={
                    "asker": by,
                    "event": meeting.event,
                    "url": reverse(
                        "outcomes:meeting",
                        kwargs={"event": meeting.event.slug, "pk": meeting.pk},
                    ),
                },
                event=meeting.event,
            )
    except IntegrityError as error:
        raise ValidationError(
            _("You have already asked %(name)s for this introduction.") % {"name": member.user}
        ) from error
    return introduction
