"""Candidacies: a member nominates a person of a member cluster, the person accepts."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.assembly.models import Candidacy, Election
from matchfair.audit.domain import record
from matchfair.community.models import Cluster, User


def nominate(
    election: Election,
    *,
    nominated_by: Cluster,
    cluster: Cluster,
    candidate: Any,
    statement_en: str = "",
    statement_bg: str = "",
    by: Any,
) -> Candidacy:
    """`nominated_by` proposes `candidate` to stand for `cluster`. Eligibility: both are members
    of the network, the candidate is one of `cluster`'s people (as `permissions.clusters_of`),
    nominations are still open, one candidate per member per position, and a person stands once
    per position."""
    session = election.session
    if not permissions.can_nominate(by, session, nominated_by):
        raise PermissionDenied(_("Only a member's delegate or substitute nominates for it."))
    members = session.network.clusters
    for member in (nominated_by, cluster):
        if not members.filter(pk=member.pk).exists():
            raise ValidationError(
                _("%(cluster)s is not a member of %(network)s.")
                % {"cluster": member, "network": session.network}
            )
    taken = _("%(cluster)s already has a candidate for the %(position)s.") % {
        "cluster": cluster,
        "position": election.get_position_display(),
    }
    try:
        with transaction.atomic():
            locked = Election.objects.select_for_update().get(pk=election.pk)
            if locked.status != Election.Status.DRAFT:
                raise ValidationError(_("Nominations for this election are closed."))
            if locked.candidacies.filter(cluster=cluster).exists():
                raise ValidationError({"cluster": taken})
            if not User.objects.filter(
                permissions.in_clusters([cluster.pk]), pk=candidate.pk
            ).exists():
                raise ValidationError(
                    {
                        "candidate": _("%(name)s is not one of the people of %(cluster)s.")
                        % {"name": candidate, "cluster": cluster}
                    }
                )
            if locked.candidacies.filter(candidate=candidate).exists():
                raise ValidationError(
                    {
                        "candidate": _("%(name)s already stands for the %(position)s.")
                        % {"name": candidate, "position": election.get_position_display()}
                    }
                )
            candidacy = Candidacy.objects.create(
                election=locked,
                cluster=cluster,
                candidate=candidate,
                nominated_by=nominated_by,
                statement_en=statement_en.strip(),
                statement_bg=statement_bg.strip(),
            )
            record(
                action="assembly.nominated",
                actor=by,
                subject=candidacy,
                election=election.pk,
                nominated_by=nominated_by.pk,
            )
    except IntegrityError as error:
        raise ValidationError({"cluster": taken}) from error
    return candidacy


def accept(candidacy: Candidacy, *, statement_en: str = "", statement_bg: str = "", by: Any):
    """The candidate accepts to stand, and may write or rewrite the statement."""
    if not permissions.can_accept_candidacy(by, candidacy):
        raise PermissionDenied(_("Only the candidate accepts a candidacy."))
    with transaction.atomic():
        Election.objects.select_for_update().get(pk=candidacy.election_id)
        locked = Candidacy.objects.select_related("election").get(pk=candidacy.pk)
        if locked.election.status != Election.Status.DRAFT:
            raise ValidationError(_("Nominations for this election are closed."))
        locked.accepted = True
        if statement_en.strip():
            locked.statement_en = statement_en.strip()
        if statement_bg.strip():
            locked.statement_bg = statement_bg.strip()
        locked.save(update_fields=["accepted", "statement_en", "statement_bg"])
        record(action="assembly.candidacy_accepted", actor=by, subject=locked)
    return locked
