"""The assembly app's section of a person's data export and erasure (see
community.domain.privacy): the sessions they were registered at, their candidacies, the motions
they proposed and the proxies they handed over, the ideas they proposed, their comments and
supports, and the work plan items they are responsible for.

Ballots are not personal data: nothing in the ballot box points to a person or a member, by
construction (docs/assembly.md), so there is nothing of anyone's to export or erase there. The
voter roll names member clusters, not people.
"""

from typing import Any

from matchfair.assembly.models import (
    Attendee,
    Candidacy,
    Idea,
    IdeaComment,
    IdeaSupport,
    Motion,
    Proxy,
    WorkItem,
)
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
        "ideas": [
            {
                "title": i.title,
                "member": str(i.cluster),
                "description_en": i.description_en,
                "description_bg": i.description_bg,
                "partners_sought": i.partners_sought,
                "status": i.status,
                "created": moment(i.created),
            }
            for i in Idea.objects.filter(author=user).select_related("cluster__organisation")
        ],
        "idea_comments": [
            {"idea": c.idea.title, "comment": c.body, "created": moment(c.created)}
            for c in IdeaComment.objects.filter(author=user).select_related("idea")
        ],
        "idea_supports": [
            {"idea": s.idea.title, "member": str(s.cluster), "created": moment(s.created)}
            for s in IdeaSupport.objects.filter(user=user).select_related(
                "idea", "cluster__organisation"
            )
        ],
        "work_items": [
            {"title": w.title, "member": str(w.owner), "deadline": moment(w.deadline)}
            for w in WorkItem.objects.filter(person=user).select_related("owner__organisation")
        ],
        "motions_proposed": [
            {
                "session": m.session.title,
                "title": m.title,
                "text": m.original_text or m.text,
                "for": str(m.mover),
                "status": m.status,
            }
            for m in Motion.objects.filter(proposed_by=user).select_related(
                "session", "mover__organisation"
            )
        ],
        "proxies_handed_over": [
            {
                "session": p.session.title,
                "member": str(p.cluster),
                "holder": str(p.holder.user),
                "given_at": moment(p.given_at),
                "withdrawn_at": moment(p.withdrawn_at),
            }
            for p in Proxy.objects.filter(given_by=user).select_related(
                "session", "cluster__organisation", "holder__user"
            )
        ],
    }


def erase(user: Any) -> None:
    """Attendance goes; a candidacy in an election not yet counted is withdrawn, and one already
    counted keeps its place on the record with the statements cleared. Motions and proxies belong
    to the assembly's record (the minutes): they stay, no longer naming who proposed or handed
    them over; the member they were for stays."""
    Attendee.objects.filter(user=user).delete()
    Candidacy.objects.filter(candidate=user, election__status="draft").delete()
    Candidacy.objects.filter(candidate=user).update(statement_en="", statement_bg="")
    # Their comments go; an idea and a support belong to the member cluster, so they stay,
    # without the person's name; work plan items lose their person responsible.
    IdeaComment.objects.filter(author=user).delete()
    Idea.objects.filter(author=user).update(author=None)
    IdeaSupport.objects.filter(user=user).update(user=None)
    WorkItem.objects.filter(person=user).update(person=None)
    Motion.objects.filter(proposed_by=user).update(proposed_by=None)
    Proxy.objects.filter(given_by=user).update(given_by=None)


def register_sections() -> None:
    privacy.register(
        "assembly",
        collect=collect,
        erase=erase,
        models=[Attendee, Candidacy, Motion, Proxy, Idea, IdeaComment, IdeaSupport, WorkItem],
    )
