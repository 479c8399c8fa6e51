"""Proxies: a member hands its vote at a session to another member's voting delegate, who then
casts for it too; the statute limits how many proxies one delegate holds (default one).

Every hand-over and withdrawal is in the audit, and a withdrawn proxy keeps its row with the time
of withdrawal, so the minutes list them all. No chains: a delegate whose own member handed its
vote on holds no proxy, and a member whose delegate holds proxies does not hand its vote on.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.assembly.models import Attendee, Proxy, Session
from matchfair.audit.domain import record
from matchfair.community.models import Cluster


def proxies_per_holder(session: Session) -> int:
    statute = getattr(session.network, "statute", None)
    return statute.proxies_per_holder if statute is not None else 1


def give_proxy(session: Session, *, cluster: Cluster, holder: Attendee, by: Any) -> Proxy:
    """`cluster` hands its vote at `session` to `holder`, another member's voting delegate."""
    if not permissions.can_give_proxy(by, session, cluster):
        raise PermissionDenied(_("Only a member's voting delegate hands its vote on."))
    if not session.network.clusters.filter(pk=cluster.pk).exists():
        raise ValidationError(
            _("%(cluster)s is not a member of %(network)s.")
            % {"cluster": cluster, "network": session.network}
        )
    if holder.session_id != session.pk or holder.role != Attendee.Role.DELEGATE:
        raise ValidationError(
            {"holder": _("A proxy goes to another member's voting delegate at this session.")}
        )
    if holder.cluster_id == cluster.pk:
        raise ValidationError({"holder": _("A member cannot hand its vote to its own delegate.")})
    limit = proxies_per_holder(session)
    try:
        with transaction.atomic():
            # One hand-over at a time per session, so two cannot both take the holder's last slot.
            Session.objects.select_for_update().get(pk=session.pk)
            active = Proxy.objects.filter(session=session, withdrawn_at__isnull=True)
            if active.filter(cluster=holder.cluster_id).exists():
                raise ValidationError(
                    {
                        "holder": _(
                            "%(name)s's member has handed its own vote on, so %(name)s holds no"
                            " proxy."
                        )
                        % {"name": holder.user}
                    }
                )
            if active.filter(holder__cluster=cluster).exists():
                raise ValidationError(
                    _("%(cluster)s's delegate holds proxies, so %(cluster)s keeps its vote.")
                    % {"cluster": cluster}
                )
            held = active.filter(holder=holder).count()
            if held >= limit:
                raise ValidationError(
                    {
                        "holder": _(
                            "%(name)s already holds %(held)s proxies; the statute allows %(limit)s."
                        )
                        % {"name": holder.user, "held": held, "limit": limit}
                    }
                )
            proxy = Proxy.objects.create(
                session=session,
                cluster=cluster,
                holder=holder,
                given_by=by if by.is_authenticated else None,
            )
            record(
                action="assembly.proxy_given",
                actor=by,
                subject=proxy,
                session=session.pk,
                member=cluster.pk,
                holder=holder.user_id,
                holder_member=holder.cluster_id,
            )
    except IntegrityError as error:
        raise ValidationError(
            _("%(cluster)s has already handed its vote on; withdraw that proxy first.")
            % {"cluster": cluster}
        ) from error
    return proxy


def withdraw_proxy(proxy: Proxy, *, by: Any) -> Proxy:
    """The member takes its vote back; votes already cast by the holder for it stand."""
    if not permissions.can_give_proxy(by, proxy.session, proxy.cluster):
        raise PermissionDenied(_("Only a member's voting delegate takes its vote back."))
    with transaction.atomic():
        locked = Proxy.objects.select_for_update().get(pk=proxy.pk)
        if locked.withdrawn_at is not None:
            raise ValidationError(_("This proxy has already been withdrawn."))
        locked.withdrawn_at = timezone.now()
        locked.save(update_fields=["withdrawn_at"])
        record(
            action="assembly.proxy_withdrawn",
            actor=by,
            subject=locked,
            session=locked.session_id,
            member=locked.cluster_id,
            holder=locked.holder.user_id,
        )
    return locked


def active_proxies(session: Session) -> list[Proxy]:
    return list(
        session.proxies.filter(withdrawn_at__isnull=True)
        .select_related("cluster__organisation", "holder__user", "holder__cluster__organisation")
        .order_by("cluster__organisation__name")
    )
