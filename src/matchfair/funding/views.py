"""The funding pages: calls for a member, a call's members ranked, a member's CORDIS projects
to confirm, and one's subscriptions. Nothing here fetches from the portal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.community.models import Organisation
from matchfair.funding.domain.matching import calls_for, members_for
from matchfair.funding.domain.participations import decide_match
from matchfair.funding.domain.proposals import propose_consortium
from matchfair.funding.domain.subscriptions import subscribe, unsubscribe
from matchfair.funding.forms import DecisionForm, LeadForm, SubscriptionForm
from matchfair.funding.models import Participation, Subscription, Topic
from matchfair.web import run_domain_call

FLAG_TEXT = {
    "country": gettext_lazy("country: not a member state or associated country"),
    "organisation-type": gettext_lazy("organisation type: this type of action funds other kinds"),
}


def _member_or_404(request, pk) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not permissions.can_act_for_member(request.user, organisation):
        raise Http404
    return organisation


def _calls_page(request, organisation):
    rows = calls_for(organisation)
    return render(
        request,
        "funding/calls.html",
        {"organisation": organisation, "rows": rows, "flag_text": FLAG_TEXT},
    )


@login_required
def my_calls(request):
    organisation = request.user.organisation
    if organisation is None:
        return render(request, "funding/calls.html", {"organisation": None, "rows": []})
    return _calls_page(request, organisation)


@login_required
def member_calls(request, pk):
    return _calls_page(request, _member_or_404(request, pk))


@login_required
def topic(request, pk):
    if not permissions.can_rank_members(request.user):
        raise Http404
    call = get_object_or_404(Topic, pk=pk)
    clusters = permissions.funding_staff_clusters(request.user)
    members = Organisation.objects.filter(clusters__in=clusters)
    return render(
        request,
        "funding/topic.html",
        {
            "topic": call,
            "rows": members_for(call, organisations=members),
            "changes": call.changes.all()[:20],
            "flag_text": FLAG_TEXT,
            "lead_form": LeadForm(leads=members.distinct()),
            "proposals": call.proposals.filter(lead__in=members).select_related("lead")[:10],
        },
    )


@login_required
def projects(request, pk):
    organisation = _member_or_404(request, pk)
    rows = (
        Participation.objects.filter(organisation=organisation)
        .exclude(match="")
        .select_related("project")
        .order_by("match", "-project__start_date")
    )
    return render(request, "funding/projects.html", {"organisation": organisation, "rows": rows})


@login_required
@require_POST
def decide(request, pk):
    participation = get_object_or_404(
        Participation.objects.select_related("organisation"), pk=pk, organisation__isnull=False
    )
    if not permissions.can_act_for_member(request.user, participation.organisation):
        raise Http404
    form = DecisionForm(request.POST)
    return run_domain_call(
        request,
        lambda: decide_match(participation, confirm=form.cleaned_data["confirm"], by=request.user),
        form=form,
        success=lambda done: (
            _("The project is confirmed.")
            if done.match == Participation.Match.CONFIRMED
            else _("The match is rejected.")
        ),
        then=redirect("funding:projects", pk=participation.organisation_id),
    )


@login_required
def subscriptions(request):
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST":
        return run_domain_call(
            request,
            lambda: subscribe(
                user=request.user,
                programme=form.cleaned_data["programme"],
                domain=form.cleaned_data["domain"],
                by=request.user,
            ),
            form=form,
            success=_("You are subscribed."),
            then=redirect("funding:subscriptions"),
        )
    return render(
        request,
        "funding/subscriptions.html",
        {"form": form, "rows": Subscription.objects.filter(user=request.user).order_by("pk")},
    )


@login_required
@require_POST
def unsubscribe_view(request, pk):
    subscription = get_object_or_404(Subscription, pk=pk, user=request.user)
    unsubscribe(subscription, by=request.user)
    messages.success(request, _("The subscription is removed."))
    return redirect("funding:subscriptions")


@login_required
@require_POST
def build_consortium_view(request, pk):
    if not permissions.can_rank_members(request.user):
        raise Http404
    call = get_object_or_404(Topic, pk=pk)
    clusters = permissions.funding_staff_clusters(request.user)
    form = LeadForm(
        request.POST, leads=Organisation.objects.filter(clusters__in=clusters).distinct()
    )
    made = []

    def build():
        made.append(propose_consortium(topic=call, lead=form.cleaned_data["lead"], by=request.user))

    return run_domain_call(
        request,
        build,
        form=form,
        success=_("A consortium is proposed."),
        then=lambda: (
            redirect("funding:consortium", pk=made[0].pk)
            if made
            else redirect("funding:topic", pk=call.pk)
        ),
    )
