"""Membership pages: a person's own organisation and request, and the admins' decisions."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from matchfair.community.domain import memberships
from matchfair.community.forms import JoinOrganisationForm
from matchfair.community.models import MembershipRequest, User
from matchfair.web import run_domain_call


@login_required
@require_http_methods(["GET", "POST"])
def membership(request):
    """The person's organisation, their request and its answer, and the form to ask to join."""
    user = request.user
    form = JoinOrganisationForm(request.POST or None)
    if request.method == "POST":
        return run_domain_call(
            request,
            lambda: memberships.ask_to_join(user=user, by=user, **form.cleaned_data),
            success=lambda asked: (
                (
                    _("You are now a member and admin of %(organisation)s.")
                    if asked.status == MembershipRequest.Status.APPROVED
                    else _("You asked to join %(organisation)s; its admins will answer.")
                )
                % {"organisation": asked.organisation}
            ),
            then=redirect("community:membership"),
            form=form,
        )
    context = {
        "form": form,
        "requests": user.membership_requests.select_related("organisation").order_by("-created"),
        "pending": user.membership_requests.filter(status=MembershipRequest.Status.PENDING).first(),
    }
    return render(request, "community/membership.html", context)


@login_required
@require_POST
def withdraw(request, pk):
    asked = get_object_or_404(MembershipRequest, pk=pk, user=request.user)
    return run_domain_call(
        request,
        lambda: memberships.withdraw(request=asked, by=request.user),
        success=_("Your request is withdrawn."),
        then=redirect("community:membership"),
    )


@login_required
def requests(request):
    """What an admin decides: pending requests, and the people of the organisations they run."""
    context = {
        "pending": memberships.requests_to_decide(request.user),
        "organisations": memberships.organisations_decided_by(request.user),
    }
    return render(request, "community/membership_requests.html", context)


def _decidable(request, pk):
    """A pending request the user may decide; any other id answers 404 alike."""
    for asked in memberships.requests_to_decide(request.user):
        if asked.pk == pk:
            return asked
    raise Http404


@login_required
@require_POST
def approve(request, pk):
    asked = _decidable(request, pk)
    return run_domain_call(
        request,
        lambda: memberships.approve(request=asked, by=request.user),
        success=_("%(name)s is now a member of %(organisation)s.")
        % {"name": asked.user, "organisation": asked.organisation},
        then=redirect("community:membership_requests"),
    )


@login_required
@require_POST
def refuse(request, pk):
    asked = _decidable(request, pk)
    return run_domain_call(
        request,
        lambda: memberships.refuse(request=asked, by=request.user),
        success=_("You refused %(name)s's request.") % {"name": asked.user},
        then=redirect("community:membership_requests"),
    )


@login_required
@require_POST
def remove(request, pk, person):
    organisation = next(
        (o for o in memberships.organisations_decided_by(request.user) if o.pk == pk), None
    )
    if organisation is None:
        raise Http404
    member = get_object_or_404(User, pk=person, organisation=organisation)
    return run_domain_call(
        request,
        lambda: memberships.remove_member(
            organisation=organisation, person=member, by=request.user
        ),
        success=_("%(name)s is no longer a member of %(organisation)s.")
        % {"name": member, "organisation": organisation},
        then=redirect("community:membership_requests"),
    )
