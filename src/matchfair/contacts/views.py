"""Contact pages: my contacts with filters, add from a badge or a card, edit, delete, the list
shared with my clusters, and the vCard and CSV downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from matchfair import permissions
from matchfair.contacts.domain.access import Where, record_views, views_of
from matchfair.contacts.domain.contacts import (
    CARD_FIELDS,
    NOTE_FIELDS,
    add_contact,
    delete_contact,
    update_contact,
)
from matchfair.contacts.domain.exports import csv_file, vcard_file
from matchfair.contacts.domain.queries import (
    my_contacts,
    shared_contacts,
    shown_people,
    with_details,
)
from matchfair.contacts.forms import ContactFilterForm, ContactForm
from matchfair.contacts.models import Contact
from matchfair.events.models import Registration
from matchfair.web import event_context, participant_view, report_errors


def _own_contact(request, context, pk) -> Contact:
    contact = get_object_or_404(
        Contact.objects.select_related("owner__user", "registration__user__organisation"),
        pk=pk,
        event=context["event"],
    )
    if not permissions.can_edit_contact(request.user, contact):
        raise Http404
    return contact


def _filters(request) -> tuple[ContactFilterForm, dict]:
    form = ContactFilterForm(request.GET or None)
    if not form.is_bound:
        return form, {}
    form.is_valid()
    return form, {
        "follow_up_open": form.cleaned_data.get("follow_up_open") or False,
        "where": form.cleaned_data.get("where") or "",
        "text": (form.cleaned_data.get("text") or "").strip(),
    }


@participant_view
def contact_list(request, event, context):
    form, filters = _filters(request)
    contacts = my_contacts(context["my_registration"], **filters)
    rows = with_details(request.user, contacts)
    record_views(request.user, event, shown_people(rows), Where.CONTACTS)
    context.update(
        filter_form=form,
        rows=rows,
        filtered=bool(filters),
        can_see_shared=permissions.can_see_shared_contacts(request.user),
    )
    return render(request, "contacts/list.html", context)


@participant_view
@require_http_methods(["GET", "POST"])
def contact_add(request, event, context):
    owner = context["my_registration"]
    form = ContactForm(request.POST or None, owner=owner)
    if request.method == "POST" and form.is_valid():
        try:
            contact = add_contact(owner=owner, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s is in your contacts.") % {"name": contact.name})
            return redirect("contacts:list", event=event.slug)
    context.update(form=form, contact=None)
    return render(request, "contacts/form.html", context)


@participant_view
@require_POST
def contact_add_participant(request, event, context, pk):
    """The button on a participant's page, where a scanned badge leads."""
    registration = get_object_or_404(Registration, pk=pk, event=event)
    try:
        contact = add_contact(
            owner=context["my_registration"], by=request.user, registration=registration
        )
    except ValidationError as error:
        report_errors(request, error)
        return redirect(registration.get_absolute_url())
    messages.success(
        request,
        _("%(name)s is in your contacts. Add where you met and a note.") % {"name": contact.name},
    )
    return redirect("contacts:edit", event=event.slug, pk=contact.pk)


@participant_view
@require_http_methods(["GET", "POST"])
def contact_edit(request, event, context, pk):
    contact = _own_contact(request, context, pk)
    scanned = contact.registration_id is not None
    form = ContactForm(
        request.POST or None, instance=contact, owner=context["my_registration"], scanned=scanned
    )
    if request.method == "POST" and form.is_valid():
        names = NOTE_FIELDS if scanned else CARD_FIELDS + NOTE_FIELDS
        try:
            update_contact(
                contact=Contact.objects.get(pk=contact.pk),
                by=request.user,
                **{name: form.cleaned_data[name] for name in names},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The contact is saved."))
            return redirect("contacts:list", event=event.slug)
    context.update(form=form, contact=Contact.objects.get(pk=contact.pk), scanned=scanned)
    return render(request, "contacts/form.html", context)


@participant_view
@require_POST
def contact_delete(request, event, context, pk):
    contact = _own_contact(request, context, pk)
    delete_contact(contact=contact, by=request.user)
    messages.success(request, _("The contact is removed."))
    return redirect("contacts:list", event=event.slug)


@login_required
def shared(request, event):
    event, context = event_context(request, event)
    if not permissions.can_see_shared_contacts(request.user):
        raise Http404
    rows = with_details(request.user, shared_contacts(request.user, event))
    record_views(request.user, event, shown_people(rows), Where.SHARED)
    context.update(
        rows=rows,
        clusters=permissions.clusters_of(request.user).select_related("organisation"),
    )
    return render(request, "contacts/shared.html", context)


def _download(content: str, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content.encode("utf-8"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@participant_view
def export_vcard(request, event, context):
    contacts = my_contacts(context["my_registration"])
    record_views(
        request.user, event, shown_people(with_details(request.user, contacts)), Where.EXPORT
    )
    return _download(
        vcard_file(request.user, contacts),
        content_type="text/vcard; charset=utf-8",
        filename=f"contacts-{event.slug}.vcf",
    )


@participant_view
def export_csv(request, event, context):
    contacts = my_contacts(context["my_registration"])
    record_views(
        request.user, event, shown_people(with_details(request.user, contacts)), Where.EXPORT
    )
    return _download(
        csv_file(request.user, contacts),
        content_type="text/csv; charset=utf-8",
        filename=f"contacts-{event.slug}.csv",
    )


@login_required
def details_viewed(request):
    """Who was shown my contact details, when and where: my own access log."""
    page = Paginator(views_of(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "contacts/details_viewed.html", {"page": page})
