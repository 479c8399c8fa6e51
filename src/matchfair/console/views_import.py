"""Importing participants in three steps, upload → map the columns → review and import; the page
where an imported person sets the password of the account made for them, and the one where the
owner of an existing account confirms or declines the registration an import asked for."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.console.domain import importing, pending_registrations, tabular
from matchfair.console.forms import ImportForm, MappingForm, UploadForm
from matchfair.console.models import ImportBatch, PendingRegistration
from matchfair.web import event_context, organiser_view, report_errors, run_domain_call


def _batch_or_404(request, event, pk) -> ImportBatch:
    batch = get_object_or_404(ImportBatch.objects.select_related("organiser"), pk=pk, event=event)
    if not permissions.can_open_import(request.user, batch):
        raise Http404
    return batch


@organiser_view
def upload(request, event, context):
    organisers = permissions.import_organisers(request.user, event)
    posted = request.method == "POST"
    form = UploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        organisers=organisers,
    )
    if request.method == "POST" and form.is_valid():
        try:
            batch = importing.create_batch(
                event=event,
                organiser=form.cleaned_data["organiser"],
                by=request.user,
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("console:import_mapping", event=event.slug, pk=batch.pk)
    batches = ImportBatch.objects.filter(event=event, organiser__in=organisers).select_related(
        "organiser__cluster__organisation", "created_by"
    )[:20]
    context.update(form=form, batches=batches, fields=tabular.FIELDS)
    return render(request, "console/import_upload.html", context)


@organiser_view
def mapping(request, event, context, pk):
    batch = _batch_or_404(request, event, pk)
    if batch.status != ImportBatch.Status.UPLOADED:
        return redirect("console:import_review", event=event.slug, pk=batch.pk)
    samples = [row["cells"] for row in batch.rows[:5]]
    initial = batch.mapping or tabular.guess_mapping(batch.headers)
    form = MappingForm(
        request.POST if request.method == "POST" else None,
        headers=batch.headers,
        samples=samples,
        initial_mapping=initial,
        initial_defaults=batch.defaults or importing.suggested_defaults(batch),
    )
    if request.method == "POST" and form.is_valid():
        try:
            importing.set_mapping(
                batch=batch, by=request.user, mapping=form.mapping(), defaults=form.defaults()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("console:import_review", event=event.slug, pk=batch.pk)
    context.update(batch=batch, form=form, samples=samples)
    return render(request, "console/import_mapping.html", context)


@organiser_view
def review(request, event, context, pk):
    batch = _batch_or_404(request, event, pk)
    form = ImportForm(request.POST if request.method == "POST" else None)
    if batch.status == ImportBatch.Status.UPLOADED and not batch.mapping:
        return redirect("console:import_mapping", event=event.slug, pk=batch.pk)
    if request.method == "POST" and form.is_valid():
        try:
            report = importing.import_batch(
                batch=batch, by=request.user, only_valid=form.cleaned_data["only_valid"]
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(
                request,
                _(
                    "%(imported)d participants imported; %(invited)d invited to set a password; "
                    "%(asked)d with an account already asked to confirm."
                )
                % report,
            )
            return redirect("console:import_review", event=event.slug, pk=batch.pk)
    result = importing.review(batch) if batch.status == ImportBatch.Status.UPLOADED else None
    context.update(batch=batch, form=form, result=result, filled=importing.filled_in(batch))
    return render(request, "console/import_review.html", context)


@require_POST
@organiser_view
def cancel(request, event, context, pk):
    batch = _batch_or_404(request, event, pk)
    try:
        importing.cancel_batch(batch=batch, by=request.user)
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(request, _("The import is cancelled; its rows are deleted."))
    return redirect("console:import", event=event.slug)


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The link of an invitation: an imported person chooses the password of their account."""

    template_name = "console/set_password.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        _event, event_data = event_context(self.request, self.kwargs["event"])
        context.update(event_data)
        return context

    def get_success_url(self):
        messages.success(self.request, _("Your password is set; welcome."))
        return reverse("events:detail", kwargs={"event": self.kwargs["event"]})


@login_required
def confirm_registration(request, event, pk):
    event, context = event_context(request, event)
    pending = get_object_or_404(
        PendingRegistration.objects.select_related("organiser__cluster__organisation"),
        event=event,
        pk=pk,
    )
    if not permissions.can_confirm_registration(request.user, pending):
        raise Http404
    if request.method == "POST":
        accept = request.POST.get("answer") == "confirm"
        return run_domain_call(
            request,
            lambda: pending_registrations.answer(pending=pending, accept=accept, by=request.user),
            success=_("You are registered.") if accept else _("You declined the registration."),
            then=lambda: redirect("events:detail", event=event.slug),
        )
    context.update(pending=pending)
    return render(request, "console/confirm_registration.html", context)
