"""The members' knowledge page: who from the cluster met whom, where both people shared it,
with the stage reached; counts for the rest; and asking a member for an introduction.

Counts protect small numbers: a country or a type of organisation with fewer than
`SMALLEST_CELL` unshared meetings is not shown on its own but pooled into "others", and when
the pool itself is smaller, the smallest shown cell joins it, so no number under 3 is shown and
none can be worked out from the totals.
"""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django_countries import countries as country_names

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.events.models import Event, Registration
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting
from matchfair.outbox.domain import queue_message
from matchfair.outcomes.domain.ladder import Ladder, ladder_from
from matchfair.outcomes.models import IntroductionRequest

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


@dataclass(frozen=True)
class Knowledge:
    shared: list[SharedMeeting]
    unshared: int
    by_country: list[Cell]  # the last cell may be the pool of small ones, labelled "others"
    by_type: list[Cell]


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
    people = cluster_people(viewer, event)
    members = set(people.values_list("pk", flat=True))
    release = latest_release(event)
    if not members or release is None:
        return Knowledge(shared=[], unshared=0, by_country=[], by_type=[])
    meetings = list(
        Meeting.objects.filter(
            pk__in=Meeting.objects.filter(
                event=event,
                status=Meeting.Status.ACTIVE,
                participants__in=people.values("pk"),
                placements__plan=release,
                placements__slot__isnull=False,
            ).values("pk")
        )
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Registration.objects.select_related("user__organisation").order_by("pk"),
            ),
            "follow_up_steps",
        )
        .order_by("pk")
    )
    items = []
    for meeting in meetings:
        users = [person.user_id for person in meeting.participants.all()]
        items += [permissions.met_item(users), permissions.stage_item(users)]
    seen = permissions.visible_items(viewer, items)
    shared = []
    countries: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for index, meeting in enumerate(meetings):
        participants = list(meeting.participants.all())
        member = next(person for person in participants if person.pk in members)
        others = tuple(person for person in participants if person.pk != member.pk)
        if seen[2 * index]:
            ladder = None
            if seen[2 * index + 1]:
                ladder = ladder_from(
                    [person.pk for person in participants], meeting.follow_up_steps.all()
                )
            shared.append(
                SharedMeeting(meeting=meeting, member=member, others=others, ladder=ladder)
            )
            continue
        for other in others:
            organisation = other.user.organisation
            countries[str(country_names.name(organisation.country)) if organisation else "?"] += 1
            types[organisation.get_kind_display() if organisation else "?"] += 1
    return Knowledge(
        shared=shared,
        unshared=len(meetings) - len(shared),
        by_country=protect(countries, others=_("Other countries")),
        by_type=protect(types, others=_("Other types")),
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
