"""Consent: one rule decides what a person's grants share, for every channel (docs/outcomes.md).

Part of `matchfair.permissions`, which re-exports every name here; callers use
`permissions.visible_items` and its siblings, never this module directly.
"""

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from matchfair.community.models import Cluster
from matchfair.events.models import Organiser, Registration
from matchfair.outcomes.models import Audience, Consent, Retention
from matchfair.permissions.clusters import clusters_by_user, clusters_of


@dataclass(frozen=True)
class SharedItem:
    """Something about people that consent decides: `needs` are the (scope, user id) grants
    that must ALL reach the viewer's audience, `parties` the people who always see it, and
    `knowing` the people who need no `met` grant because they were in the meeting.

    - a person's contact details: needs ((contact, P),), parties (P,)
    - who met whom: needs ((met, A), (met, B)), parties (A, B)
    - the stage reached: needs met and stage from both, parties (A, B)
    - a note by A: needs met from both and notes from A, parties (A,), knowing (A, B)
    """

    needs: tuple[tuple[str, int], ...]
    parties: tuple[int, ...]
    knowing: tuple[int, ...] = ()


def met_item(people: Sequence[int]) -> SharedItem:
    return SharedItem(needs=tuple(("met", person) for person in people), parties=tuple(people))


def stage_item(people: Sequence[int]) -> SharedItem:
    needs = tuple((scope, person) for scope in ("met", "stage") for person in people)
    return SharedItem(needs=needs, parties=tuple(people))


def note_item(people: Sequence[int], author: int) -> SharedItem:
    needs = (*(("met", person) for person in people), ("notes", author))
    return SharedItem(needs=needs, parties=(author,), knowing=tuple(people))


def contact_item(person: int) -> SharedItem:
    return SharedItem(needs=(("contact", person),), parties=(person,))


def _staff_clusters(user: Any) -> set[int]:
    """The clusters whose staff the user is: the cluster's own organisation, or an organiser role."""
    staff = set(Organiser.objects.filter(staff=user).values_list("cluster_id", flat=True))
    if user.organisation_id:
        staff |= set(
            Cluster.objects.filter(organisation=user.organisation_id).values_list("pk", flat=True)
        )
    return staff


def _partner_clusters(clusters: set[int]) -> set[int]:
    """The clusters themselves and every cluster that shares a partner network with one."""
    if not clusters:
        return set()
    networks = Cluster.networks.through.objects.filter(cluster__in=clusters).values("network")
    partners = Cluster.networks.through.objects.filter(network__in=networks).values_list(
        "cluster_id", flat=True
    )
    return clusters | set(partners)


def retention_months(clusters: Mapping[int, set[int]]) -> dict[int, int]:
    """For each person (user id → their cluster ids, as `clusters_by_user`), how many months
    their grants count: the shortest that one of their clusters set, so the strictest cluster
    wins; `settings.OUTCOMES_RETENTION_MONTHS` for a cluster that set none and for someone in no
    cluster. One query."""
    default = settings.OUTCOMES_RETENTION_MONTHS
    every = set().union(*clusters.values()) if clusters else set()
    chosen = dict(Retention.objects.filter(cluster__in=every).values_list("cluster_id", "months"))
    return {
        pk: min((chosen.get(cluster, default) for cluster in theirs), default=default)
        for pk, theirs in clusters.items()
    }


def grant_expires(since: dt.datetime, months: int) -> dt.datetime:
    """When a grant given or last renewed at `since` stops counting (calendar months)."""
    return dt.datetime.combine(_months_after(since.date(), months), since.timetz())


@functools.lru_cache(maxsize=4096)
def _months_after(day: dt.date, months: int) -> dt.date:
    # Calendar months move the date alone (the 31st becomes the month's last day); the time
    # of day stays. Grants are given on few distinct days, so the dates are remembered.
    return day + relativedelta(months=months)


def _audiences(viewer: Any, ids: set[int], clusters: Mapping[int, set[int]]) -> dict[int, set[str]]:
    if not viewer.is_authenticated:
        return {pk: {Audience.PUBLIC.value} for pk in ids}
    mine = clusters[viewer.pk]
    staff = _staff_clusters(viewer)
    partners = _partner_clusters(mine)
    found = {}
    for pk in ids:
        theirs = clusters[pk]
        audiences = {Audience.PUBLIC.value}
        if theirs & partners:
            audiences.add(Audience.PARTNERSHIP)
        if theirs & mine:
            audiences.add(Audience.CLUSTER_MEMBERS)
        if theirs & staff:
            audiences.add(Audience.CLUSTER_STAFF)
        found[pk] = audiences
    return found


def audiences_for(viewer: Any, people: Iterable[int]) -> dict[int, set[str]]:
    """For each person, the audiences of theirs the viewer is in (anyone is in the public)."""
    ids = set(people)
    if not viewer.is_authenticated:
        return _audiences(viewer, ids, {})
    return _audiences(viewer, ids, clusters_by_user(ids | {viewer.pk}))


def visible_items(viewer: Any, items: Sequence[SharedItem]) -> list[bool]:
    """THE visibility rule of shared items: for each item, whether `viewer` may see it.

    A party always sees the item. Anyone else sees it only when every (scope, person) it needs
    has an active grant to an audience of that person the viewer is in: who met whom only when
    both people granted it to the viewer's audience (the other person of a meeting needs no
    such grant to see the author's shared note). A grant is active when it is not withdrawn and
    not expired: it counts for the retention months of its person's clusters from when it was
    given or last renewed (`retention_months`). Grants are read on every call, so a withdrawal
    or an expiry counts from the next request. A fixed number of queries for any number of items.
    """
    uid = viewer.pk if viewer.is_authenticated else None
    people = {person for item in items for _scope, person in item.needs}
    if not people:
        return [uid in item.parties for item in items]
    active = list(
        Consent.objects.filter(
            user__among=people,
            scope__in={scope for item in items for scope, _person in item.needs},
            withdrawn__isnull=True,
            user__is_active=True,
        ).values_list("user_id", "scope", "audience", "granted", "renewed")
    )
    # Only the people who granted something need their clusters and audiences worked out.
    granting = {row[0] for row in active}
    granted: set[tuple[int, str]] = set()
    if granting:
        clusters = clusters_by_user(granting | ({uid} if uid is not None else set()))
        months = retention_months({pk: clusters[pk] for pk in granting})
        audiences = _audiences(viewer, granting, clusters)
        now = timezone.now()
        granted = {
            (user_id, scope)
            for user_id, scope, audience, given, renewed in active
            if audience in audiences[user_id]
            and grant_expires(renewed or given, months[user_id]) > now
        }
    return [
        uid in item.parties
        or all(
            (person, scope) in granted or (scope == "met" and uid in item.knowing)
            for scope, person in item.needs
        )
        for item in items
    ]


def can_see_item(viewer: Any, item: SharedItem) -> bool:
    return visible_items(viewer, [item])[0]


def can_ask_introduction(user: Any, meeting_people: Sequence[int], member: Registration) -> bool:
    """A person of a cluster asks that cluster's own member who met, about a meeting they see."""
    if not user.is_authenticated or member.user_id == user.pk:
        return False
    if member.user_id not in meeting_people:
        return False
    mine = set(clusters_of(user).values_list("pk", flat=True))
    if not mine & clusters_by_user([member.user_id])[member.user_id]:
        return False
    return can_see_item(user, met_item(meeting_people))
