"""The assembly app's section of a person's data export and erasure (see
community.domain.privacy): the sessions they were registered at and their candidacies.

Ballots are not personal data: nothing in the ballot box points to a person or a member, by
construction (docs/assembly.md), so there is nothing of anyone's to export or erase there. The
voter roll names member clusters, not people.
"""

from typing import Any

from matchfair.assembly.models import Attendee, Candidacy
from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment


def collect(user: Any) -> dict[str, Any]:
    attendances = Attendee.objects.filter(user=user).select_related(
        "session", "cluster__organisation"
    )
    candidacies = Candidacy.objects.filter(candidate=user).select_related(
        "election__session", "cluster__organisation"
    )
    return {
        "attendances": [
            {
                "session": a.session.title,
                "date": moment(a.session.date),
                "cluster": str(a.cluster),
                "role": a.role,
                "checked_in_at": moment(a.checked_in_at),
            }
            for a in attendances
        ],
        "candidacies": [
            {
                "session": c.election.session.title,
                "position": c.election.position,
                "cluster": str(c.cluster),
                "statement_en": c.statement_en,
                "statement_bg": c.statement_bg,
                "accepted": c.accepted,
            }
            for c in candidacies
        ],
    }


def erase(user: Any) -> None:
    """Attendance goes; a candidacy in an election not yet counted is withdrawn, and one already
    counted keeps its place on the record with the statements cleared."""
    Attendee.objects.filter(user=user).delete()
    Candidacy.objects.filter(candidate=user, election__status="draft").delete()
    Candidacy.objects.filter(candidate=user).update(statement_en="", statement_bg="")


def register_sections() -> None:
    privacy.register("assembly", collect=collect, erase=erase, models=[Attendee, Candidacy])
