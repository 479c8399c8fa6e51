"""The minutes of an assembly session as a PDF (ReportLab, with the reports' fonts and page
cursor): attendance, the quorum, the proxies, each motion with its figures and result, each
election with its result, rounds and ballot-board head. The secretariat downloads them at any
time and publishes them; then everyone can."""

import io
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.assembly.domain.motions import motion_outcome
from matchfair.assembly.domain.sessions import quorum
from matchfair.assembly.models import Election, Motion, Session
from matchfair.audit.domain import record
from matchfair.reports.domain.pdf import BOLD, FONT, Page, new_canvas


def publish_minutes(session: Session, *, by: Any) -> Session:
    if not permissions.can_run_assembly(by, session):
        raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))
    with transaction.atomic():
        locked = Session.objects.select_for_update().get(pk=session.pk)
        if locked.minutes_published_at is not None:
            raise ValidationError(_("The minutes are already published."))
        locked.minutes_published_at = timezone.now()
        locked.save(update_fields=["minutes_published_at"])
        record(action="assembly.minutes_published", actor=by, subject=locked)
    return locked


def _attendance(page: Page, session: Session) -> None:
    page.text(_("Attendance"), size=13, font=BOLD)
    people: dict[int, list[str]] = {}
    for attendee in session.attendees.filter(checked_in_at__isnull=False).select_related("user"):
        people.setdefault(attendee.cluster_id, []).append(
            f"{attendee.user} ({attendee.get_role_display()})"
        )
    proxies = {
        proxy.cluster_id: proxy
        for proxy in session.proxies.filter(withdrawn_at__isnull=True).select_related(
            "holder__user", "holder__cluster__organisation"
        )
    }
    for cluster in session.network.clusters.select_related("organisation").order_by(
        "organisation__name"
    ):
        if cluster.pk in people:
            line = _("%(member)s: present — %(people)s") % {
                "member": cluster,
                "people": ", ".join(people[cluster.pk]),
            }
        elif cluster.pk in proxies and proxies[cluster.pk].holder.checked_in_at:
            holder = proxies[cluster.pk].holder
            line = _("%(member)s: represented by proxy — %(holder)s (%(holder_member)s)") % {
                "member": cluster,
                "holder": holder.user,
                "holder_member": holder.cluster,
            }
        else:
            line = _("%(member)s: absent") % {"member": cluster}
        page.text(line, indent=8)
    current = quorum(session)
    page.y -= 4
    page.text(
        _(
            "Quorum: %(present)s of %(members)s members present or represented (%(by_proxy)s by"
            " proxy); %(needed)s needed (%(percent)s%%): %(verdict)s."
        )
        % {
            "present": current.present,
            "members": current.members,
            "by_proxy": current.by_proxy,
            "needed": current.needed,
            "percent": current.threshold_percent,
            "verdict": _("reached") if current.reached else _("not reached"),
        },
        font=BOLD,
    )
    handed = session.proxies.select_related(
        "cluster__organisation", "holder__user", "holder__cluster__organisation"
    )
    if handed:
        page.y -= 4
        page.text(_("Proxies"), size=11, font=BOLD)
        for proxy in handed:
            line = _("%(member)s to %(holder)s (%(holder_member)s), given %(given)s") % {
                "member": proxy.cluster,
                "holder": proxy.holder.user,
                "holder_member": proxy.holder.cluster,
                "given": formats.date_format(timezone.localtime(proxy.given_at), "j M Y H:i"),
            }
            if proxy.withdrawn_at:
                line += ", " + _("withdrawn %(when)s") % {
                    "when": formats.date_format(timezone.localtime(proxy.withdrawn_at), "j M Y H:i")
                }
            page.text(line, indent=8, size=9)


def _motion(page: Page, motion: Motion) -> None:
    label = (
        _("Amendment: %(title)s") % {"title": motion.title} if motion.amends_id else motion.title
    )
    page.text(label, size=11, font=BOLD, indent=8 if motion.amends_id else 0)
    indent = 16 if motion.amends_id else 8
    seconder = motion.seconded_by or "—"
    page.text(
        _("Moved by %(mover)s, seconded by %(seconder)s; %(threshold)s; %(kind)s vote.")
        % {
            "mover": motion.mover,
            "seconder": seconder,
            "threshold": motion.get_threshold_display(),
            "kind": _("secret") if motion.secret else _("open"),
        },
        indent=indent,
        size=9,
    )
    page.text(motion.text, indent=indent, size=9)
    if motion.status != Motion.Status.CLOSED:
        page.text(motion.get_status_display(), indent=indent, size=9, font=BOLD)
        return
    result = motion_outcome(motion)
    page.text(
        _(
            "Yes %(yes)s, no %(no)s, abstain %(abstain)s; votes cast %(cast)s of %(members)s"
            " members; %(needed)s yes needed: %(verdict)s."
        )
        % {
            "yes": result.yes,
            "no": result.no,
            "abstain": result.abstain,
            "cast": result.cast,
            "members": result.members,
            "needed": result.needed,
            "verdict": _("adopted") if result.adopted else _("rejected"),
        },
        indent=indent,
        size=9,
        font=BOLD,
    )
    if not motion.secret:
        roll = ", ".join(
            f"{vote.cluster}: {vote.get_choice_display()}"
            + (f" ({_('by proxy')})" if vote.by_proxy else "")
            for vote in motion.votes.select_related("cluster__organisation")
        )
        if roll:
            page.text(_("Roll-call: %(roll)s") % {"roll": roll}, indent=indent, size=8)


def _election(page: Page, election: Election) -> None:
    page.text(
        f"{election.get_position_display()} — {election.method}, "
        + _("%(seats)s seat(s)") % {"seats": election.seats},
        size=11,
        font=BOLD,
    )
    if not election.result:
        page.text(election.get_status_display(), indent=8, size=9)
        return
    result = election.result
    names = [c["name"] for c in result.get("candidates", [])]
    elected = ", ".join(e["name"] for e in result.get("elected", []))
    ballots = election.roll.count()
    page.text(
        _("Ballots cast: %(ballots)s. Elected: %(elected)s.")
        % {"ballots": ballots, "elected": elected or "—"},
        indent=8,
        size=9,
        font=BOLD,
    )
    for entry in result.get("rounds", []):
        votes = "; ".join(
            f"{name} {entry['votes'][i]}" for i, name in enumerate(names) if i < len(entry["votes"])
        )
        page.text(
            _("Round %(round)s (%(action)s): %(votes)s")
            % {"round": entry["round"], "action": entry["action"], "votes": votes},
            indent=8,
            size=8,
        )
    page.text(_("Ballot-board head: %(head)s") % {"head": election.board_head}, indent=8, size=8)


def minutes_pdf(session: Session, *, compress: bool | None = None) -> bytes:
    buffer = io.BytesIO()
    title = _("Minutes — %(session)s") % {"session": session.title}
    canvas = new_canvas(buffer, title=title, compress=compress)
    page = Page(canvas, title)
    page.text(title, size=16, font=BOLD)
    where = ", ".join(part for part in (session.place, session.online_url) if part)
    page.text(
        " · ".join(
            part
            for part in (str(session.network), formats.date_format(session.date, "j F Y"), where)
            if part
        ),
        font=FONT,
    )
    if session.minutes_published_at is None:
        page.text(_("Draft: not yet published."), size=9)
    page.y -= 8
    _attendance(page, session)
    page.y -= 8
    page.text(_("Agenda and motions"), size=13, font=BOLD)
    motions = list(
        session.motions.exclude(status=Motion.Status.WITHDRAWN).select_related(
            "mover__organisation", "seconded_by__organisation"
        )
    )
    for item in session.agenda.all():
        page.text(f"{item.position}. {item.title}", font=BOLD)
        for motion in (m for m in motions if m.agenda_item_id == item.pk and not m.amends_id):
            for amendment in (m for m in motions if m.amends_id == motion.pk):
                _motion(page, amendment)
            _motion(page, motion)
        page.y -= 4
    elections = list(session.elections.all())
    if elections:
        page.y -= 4
        page.text(_("Elections"), size=13, font=BOLD)
        for election in elections:
            _election(page, election)
            page.y -= 4
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
