"""Pages of success stories and of the retention of shared items: the organisers' and editors'
list of confirmed agreements, the page a person's signed link opens to agree or decline, the
withdrawal from one's consent page, and the cluster's retention setting."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.community.models import Cluster
from matchfair.meetings.models import Meeting
from matchfair.outcomes.domain import retention, stories
from matchfair.outcomes.domain.ladder import ladder_of
from matchfair.outcomes.forms import RetentionForm, StoryAnswerForm
from matchfair.outcomes.models import StoryConsent
from matchfair.web import event_view, run_domain_call

story_view = event_view(
    require=permissions.can_ask_success_story,
    refusal=gettext_lazy(
        "Only the event's organisers and their clusters' newsroom editors ask for success stories."
    ),
)


def _role_id(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else None


@story_view
def story_list(request, event, context):
    """The confirmed agreements of the chosen organiser's people, each with its story."""
    roles = permissions.story_roles(request.user, event)
    chosen = _role_id(request.GET.get("role", ""))
    role = next((r for r in roles if r.pk == chosen), roles[0])
    context.update(roles=roles, role=role, agreements=stories.confirmed_agreements(event, role))
    return render(request, "outcomes/stories.html", context)


@story_view
@require_POST
def story_ask(request, event, context, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("event"), pk=pk, event=event)
    role_id = _role_id(request.POST.get("role", ""))
    back = reverse("outcomes:stories", kwargs={"event": event.slug})
    if role_id is not None:
        back += f"?role={role_id}"
    return run_domain_call(
        request,
        lambda: stories.ask_for_story(meeting=meeting, by=request.user, role_id=role_id),
        success=lambda story: (
            _("The draft is made in the newsroom.")
            if story.article_id
            else _("Each person of the meeting is asked by mail.")
        ),
        then=redirect(back),
    )


def story_answer(request, token):
    """A person's own page of a success story, opened by their link without a login."""
    try:
        answer = stories.answer_from_link(token)
    except ValidationError as error:
        return render(
            request, "outcomes/story_refused.html", {"reasons": error.messages}, status=403
        )
    here = redirect("outcomes:story_answer", token=token)
    person = answer.registration.user
    if request.method == "POST":
        if request.POST.get("action") == "withdraw":
            return run_domain_call(
                request,
                lambda: stories.withdraw_story_consent(answer=answer, by=person),
                success=_("Your consent is withdrawn; the story will not be published."),
                then=here,
            )
        form = StoryAnswerForm(request.POST)
        return run_domain_call(
            request,
            lambda: stories.answer_story(
                answer=answer,
                agree=form.cleaned_data["agree"],
                quote=form.cleaned_data["quote"],
            ),
            success=_("Thank you: your answer is saved."),
            then=here,
            form=form,
        )
    story = answer.story
    meeting = story.meeting
    others = [
        p
        for p in meeting.participants.select_related("user__organisation")
        if p.pk != answer.registration_id
    ]
    return render(
        request,
        "outcomes/story_answer.html",
        {
            "answer": answer,
            "story": story,
            "event": meeting.event,
            "person": person,
            "others": others,
            "kinds": stories.agreement_label(ladder_of(meeting)),
            "form": StoryAnswerForm(),
        },
    )


@login_required
@require_POST
def story_withdraw(request, pk):
    """Withdraw one's yes to a success story from one's consent page."""
    answer = StoryConsent.objects.filter(pk=pk, registration__user=request.user).first()
    if answer is None:
        raise Http404
    return run_domain_call(
        request,
        lambda: stories.withdraw_story_consent(answer=answer, by=request.user),
        success=_("Your consent is withdrawn; the story will not be published."),
        then=redirect("outcomes:consent"),
    )


@login_required
def retention_page(request, pk):
    """How long the cluster's people's shared items count before they must renew them."""
    cluster = get_object_or_404(Cluster.objects.select_related("organisation"), pk=pk)
    if not permissions.can_set_retention(request.user, cluster):
        raise PermissionDenied(_("Only the cluster's staff set how long shared items are kept."))
    if request.method == "POST":
        form = RetentionForm(request.POST)
        return run_domain_call(
            request,
            lambda: retention.set_retention(
                cluster=cluster, months=form.cleaned_data["months"], by=request.user
            ),
            success=_("The retention of shared items is set."),
            then=redirect("outcomes:retention", pk=cluster.pk),
            form=form,
        )
    months = retention.months_of(cluster)
    return render(
        request,
        "outcomes/retention.html",
        {"cluster": cluster, "months": months, "form": RetentionForm(initial={"months": months})},
    )
