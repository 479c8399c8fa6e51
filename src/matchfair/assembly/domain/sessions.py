"""An assembly session: its agenda, who is registered for each member, check-in and the quorum."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, ProtectedError
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
    _check_agenda_item(title, minutes)
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


def _check_agenda_item(title: str, minutes: int) -> None:
    errors = {}
    if not title.strip():
        errors["title"] = _("An agenda item needs a title.")
    if minutes < 1:
        errors["minutes"] = _("The time box is at least one minute.")
    if errors:
        raise ValidationError(errors)


def change_agenda_item(
    item: AgendaItem, *, title: str, minutes: int, presenter: str = "", by: Any
) -> AgendaItem:
    """Change an item's title, time box or presenter; its place stays."""
    _require_secretariat(item.session, by)
    _check_agenda_item(title, minutes)
    with transaction.atomic():
        locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
        locked.title, locked.minutes, locked.presenter = title.strip(), minutes, presenter.strip()
        locked.save(update_fields=["title", "minutes", "presenter"])
        record(action="assembly.agenda_item_changed", actor=by, subject=locked)
    return locked


def move_agenda_item(item: AgendaItem, *, up: bool, by: Any) -> AgendaItem:
    """Swap the item with the one before it (`up`) or after it; at either end nothing moves."""
    _require_secretariat(item.session, by)
    with transaction.atomic():
        Session.objects.select_for_update().get(pk=item.session_id)
        locked = AgendaItem.objects.get(pk=item.pk)
        items = AgendaItem.objects.filter(session=locked.session_id)
        other = (
            items.filter(position__lt=locked.position).order_by("-position").first()
            if up
            else items.filter(position__gt=locked.position).order_by("position").first()
        )
        if other is None:
            return locked
        mine, theirs = locked.position, other.position
        # Through 0, which no item holds, so (session, position) stays unique at every step.
        AgendaItem.objects.filter(pk=locked.pk).update(position=0)
        AgendaItem.objects.filter(pk=other.pk).update(position=mine)
        AgendaItem.objects.filter(pk=locked.pk).update(position=theirs)
        locked.position = theirs
        record(action="assembly.agenda_item_moved", actor=by, subject=locked, position=theirs)
    return locked


def remove_agenda_item(item: AgendaItem, *, by: Any) -> None:
    """Take an item off the agenda; those after it move up. An item with motions stays: the
    motions belong to the record."""
    _require_secretariat(item.session, by)
    with transaction.atomic():
        Session.objects.select_for_update().get(pk=item.session_id)
        locked = AgendaItem.objects.get(pk=item.pk)
        try:
            locked.delete()
        except ProtectedError as error:
            raise ValidationError(
                _("“%(title)s” has motions; it stays on the agenda.") % {"title": locked.title}
            ) from error
        for later in AgendaItem.objects.filter(
            session=locked.session_id, position__gt=locked.position
        ).order_by("position"):
            AgendaItem.objects.filter(pk=later.pk).update(position=F("position") - 1)
        record(
            action="assembly.agenda_item_removed",
            actor=by,
            session=locked.session_id,
            title=locked.title,
        )


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


def unregister_attendee(attendee: Attendee, *, by: Any) -> None:
    """Take a person off a member's registration. One who holds or held a proxy stays: every
    hand-over is kept on the record."""
    _require_secretariat(attendee.session, by)
    with transaction.atomic():
        locked = Attendee.objects.select_for_update().get(pk=attendee.pk)
        if locked.proxies_held.exists():
            raise ValidationError(
                _("%(name)s holds or held a proxy; the record of hand-overs keeps them registered.")
                % {"name": locked.user}
            )
        record(
            action="assembly.attendee_unregistered",
            actor=by,
            session=locked.session_id,
            cluster=locked.cluster_id,
            user=locked.user_id,
        )
        locked.delete()


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
