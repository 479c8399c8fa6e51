"""Console pages where organisers create an event and the lead organiser's staff change its
settings, add and edit sessions (with their slots) and tables, so nobody needs the admin to set
up an event. Each validates a form and makes one call
to `events.domain.venue`; times are read and shown in the event's time zone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.events.domain import setup, venue
from matchfair.events.forms_setup import (
    EventForm,
    NewEventForm,
    SessionForm,
    TableForm,
    TablesForm,
)
from matchfair.events.models import Session, Table
from matchfair.web import manager_view


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.error_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error)


def _venue(event):
    return redirect("meetings:venue", event=event.slug)


@manager_view
def session_edit(request, event, context, pk=None):
    session = get_object_or_404(Session, pk=pk, event=event) if pk else None
    with timezone.override(event.zone):
        initial = (
            {
                "name": session.name,
                "name_bg": session.name_bg,
                "starts_at": timezone.localtime(session.starts_at),
                "ends_at": timezone.localtime(session.ends_at),
                "slot_minutes": session.slot_minutes,
                "is_b2b": session.is_b2b,
            }
            if session
            else {}
        )
        form = SessionForm(request.POST if request.method == "POST" else None, initial=initial)
        if request.method == "POST" and form.is_valid():
            values = form.cleaned_data
            try:
                if session is None:
                    saved = venue.add_session(event=event, by=request.user, **values)
                else:
                    saved = venue.edit_session(session=session, by=request.user, **values)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Session “%(name)s” saved with %(count)s slots.")
                    % {"name": saved.name, "count": saved.slots.count()},
                )
                return _venue(event)
        context.update(form=form, session=session)
        return render(request, "events/setup/session_form.html", context)


@manager_view
def tables_add(request, event, context):
    form = TablesForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            values = form.cleaned_data
            added = venue.add_tables(
                event=event,
                count=values["count"],
                prefix=values["name"],
                location=values["location"],
                prefix_bg=values["name_bg"],
                location_bg=values["location_bg"],
                by=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(count)s tables added: %(first)s to %(last)s.")
                % {"count": len(added), "first": added[0].name, "last": added[-1].name},
            )
            return _venue(event)
    context.update(form=form)
    return render(request, "events/setup/tables_form.html", context)


@manager_view
def table_edit(request, event, context, pk):
    table = get_object_or_404(Table, pk=pk, event=event, is_active=True)
    form = TableForm(
        request.POST if request.method == "POST" else None,
        initial={
            "name": table.name,
            "location": table.location,
            "name_bg": table.name_bg,
            "location_bg": table.location_bg,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            venue.edit_table(table=table, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Table “%(name)s” saved.") % {"name": table.name})
            return _venue(event)
    context.update(form=form, table=table)
    return render(request, "events/setup/table_form.html", context)


@login_required
def event_new(request):
    clusters = permissions.event_clusters(request.user)
    if not clusters.exists():
        raise PermissionDenied(_("Only the staff of a lead organiser can create events."))
    form = NewEventForm(request.POST if request.method == "POST" else None, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        cluster, slug = values.pop("cluster"), values.pop("slug")
        try:
            event = setup.create_event(cluster=cluster, slug=slug, by=request.user, **values)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Event “%(name)s” created. Now add its sessions and tables.")
                % {"name": event.name},
            )
            return _venue(event)
    return render(request, "events/setup/event_form.html", {"form": form, "event": None})


@manager_view
def event_edit(request, event, context):
    with timezone.override(event.zone):
        form = EventForm(request.POST if request.method == "POST" else None, instance=event)
        if request.method == "POST" and form.is_valid():
            try:
                setup.edit_event(event=event, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The event's settings are saved."))
                return redirect("events:event_edit", event=event.slug)
        context.update(form=form)
        return render(request, "events/setup/event_form.html", context)
