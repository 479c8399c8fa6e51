"""Nominations and the candidate's acceptance, and the attendee's badge with its check-in QR and
the secretariat's scan of it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.assembly.domain.badges import badge_qr_svg, scan_badge
from matchfair.assembly.domain.candidacies import accept, nominate
from matchfair.assembly.models import Attendee, Candidacy, Election
from matchfair.assembly.session_forms import NominationForm, StatementForm
from matchfair.assembly.setup_views import form_call
from matchfair.community.models import User


@login_required
def nominate_page(request, pk):
    election = get_object_or_404(Election.objects.select_related("session__network"), pk=pk)
    session = election.session
    nominating = permissions.nominating_for(request.user, session)
    if not nominating:
        raise PermissionDenied(_("Only a member's delegate or substitute nominates for it."))
    form = NominationForm(request.POST or None, session=session, nominating=nominating)
    if request.method == "POST":

        def call():
            candidate = User.objects.filter(email__iexact=form.cleaned_data["email"]).first()
            if candidate is None:
                raise ValidationError({"email": _("Nobody has an account with this e-mail.")})
            return nominate(
                election,
                nominated_by=form.cleaned_data["nominated_by"],
                cluster=form.cleaned_data["cluster"],
                candidate=candidate,
                by=request.user,
            )

        candidacy = form_call(form, call)
        if candidacy is not None:
            messages.success(
                request,
                _("%(name)s is nominated; they accept on their candidacy page.")
                % {"name": candidacy.candidate},
            )
            return redirect("assembly:session", pk=session.pk)
    return render(
        request,
        "assembly/nominate.html",
        {
            "election": election,
            "session": session,
            "form": form,
            "candidacies": election.candidacies.select_related(
                "candidate", "cluster__organisation"
            ),
        },
    )


@login_required
def candidacy_page(request, pk):
    """The candidate reads the nomination and accepts with a statement in both languages."""
    candidacy = get_object_or_404(
        Candidacy.objects.select_related(
            "election__session__network", "cluster__organisation", "nominated_by__organisation"
        ),
        pk=pk,
    )
    if not permissions.can_accept_candidacy(request.user, candidacy):
        raise PermissionDenied(_("Only the candidate accepts a candidacy."))
    form = StatementForm(
        request.POST or None,
        initial={"statement_en": candidacy.statement_en, "statement_bg": candidacy.statement_bg},
    )
    if request.method == "POST":
        accepted = form_call(form, lambda: accept(candidacy, by=request.user, **form.cleaned_data))
        if accepted is not None:
            messages.success(
                request,
                _("You stand for the %(position)s.")
                % {"position": candidacy.election.get_position_display()},
            )
            return redirect("assembly:session", pk=candidacy.election.session_id)
    return render(request, "assembly/candidacy.html", {"candidacy": candidacy, "form": form})


def _attendee(request, pk):
    attendee = get_object_or_404(
        Attendee.objects.select_related("session__network__statute", "user", "cluster"), pk=pk
    )
    if not permissions.can_see_badge(request.user, attendee):
        raise PermissionDenied(_("Only the attendee and the secretariat see this badge."))
    return attendee


@login_required
def badge(request, pk):
    """A card to print or show on a phone: the person, the member, the session, the QR."""
    return render(request, "assembly/badge.html", {"attendee": _attendee(request, pk)})


@login_required
def badge_qr(request, pk):
    response = HttpResponse(badge_qr_svg(_attendee(request, pk)), content_type="image/svg+xml")
    # The QR holds the attendee's check-in token: kept out of shared caches.
    response["Cache-Control"] = "private, no-store"
    return response


SCAN_STATUS = {"checked-in": 200, "already": 200, "invalid": 400, "foreign": 403, "expired": 410}


@login_required
def scan(request, token):
    """A secretariat member's phone opened a badge's QR: the attendee is checked in. Checking in
    twice changes nothing, so opening the address is the check-in (no second tap)."""
    found = scan_badge(token, by=request.user)
    return render(
        request,
        "assembly/scan.html",
        {"scan": found, "attendee": found.attendee},
        status=SCAN_STATUS[found.outcome],
    )
