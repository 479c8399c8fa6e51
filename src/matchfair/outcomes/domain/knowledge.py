"""The members' knowledge page: who from the cluster met whom, where both people shared it,
with the stage reached; counts for the rest; and asking a member for an introduction.

Counts protect small numbers: a country or a type of organisation with fewer than
`SMALLEST_CELL` unshared meetings is not shown on its own but pooled into "others", and when
the pool itself is smaller, the smallest shown cell joins it, so no number under 3 is shown and
none can be worked out from the totals.
"""

import hashlib
from collections import Counter
from collections.abc import Iterable
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
from matchfair.generations import Generation
from matchfair.meetings.models import Meeting, Plan
from matchfair.outbox.domain import queue_message
from matchfair.outcomes.domain.ladder import Ladder, ladder_from
from matchfair.outcomes.models import Consent, FollowUpStep, IntroductionRequest, Scope, Stage

SMALLEST_CELL = 3
SIDES = Generation("outcomes:knowledge:sides", keep_seconds=7 * 24 * 3600)


@dataclass(frozen=True)
class SharedMeeting:
    meeting: Meeting
    member: Registration  # the cluster's own participant
    others: tuple[Registration, ...]
    ladder: Ladder | None  # None when the stage is not shared with the viewer
    # The others' types of organisation and countries, and the highest stage's name, worked
    # out once a page rather than once a cell by the template.
    kinds: str = ""
    countries: str = ""
    stage: str = ""
    met: str = ""  # "Name (Organisation), …"


@dataclass(frozen=True)
class Cell:
    label: str
    count: int


Side = tuple[int, int, str | None, str | None]  # registration, user, country, type

# What a row shows of each person: the page reads nothing else of them.
ROW_FIELDS = (
    "event_id",
    "user__full_name",
    "user__organisation__name",
    "user__organisation__kind",
    "user__organisation__country",
)


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
        meetings = Meeting.objects.only("pk", "event_id").in_bulk(ids)
        registrations = (
            Registration.objects.select_related("user__organisation")
            .only(*ROW_FIELDS)
            .in_bulk([person for pk in ids for person in self.sides_of(pk)])
        )
        steps: dict[int, list[FollowUpStep]] = {}
        for step in FollowUpStep.objects.filter(
            meeting__in=[pk for pk in ids if pk in self.with_stage]
        ).only("meeting_id", "registration_id", "stage", "on", "agreement_type"):
            steps.setdefault(step.meeting_id, []).append(step)
        kinds = {kind: str(label) for kind, label in OrganisationType.choices}
        stages = {stage: str(label) for stage, label in Stage.choices}
        found = []
        for pk in ids:
            participants = [registrations[person] for person in self.sides_of(pk)]
            member = next(person for person in participants if person.pk in self.members)
            others = tuple(person for person in participants if person.pk != member.pk)
            organisations = [other.user.organisation for other in others]
            ladder = (
                ladder_from([person.pk for person in participants], steps.get(pk, []))
                if pk in self.with_stage
                else None
            )
            found.append(
                SharedMeeting(
                    meeting=meetings[pk],
                    member=member,
                    others=others,
                    ladder=ladder,
                    kinds=", ".join(kinds.get(o.kind, o.kind) if o else "" for o in organisations),
                    met=", ".join(
                        f"{other.user.full_name} ({o.name})" if o else other.user.full_name
                        for other, o in zip(others, organisations, strict=True)
                    ),
                    countries=", ".join(
                        str(getattr(o.country, "name", "")) if o else "" for o in organisations
                    ),
                    stage=stages.get(ladder.highest, "")
                    if ladder and ladder.highest is not None
                    else "",
                )
            )
        return found

    def sides_of(self, pk: int) -> list[int]:
        return [person for person, *_rest in self.sides[pk]]


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
    """The registrations of the event whose people belong to one of the user's clusters. The
    people first, as ids: as a subquery, PostgreSQL read every registration of the event."""
    clusters = permissions.clusters_of(user).values_list("pk", flat=True)
    people = permissions.cluster_users(clusters).values_list("pk", flat=True)
    return Registration.objects.filter(event=event, user__among=list(people)).order_by()


def meetings_met(event: Event, members: Iterable[int]) -> dict[int, list[Side]]:
    """The sides of the meetings that `members` (registrations) have in the event's latest
    release, active and placed, by meeting: each side's registration, person, and their
    organisation's country and type. Kept in the cache (`SIDES`) under the event's agenda
    version, which a release or a meeting called off moves on in its transaction, and a
    generation that a person or an organisation changing or leaving moves on; the people's
    consents are not in it and are read on every request."""
    release = (
        Plan.objects.filter(event=event, kind=Plan.Kind.RELEASE)
        .order_by("-version")
        .values_list("pk", flat=True)
        .first()
    )
    if release is None:
        return {}
    ids = sorted(members)
    digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:32]
    return SIDES.remembered(
        f"{event.pk}:{event.agenda_version}:{release}:{digest}", lambda: _read_sides(release, ids)
    )


def _read_sides(release: int, members: list[int]) -> dict[int, list[Side]]:
    through = Meeting.participants.through
    # The meetings first, as ids: from the members' own sides (an index on the registration),
    # each joined to its placement in the release. As a subquery of the next query, both
    # databases walked every meeting of the event instead.
    ours = set(
        through.objects.filter(
            registration_id__among=members,
            meeting__status=Meeting.Status.ACTIVE,
            meeting__placements__plan=release,
            meeting__placements__slot__isnull=False,
        ).values_list("meeting_id", flat=True)
    )
    sides: dict[int, list[Side]] = {}
    for meeting_id, person, user_id, country, kind in (
        through.objects.filter(meeting_id__among=ours)
        .order_by("meeting_id", "registration_id")
        .values_list(
            "meeting_id",
            "registration_id",
            "registration__user_id",
            "registration__user__organisation__country",
            "registration__user__organisation__kind",
        )
    ):
        sides.setdefault(meeting_id, []).append((person, user_id, country, kind))
    return sides


def people_changed(sender: Any, **kwargs: Any) -> None:
    """A person or an organisation changed or left (post_save, post_delete; connected in
    `apps.py`): the kept sides are read afresh. One just made is on no meeting yet, and a
    person saved with only other fields (the last log-in) changes nothing kept."""
    if kwargs.get("created"):
        return
    fields = kwargs.get("update_fields")
    if fields is None or "organisation" in fields:
        SIDES.changed()


def knowledge(viewer: Any, event: Event) -> Knowledge:
    """The page for `viewer`, in a fixed number of queries whatever the cluster's size.

    The sides of the cluster's meetings come from `meetings_met`; whether each person has a
    `met` grant that is not withdrawn is read afresh. Only the candidates go to the pairwise
    rule (`permissions.visible_items`, which decides on each of them): the meetings whose every
    person has such a grant, and the viewer's own. No other meeting can pass the rule, so it
    reads the grants of the few hundred people who share anything rather than of everyone the
    cluster met. The rest are counted."""
    members = set(cluster_people(viewer, event).values_list("pk", flat=True))
    if not members:
        return Knowledge(shown=[], unshared=0, by_country=[], by_type=[])
    uid = viewer.pk  # once: the request's user is a lazy object
    sides = meetings_met(event, members)
    sharing = set(
        Consent.objects.filter(
            user__among={user for rows in sides.values() for _pk, user, *_rest in rows},
            scope=Scope.MET,
            withdrawn__isnull=True,
        ).values_list("user_id", flat=True)
    )
    candidates: set[int] = set()
    for meeting_id, rows in sides.items():
        users = [user_id for _pk, user_id, _country, _kind in rows]
        if uid in users or all(user in sharing for user in users):
            candidates.add(meeting_id)
    chosen = sorted(candidates)
    items = []
    for pk in chosen:
        users = [user_id for _pk, user_id, _country, _kind in sides[pk]]
        items += [permissions.met_item(users), permissions.stage_item(users)]
    seen = permissions.visible_items(viewer, items)
    shown = {
        pk: seen[2 * index + 1] for index, pk in enumerate(chosen) if seen[2 * index]
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
        sides={pk: sides[pk] for pk in shown},
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
