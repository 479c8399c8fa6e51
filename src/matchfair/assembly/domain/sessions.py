"""An assembly session: its agenda, who is registered for each member, check-in and the quorum."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.assembly.models import AgendaItem, Attendee, Session
from matchfair.audit.domain import record
from matchfair.community.models import Cluster


def _require_secretariat(session: Session, by: Any) -> None:
    if not permissions.can_run_assembly(by, session):
        raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))


def add_agenda_item(
    session: Session, *, title: str, minutes: int, presenter: str = "", by: Any
) -> AgendaItem:
    """Add an item at the end of the agenda."""
    _require_secretariat(session, by)
    if not title.strip():
        raise ValidationError({"title": _("An agenda item needs a title.")})
    if minutes < 1:
        raise ValidationError({"minutes": _("The time box is at least one minute.")})
    with transaction.atomic():
        Session.objects.select_for_update().get(pk=session.pk)
        last = session.agenda.order_by("-position").values_list("position", flat=True).first()
        item = AgendaItem.objects.create(
            session=session,
            position=(last or 0) + 1,
            title=title.strip(),
            minutes=minutes,
            presenter=presenter.strip(),
        )
        record(action="assembly.agenda_item_added", actor=by, subject=item, session=session.pk)
    return item


def register_attendee(
    session: Session, *, cluster: Cluster, user: Any, role: str, by: Any
) -> Attendee:
    """Register `user` as `cluster`'s voting delegate or a substitute at `session`."""
    _require_secretariat(session, by)
    if not session.network.clusters.filter(pk=cluster.pk).exists():
        raise ValidationError(
            _("%(cluster)s is not a member of %(network)s.")
            % {"cluster": cluster, "network": session.network}
        )
    if role not in Attendee.Role.values:
        raise ValidationError({"role": _("Choose voting delegate or substitute.")})
    try:
        with transaction.atomic():
            attendee = Attendee.objects.create(
                session=session, cluster=cluster, user=user, role=role
            )
            record(
                action="assembly.attendee_registered",
                actor=by,
                subject=attendee,
                cluster=cluster.pk,
                role=role,
            )
    except IntegrityError as error:
        if (
            role == Attendee.Role.DELEGATE
            and session.attendees.filter(cluster=cluster, role=role).exists()
        ):
            raise ValidationError(
                _("%(cluster)s already has a voting delegate at this session.")
                % {"cluster": cluster}
            ) from error
        raise ValidationError(
            _("%(name)s is already registered at this session.") % {"name": user}
        ) from error
    return attendee


def register_network_delegates(session: Session, *, by: Any) -> int:
    """Register each member's standing delegate (community `Delegate`) as its voting delegate
    at the session, where the member has none yet; returns how many were registered."""
    _require_secretariat(session, by)
    added = 0
    with transaction.atomic():
        Session.objects.select_for_update().get(pk=session.pk)
        taken = set(
            session.attendees.filter(role=Attendee.Role.DELEGATE).values_list(
                "cluster_id", flat=True
            )
        )
        present = set(session.attendees.values_list("user_id", flat=True))
        for delegate in session.network.delegates.select_related("cluster"):
            if delegate.cluster_id in taken or delegate.user_id in present:
                continue
            Attendee.objects.create(
                session=session,
                cluster=delegate.cluster,
                user=delegate.user,
                role=Attendee.Role.DELEGATE,
            )
            added += 1
        record(action="assembly.delegates_registered", actor=by, session=session.pk, added=added)
    return added


def check_in(attendee: Attendee, *, by: Any) -> Attendee:
    """Staff check a registered delegate or substitute in as they arrive."""
    _require_secretariat(attendee.session, by)
    with transaction.atomic():
        locked = Attendee.objects.select_for_update().get(pk=attendee.pk)
        if locked.checked_in_at is None:
            locked.checked_in_at = timezone.now()
            locked.save(update_fields=["checked_in_at"])
            record(action="assembly.checked_in", actor=by, subject=locked)
    return locked


@dataclass(frozen=True)
class Quorum:
    """Members present or represented against all members, and the statute's threshold."""

    present: int  # members present or represented
    members: int
    threshold_percent: int
    by_proxy: int = 0  # of `present`, those represented only by a proxy holder

    @property
    def needed(self) -> int:
        # The smallest number of members that reaches the threshold: ceil(members * pct / 100).
        return -(-self.members * self.threshold_percent // 100)

    @property
    def reached(self) -> bool:
        return self.members > 0 and self.present >= self.needed


def quorum(session: Session) -> Quorum:
    statute = getattr(session.network, "statute", None)
    threshold = statute.quorum_percent if statute is not None else 50
    members = session.network.clusters.count()
    present = set(
        session.attendees.filter(
            checked_in_at__isnull=False, cluster__networks=session.network
        ).values_list("cluster", flat=True)
    )
    # Represented: an active proxy whose holder is checked in.
    represented = set(
        session.proxies.filter(
            withdrawn_at__isnull=True,
            holder__checked_in_at__isnull=False,
            cluster__networks=session.network,
        ).values_list("cluster", flat=True)
    )
    return Quorum(
        present=len(present | represented),
        members=members,
        threshold_percent=threshold,
        by_proxy=len(represented - present),
    )
