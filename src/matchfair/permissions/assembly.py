"""The partnership assembly's rules (docs/assembly.md): who runs it, who belongs, who votes,
nominates and sees the ballot board. `network` is a community Network; `session` an assembly
Session; `election` an assembly Election. Part of `matchfair.permissions`, which re-exports
every name here; the proxy and motion rules are in `permissions/motions.py`."""

from typing import Any

import matchfair.permissions as rules
from matchfair.permissions.clusters import clusters_of


def is_secretariat(user: Any, network: Any) -> bool:
    """The network's secretariat: people of the lead cluster its statute names, and superusers."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    statute = getattr(network, "statute", None) if network is not None else None
    return bool(
        statute is not None
        and user.organisation_id
        and statute.secretariat.organisation_id == user.organisation_id
    )


def can_run_assembly(user: Any, session: Any) -> bool:
    return is_secretariat(user, session.network)


def is_network_member(user: Any, network: Any) -> bool:
    """People of a member cluster of the network (as `clusters_of`), its delegates, and the
    secretariat."""
    if not user.is_authenticated:
        return False
    if is_secretariat(user, network):
        return True
    if network.delegates.filter(user=user).exists():
        return True
    return clusters_of(user).filter(networks=network).exists()


def can_see_session(user: Any, session: Any) -> bool:
    return (
        is_network_member(user, session.network) or session.attendees.filter(user=user.pk).exists()
    )


def voting_for(user: Any, election: Any) -> Any:
    """The member cluster `user` casts a ballot for first in `election`: their own, as its
    checked-in voting delegate or substitute at the session; None otherwise. A proxy holder
    casts for the members they represent too (`voting_members`). Whether the member has already
    voted is the voter roll's business (`cast_ballot`)."""
    members = rules.voting_members(user, election.session)
    return members[0] if members else None


def can_nominate(user: Any, session: Any, cluster: Any) -> bool:
    """A member nominates through its registered delegate or substitute; the secretariat too."""
    if can_run_assembly(user, session):
        return True
    return bool(
        user.is_authenticated and session.attendees.filter(user=user, cluster=cluster).exists()
    )


def can_accept_candidacy(user: Any, candidacy: Any) -> bool:
    return bool(user.is_authenticated and candidacy.candidate_id == user.pk)


def can_see_ballot_board(user: Any, election: Any) -> bool:
    """Published: everyone. Counted but not yet published: the members and the secretariat."""
    if election.status == "published":
        return True
    return election.status == "closed" and is_network_member(user, election.session.network)


def can_set_up_assembly(user: Any, network: Any) -> bool:
    """Create and change sessions, their documents, agenda, registrations and elections."""
    return is_secretariat(user, network)


def nominating_for(user: Any, session: Any) -> list[Any]:
    """The member clusters `user` may nominate for at `session` (as `can_nominate`): every member
    for the secretariat; otherwise the members they are registered for."""
    if not user.is_authenticated:
        return []
    members = session.network.clusters.select_related("organisation")
    if can_run_assembly(user, session):
        return list(members)
    return list(members.filter(assembly_attendees__session=session, assembly_attendees__user=user))


def can_see_badge(user: Any, attendee: Any) -> bool:
    """An attendee's badge with its check-in QR: the attendee, and the secretariat."""
    return bool(
        user.is_authenticated
        and (attendee.user_id == user.pk or can_run_assembly(user, attendee.session))
    )
