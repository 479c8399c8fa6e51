"""Who belongs to which cluster: the ground that the contact, consent, newsroom and assembly
rules stand on. Part of `matchfair.permissions`, which re-exports every name here."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from matchfair.community.models import Cluster, Membership, User
from matchfair.events.models import Organiser


def is_verified(user: Any) -> bool:
    """The person confirmed their e-mail address by opening the link mailed to it."""
    return bool(user.is_authenticated and user.email_verified)


def clusters_of(user: Any) -> Any:
    """The clusters a person belongs to: their organisation is a member of the cluster or is the
    cluster itself, or they are staff of one of the cluster's organiser roles. `organisation` is
    set only once a membership request is approved; an unconfirmed address belongs nowhere."""
    if not is_verified(user):
        return Cluster.objects.none()
    people = Q(organised_events__staff=user)
    if user.organisation_id:
        people |= Q(members=user.organisation_id) | Q(organisation=user.organisation_id)
    return Cluster.objects.filter(people).distinct()


def in_clusters(clusters: Any, path: str = "") -> Q:
    """A filter for the people who belong to one of `clusters` (ids or a query of them), by the
    same rule as `clusters_of`, on a model that reaches the user by `path` ("" for the user
    itself, "owner__user" for a contact's owner). Several memberships can match one row, so
    callers take distinct rows or the primary keys."""
    prefix = f"{path}__" if path else ""
    return (
        Q(**{f"{prefix}organisation__clusters__in": clusters})
        | Q(**{f"{prefix}organisation__cluster__in": clusters})
        | Q(**{f"{prefix}organiser_roles__cluster__in": clusters})
    ) & Q(**{f"{prefix}email_verified": True})


def cluster_users(clusters: Iterable[int]) -> Any:
    """The people who belong to one of `clusters` (ids), by the rule of `in_clusters`, found
    from the clusters' memberships, own organisations and organiser staff: those are read first
    (three small queries), then the people by two indexes, their organisation and their id. With
    the three as subqueries, PostgreSQL tested every person against them."""
    ids = [int(pk) for pk in clusters]
    organisations = set(
        Membership.objects.filter(cluster__among=ids).values_list("organisation_id", flat=True)
    ) | set(Cluster.objects.filter(pk__among=ids).values_list("organisation_id", flat=True))
    staff = Organiser.staff.through.objects.filter(organiser__cluster__among=ids)
    return User.objects.filter(
        Q(organisation__among=organisations)
        | Q(pk__among=list(staff.values_list("user", flat=True))),
        email_verified=True,
    )


def clusters_by_user(user_ids: Iterable[int]) -> dict[int, set[int]]:
    """`clusters_of` for many people at once, as cluster ids, in four queries."""
    ids = set(user_ids)
    found: dict[int, set[int]] = {pk: set() for pk in ids}
    organisation_of = dict(
        User.objects.filter(pk__among=ids, email_verified=True).values_list("pk", "organisation_id")
    )
    verified = set(organisation_of)
    organisations = {pk: org for pk, org in organisation_of.items() if org is not None}
    by_organisation: dict[int, set[int]] = {}
    for cluster_id, organisation_id in Cluster.objects.filter(
        organisation__among=organisations.values()
    ).values_list("pk", "organisation_id"):
        by_organisation.setdefault(organisation_id, set()).add(cluster_id)
    for cluster_id, organisation_id in Membership.objects.filter(
        organisation__among=organisations.values()
    ).values_list("cluster_id", "organisation_id"):
        by_organisation.setdefault(organisation_id, set()).add(cluster_id)
    for pk, organisation_id in organisations.items():
        found[pk] |= by_organisation.get(organisation_id, set())
    for pk, cluster_id in Organiser.staff.through.objects.filter(user__among=verified).values_list(
        "user_id", "organiser__cluster_id"
    ):
        found[pk].add(cluster_id)
    return found
