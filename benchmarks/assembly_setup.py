"""A partnership of `members` member clusters, each with a checked-in delegate, and an open
Scottish STV election with `candidates` standing: the set-up the assembly benchmarks share.
Import it after `django.setup()`."""

from __future__ import annotations

from django.utils import timezone

from matchfair.assembly.domain.counting import open_election
from matchfair.assembly.models import Attendee, Candidacy, Election, Session, Statute
from matchfair.community.models import Cluster, Network, Organisation, User


def open_partnership_election(
    name: str, members: int, candidates: int
) -> tuple[Election, list[Cluster], list[User], list[Candidacy]]:
    """The open election, the member clusters and their delegates (in the same order), and the
    standing candidacies. The delegates' passwords are unusable: benchmarks sign them in by
    their sessions."""
    network = Network.objects.create(name=name, kind="partnership")
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Member {n:05d}", kind="cluster", country="BG") for n in range(members)
    )
    clusters = Cluster.objects.bulk_create(Cluster(organisation=o) for o in organisations)
    Cluster.networks.through.objects.bulk_create(
        Cluster.networks.through(cluster_id=c.pk, network_id=network.pk) for c in clusters
    )
    users = User.objects.bulk_create(
        User(
            email=f"delegate{n}@bench.example",
            full_name=f"Delegate {n}",
            organisation=organisation,
            password="!",
            email_verified=True,
        )
        for n, organisation in enumerate(organisations)
    )
    secretary = User.objects.create(
        email="secretary@bench.example",
        full_name="Bench Secretary",
        organisation=organisations[0],
        password="!",
        email_verified=True,
    )
    Statute.objects.create(network=network, secretariat=clusters[0], quorum_percent=50)
    session = Session.objects.create(
        network=network, title="General assembly", date=timezone.localdate(), place="Sofia"
    )
    now = timezone.now()
    Attendee.objects.bulk_create(
        Attendee(session=session, cluster=c, user=u, role="delegate", checked_in_at=now)
        for c, u in zip(clusters, users, strict=True)
    )
    election = Election.objects.create(
        session=session, position="board", seats=min(5, candidates), method="scottish-stv"
    )
    standing = Candidacy.objects.bulk_create(
        Candidacy(
            election=election,
            cluster=clusters[n],
            candidate=users[n],
            nominated_by=clusters[0],
            statement_en=f"Candidate {n} will serve the partnership.",
            accepted=True,
        )
        for n in range(1, candidates + 1)
    )
    return open_election(election, by=secretary), clusters, users, standing
