"""The organisers' participant pages: list, detail, validate or reject, exports and the setting.

The lead organiser's staff manage everyone; a co-organiser's staff only the participants their
organiser supports (`permissions.organiser_scope`). Someone else's participant is a 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.console.domain import participants as participant_domain
from matchfair.console.forms import (
    BulkDecisionForm,
    DecisionForm,
    ParticipantFilterForm,
    ValidationSettingForm,
)
from matchfair.contacts.domain.access import Where, record_views
from matchfair.events.domain.registrations import reject_registration, validate_registration
from matchfair.reports.domain.downloads import record_download
from matchfair.web import organiser_view, report_errors

PAGE_SIZE = 50


def _filtered(request, event):
    show_organiser = permissions.organiser_scope(request.user, event) is None
    managed = participant_domain.managed(request.user, event)
    form = ParticipantFilterForm(
        request.GET or None,
        event=event,
        show_organiser=show_organiser,
        country_codes=participant_domain.countries_of(managed),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = participant_domain.filtered(managed, filters)
    return form, queryset


@organiser_view
def participants(request, event, context):
    form, queryset = _filtered(request, event)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    record_views(request.user, event, [row.user_id for row in page], Where.CONSOLE)
    query = request.GET.copy()
    query.pop("page", None)
    context.update(
        form=form,
        page=page,
        query=query.urlencode(),
        is_lead=permissions.organiser_scope(request.user, event) is None,
        totals=participant_domain.totals(event),
        mine=queryset.count(),
        decision_form=DecisionForm(),
        setting_form=ValidationSettingForm(
            initial={"requires_validation": event.requires_validation}
        ),
        can_change_setting=permissions.can_manage_event(request.user, event),
    )
    return render(request, "console/participants.html", context)


def _managed_or_404(request, event, pk):
    try:
        return participant_domain.managed(request.user, event).get(pk=pk)
    except participant_domain.Registration.DoesNotExist as missing:
        raise Http404 from missing


@organiser_view
def participant_detail(request, event, context, pk):
    registration = _managed_or_404(request, event, pk)
    record_views(request.user, event, [registration.user_id], Where.CONSOLE)
    context.update(
        participant=registration,
        decision_form=DecisionForm(),
        can_decide=permissions.supports(request.user, registration),
    )
    return render(request, "console/participant.html", context)


def _decide(request, registration, action: str, reason: str) -> bool:
    if action == "validate":
        return validate_registration(registration=registration, by=request.user)
    return reject_registration(registration=registration, by=request.user, reason=reason)


@require_POST
@organiser_view
def decide(request, event, context, pk):
    registration = _managed_or_404(request, event, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        report_errors(request, form)
        return redirect("console:participant", event=event.slug, pk=pk)
    action = form.cleaned_data["action"]
    try:
        changed = _decide(request, registration, action, form.cleaned_data["reason"])
    except ValidationError as error:
        report_errors(request, error)
    else:
        name = registration.user.full_name
        if not changed:
            messages.info(request, _("Nothing changed for %(name)s.") % {"name": name})
        elif action == "validate":
            messages.success(request, _("%(name)s is validated.") % {"name": name})
        else:
            messages.success(request, _("%(name)s is rejected.") % {"name": name})
    return redirect("console:participant", event=event.slug, pk=pk)


@require_POST
@organiser_view
def bulk_decide(request, event, context):
    managed = participant_domain.managed(request.user, event)
    ids = [value for value in request.POST.getlist("ids") if value.isdigit()]
    form = BulkDecisionForm(request.POST, registrations=managed.filter(pk__in=ids))
    if not form.is_valid():
        report_errors(request, form)
        return redirect("console:participants", event=event.slug)
    changed = 0
    action = form.cleaned_data["action"]
    for registration in managed.filter(pk__in=form.cleaned_data["ids"]):
        try:
            changed += _decide(request, registration, action, form.cleaned_data["reason"])
        except ValidationError as error:
            report_errors(request, error)
    if action == "validate":
        text = ngettext(
            "%(count)d participant validated.", "%(count)d participants validated.", changed
        )
    else:
        text = ngettext(
            "%(count)d participant rejected.", "%(count)d participants rejected.", changed
        )
    messages.success(request, text % {"count": changed})
    return redirect("console:participants", event=event.slug)


@require_POST
@organiser_view
def validation_setting(request, event, context):
    if not permissions.can_manage_event(request.user, event):
        raise PermissionDenied
    form = ValidationSettingForm(request.POST)
    form.is_valid()
    value = bool(form.cleaned_data.get("requires_validation"))
    participant_domain.set_requires_validation(event=event, by=request.user, value=value)
    if value:
        messages.success(request, _("New participants now wait for validation."))
    else:
        messages.success(request, _("New participants are now validated at once."))
    return redirect("console:participants", event=event.slug)


@organiser_view
def export(request, event, context, fmt):
    _form, queryset = _filtered(request, event)
    rows = participant_domain.export_rows(queryset, event)
    name = f"{event.slug}-participants"
    if fmt == "csv":
        response = HttpResponse(
            participant_domain.export_csv(rows), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            participant_domain.export_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    # An export carries other people's personal data: who took it, and whose, is on record.
    record_download(
        kind="participants",
        by=request.user,
        event=event,
        organisers=permissions.organiser_scope(request.user, event),
        format=fmt,
        filters=request.GET.urlencode(),
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
