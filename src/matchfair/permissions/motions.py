"""Proxies, motions and minutes of the assembly (docs/assembly.md): who votes for which member,
who moves and seconds, who hands a vote over, who reads the minutes.

Part of `matchfair.permissions`, which re-exports every name here; callers ask there. The
assembly's other rules (`can_run_assembly`) are read from the package at call time.
"""

from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import Q

import matchfair.permissions as rules

# `session` an assembly Session, `motion` an assembly Motion.


def _checked_in(user: Any, session: Any) -> Any:
    """The user's checked-in attendance at `session`, or None."""
    if not user.is_authenticated:
        return None
    return (
        session.attendees.filter(user=user, checked_in_at__isnull=False)
        .select_related("cluster__organisation")
        .first()
    )


def voting_members(user: Any, session: Any) -> list[Any]:
    """The members `user` casts votes for at `session`: their own member as its checked-in
    delegate or substitute, then each member whose active proxy they hold, checked in as its
    holder. Whether a member has already voted is the roll's business."""
    attendee = _checked_in(user, session)
    if attendee is None:
        return []
    held = [
        proxy.cluster
        for proxy in attendee.proxies_held.filter(withdrawn_at__isnull=True)
        .select_related("cluster__organisation")
        .order_by("cluster__organisation__name")
    ]
    return [attendee.cluster, *held]


def can_vote_for(user: Any, session: Any, cluster: Any) -> bool:
    """Whether `cluster` is one of `voting_members(user, session)`, asked in one query: every
    cast asks it, and loading the attendance and the proxies held was a quarter of a cast."""
    if not user.is_authenticated:
        return False
    return (
        session.attendees.filter(user=user, checked_in_at__isnull=False)
        .filter(
            Q(cluster=cluster)
            | Q(proxies_held__cluster=cluster, proxies_held__withdrawn_at__isnull=True)
        )
        .exists()
    )


def vote_right_sql(session_sql: str, user: Any, cluster: Any) -> tuple[str, list[Any]]:
    """`can_vote_for` as an SQL condition and its parameters, for a raw query that asks it
    beside other things (the cast's locked read: one query fewer, and no ORM query built on
    every cast). `session_sql` is the SQL expression of the session's id; `cluster` is the
    member or its id. A user without an id (anonymous) matches no attendance. Tested to answer
    as `can_vote_for` does."""
    quote = connection.ops.quote_name
    attendees = quote(apps.get_model("assembly", "Attendee")._meta.db_table)
    proxies = quote(apps.get_model("assembly", "Proxy")._meta.db_table)
    sql = (
        f"EXISTS(SELECT 1 FROM {attendees} va WHERE va.session_id = {session_sql}"
        " AND va.user_id = %s AND va.checked_in_at IS NOT NULL"
        f" AND (va.cluster_id = %s OR EXISTS(SELECT 1 FROM {proxies} vp"
        " WHERE vp.holder_id = va.id AND vp.cluster_id = %s AND vp.withdrawn_at IS NULL)))"
    )
    user_id = user.pk if user.is_authenticated else None
    cluster_id = cluster if isinstance(cluster, int) else cluster.pk
    return sql, [user_id, cluster_id, cluster_id]


def moving_for(user: Any, session: Any) -> Any:
    """The member `user` proposes motions for: their own as a checked-in delegate or substitute;
    the secretariat's cluster for the secretariat. None: they may not move."""
    attendee = _checked_in(user, session)
    if attendee is not None:
        return attendee.cluster
    if rules.can_run_assembly(user, session):
        return session.network.statute.secretariat
    return None


def seconding_for(user: Any, motion: Any) -> Any:
    """The member `user` seconds `motion` for: a checked-in delegate or substitute of another
    member than the one that moved it; None otherwise."""
    attendee = _checked_in(user, motion.session)
    if attendee is None or attendee.cluster_id == motion.mover_id:
        return None
    return attendee.cluster


def can_withdraw_motion(user: Any, motion: Any) -> bool:
    """The moving member's checked-in people (or the secretariat) withdraw it before the vote."""
    if rules.can_run_assembly(user, motion.session):
        return True
    attendee = _checked_in(user, motion.session)
    return attendee is not None and attendee.cluster_id == motion.mover_id


def can_give_proxy(user: Any, session: Any, cluster: Any) -> bool:
    """A member hands its vote on (or takes it back) through its registered voting delegate;
    the secretariat records a proxy handed in on paper."""
    if rules.can_run_assembly(user, session):
        return True
    return bool(
        user.is_authenticated
        and session.attendees.filter(user=user, cluster=cluster, role="delegate").exists()
    )


def can_see_minutes(user: Any, session: Any) -> bool:
    """The minutes PDF: the secretariat always; everyone once published."""
    return session.minutes_published_at is not None or rules.can_run_assembly(user, session)
