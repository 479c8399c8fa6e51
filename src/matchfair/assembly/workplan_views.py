"""The work plan's pages: the members' progress page, an item with its milestones, and the
secretariat's additions, changes, CSV export and import."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.assembly.domain import workplan, workplan_csv
from matchfair.assembly.forms import (
    MilestoneForm,
    ProgressForm,
    WorkItemForm,
    WorkPlanImportForm,
)
from matchfair.assembly.models import Idea, Milestone, WorkItem
from matchfair.community.models import Network, User
from matchfair.newsroom import markup
from matchfair.web import run_domain_call


def _network(request, pk):
    network = get_object_or_404(Network.objects.select_related("statute"), pk=pk)
    if not permissions.can_see_work_plan(request.user, network):
        raise PermissionDenied(_("Only the partnership's members see its work plan."))
    return network


def _running(request, network):
    if not permissions.can_run_work_plan(request.user, network):
        raise PermissionDenied(_("Only the partnership's secretariat runs the work plan."))


def _item(request, pk):
    item = get_object_or_404(
        WorkItem.objects.select_related(
            "network__statute", "owner__organisation", "person", "adopted_by__session"
        ),
        pk=pk,
    )
    if not permissions.can_see_work_plan(request.user, item.network):
        raise PermissionDenied(_("Only the partnership's members see its work plan."))
    return item


@login_required
def work_plan(request, network):
    """The progress page: every item with its owner, deadline, status, progress and milestones."""
    network = _network(request, network)
    items = list(
        WorkItem.objects.filter(network=network)
        .select_related("owner__organisation", "person", "adopted_by")
        .prefetch_related(
            "milestones", Prefetch("ideas", queryset=Idea.objects.only("pk", "title", "work_item"))
        )
        .annotate(
            milestone_count=Count("milestones", distinct=True),
            milestones_done=Count("milestones", filter=Q(milestones__done=True), distinct=True),
        )
        # A grouped query drops the model's ordering: say it again.
        .order_by("deadline", "pk")
    )
    today = timezone.localdate()
    counts = {status: 0 for status in WorkItem.Status.values}
    for item in items:
        counts[item.status] += 1
    runs = permissions.can_run_work_plan(request.user, network)
    return render(
        request,
        "assembly/work_plan.html",
        {
            "network": network,
            "items": items,
            "today": today,
            "soon": today + dt.timedelta(days=14),
            "counts": [(label, counts[value]) for value, label in WorkItem.Status.choices],
            "overall": round(sum(i.progress for i in items) / len(items)) if items else 0,
            "runs": runs,
            "form": WorkItemForm(network=network) if runs else None,
        },
    )


@login_required
@require_POST
def add_item(request, network):
    network = _network(request, network)
    _running(request, network)
    form = WorkItemForm(request.POST, network=network)

    return run_domain_call(
        request,
        lambda: workplan.add_item(
            network=network, **_item_fields(form.cleaned_data), by=request.user
        ),
        success=_("The item is in the work plan."),
        then=redirect("assembly:work_plan", network=network.pk),
        form=form,
    )


@login_required
def item_page(request, pk):
    item = _item(request, pk)
    runs = permissions.can_run_work_plan(request.user, item.network)
    reports = permissions.can_report_progress(request.user, item)
    return render(
        request,
        "assembly/work_item.html",
        {
            "item": item,
            "network": item.network,
            "description": markup.render(item.description),
            "milestones": item.milestones.all(),
            "ideas": item.ideas.only("pk", "title"),
            "runs": runs,
            "reports": reports,
            "progress_form": ProgressForm(
                initial={"status": item.status, "progress": item.progress}
            )
            if reports
            else None,
            "milestone_form": MilestoneForm() if runs else None,
            "edit_form": WorkItemForm(
                network=item.network,
                initial={
                    "title": item.title,
                    "description": item.description,
                    "owner": item.owner_id,
                    "person_email": item.person.email if item.person else "",
                    "deadline": item.deadline,
                    "adopted_by": item.adopted_by_id,
                },
            )
            if runs
            else None,
        },
    )


def _item_fields(data):
    """What the item form says, as the domain's keyword arguments."""
    return {
        "title": data["title"],
        "description": data["description"],
        "owner": data["owner"],
        "person": _person(data["person_email"]),
        "deadline": data["deadline"],
        "adopted_by": data["adopted_by"],
    }


def _person(email):
    """The account with this address, or None for none given."""
    if not email:
        return None
    person = User.objects.filter(email__iexact=email).first()
    if person is None:
        raise ValidationError({"person_email": _("Nobody has this address.")})
    return person


@login_required
@require_POST
def edit_item(request, pk):
    item = _item(request, pk)
    _running(request, item.network)
    form = WorkItemForm(request.POST, network=item.network)

    return run_domain_call(
        request,
        lambda: workplan.change_item(item, **_item_fields(form.cleaned_data), by=request.user),
        success=_("The item is changed."),
        then=redirect("assembly:work_item", pk=item.pk),
        form=form,
    )


@login_required
@require_POST
def report_progress(request, pk):
    item = _item(request, pk)
    if not permissions.can_report_progress(request.user, item):
        raise PermissionDenied(
            _("Only the person responsible or the secretariat reports progress.")
        )
    form = ProgressForm(request.POST)
    return run_domain_call(
        request,
        lambda: workplan.report_progress(
            item,
            status=form.cleaned_data["status"],
            progress=form.cleaned_data["progress"],
            by=request.user,
        ),
        success=_("Progress saved."),
        then=redirect("assembly:work_item", pk=item.pk),
        form=form,
    )


@login_required
@require_POST
def add_milestone(request, pk):
    item = _item(request, pk)
    _running(request, item.network)
    form = MilestoneForm(request.POST)
    return run_domain_call(
        request,
        lambda: workplan.add_milestone(item, by=request.user, **form.cleaned_data),
        success=_("Milestone added."),
        then=redirect("assembly:work_item", pk=item.pk),
        form=form,
    )


@login_required
@require_POST
def milestone_done(request, pk):
    milestone = get_object_or_404(Milestone.objects.select_related("item__network__statute"), pk=pk)
    if not permissions.can_report_progress(request.user, milestone.item):
        raise PermissionDenied(
            _("Only the person responsible or the secretariat reports progress.")
        )
    done = request.POST.get("done") == "1"
    return run_domain_call(
        request,
        lambda: workplan.set_milestone_done(milestone, done=done, by=request.user),
        success=_("Milestone done.") if done else _("Milestone open again."),
        then=redirect("assembly:work_item", pk=milestone.item_id),
    )


@login_required
def export_csv(request, network):
    network = _network(request, network)
    _running(request, network)
    response = HttpResponse(
        workplan_csv.export_csv(network), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="work-plan-{network.pk}.csv"'
    return response


@login_required
def import_csv(request, network):
    network = _network(request, network)
    _running(request, network)
    form = WorkPlanImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            rows = workplan_csv.read_csv(form.cleaned_data["file"].read())
            result = workplan_csv.import_items(network=network, rows=rows, by=request.user)
        except workplan_csv.WorkPlanImportError as error:
            errors = [str(row) for row in error.row_errors]
        except ValidationError as error:
            errors = list(error.messages)
        else:
            messages.success(
                request,
                _("%(created)s items added, %(updated)s updated.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("assembly:work_plan", network=network.pk)
    return render(
        request,
        "assembly/work_plan_import.html",
        {"network": network, "form": form, "errors": errors, "columns": workplan_csv.COLUMNS},
    )
