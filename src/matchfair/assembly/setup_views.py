"""The secretariat's pages that set an assembly up: a network's sessions, a session's details and
documents, its agenda, who attends for each member, and its elections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.assembly.domain import sessions as agenda
from matchfair.assembly.domain import setup
from matchfair.assembly.models import AgendaItem, Attendee, Session, SessionDocument
from matchfair.assembly.session_forms import (
    AgendaItemForm,
    AttendeeForm,
    DocumentForm,
    ElectionForm,
    SessionForm,
)
from matchfair.community.models import Network, User
from matchfair.web import run_domain_call


def form_call(form, call):
    """Run `call` on a valid form; a domain refusal becomes the form's errors, each on its field
    where the domain names one. The call's result, or None when the form or the domain refused."""
    if not form.is_valid():
        return None
    try:
        return call()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return None


def _network(request, pk, *, running=False):
    network = get_object_or_404(Network.objects.select_related("statute__secretariat"), pk=pk)
    allowed = (
        permissions.can_set_up_assembly(request.user, network)
        if running
        else permissions.is_network_member(request.user, network)
    )
    if not allowed:
        raise PermissionDenied(
            _("Only the partnership's secretariat runs the assembly.")
            if running
            else _("Only the partnership's members see its assembly.")
        )
    return network


def _session(request, pk):
    session = get_object_or_404(Session.objects.select_related("network__statute"), pk=pk)
    if not permissions.can_set_up_assembly(request.user, session.network):
        raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))
    return session


@login_required
def sessions(request, network):
    network = _network(request, network)
    return render(
        request,
        "assembly/sessions.html",
        {
            "network": network,
            "sessions": network.assembly_sessions.select_related("event"),
            "runs": permissions.can_set_up_assembly(request.user, network),
        },
    )


@login_required
def session_new(request, network):
    network = _network(request, network, running=True)
    form = SessionForm(request.POST or None)
    if request.method == "POST":
        session = form_call(
            form, lambda: setup.create_session(network, by=request.user, **form.cleaned_data)
        )
        if session is not None:
            messages.success(request, _("The session is created. Now set its agenda."))
            return redirect("assembly:agenda", pk=session.pk)
    return render(request, "assembly/session_form.html", {"network": network, "form": form})


@login_required
def session_edit(request, pk):
    session = _session(request, pk)
    initial = {name: getattr(session, name) for name in setup.SESSION_FIELDS}
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST":
        changed = form_call(
            form, lambda: setup.change_session(session, by=request.user, **form.cleaned_data)
        )
        if changed is not None:
            messages.success(request, _("The session is saved."))
            return redirect("assembly:session", pk=session.pk)
    return render(
        request,
        "assembly/session_form.html",
        {
            "network": session.network,
            "session": session,
            "form": form,
            "document_form": DocumentForm(),
            "documents": session.documents.all(),
        },
    )


@login_required
@require_POST
def document_add(request, pk):
    session = _session(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    return run_domain_call(
        request,
        lambda: setup.add_document(
            session,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
            url=form.cleaned_data["url"],
            by=request.user,
        ),
        form=form,
        success=_("Document added."),
        then=redirect("assembly:session_edit", pk=session.pk),
    )


@login_required
@require_POST
def document_remove(request, pk):
    document = get_object_or_404(
        SessionDocument.objects.select_related("session__network__statute"), pk=pk
    )
    return run_domain_call(
        request,
        lambda: setup.remove_document(document, by=request.user),
        success=_("Document removed."),
        then=redirect("assembly:session_edit", pk=document.session_id),
    )


@login_required
def document(request, pk):
    """An uploaded PDF, for those who see the session: not under /media/, which is public."""
    found = get_object_or_404(
        SessionDocument.objects.select_related("session__network__statute"), pk=pk
    )
    if not permissions.can_see_session(request.user, found.session):
        raise PermissionDenied(_("Only the partnership's members see its assembly."))
    if not found.file:
        raise Http404
    return FileResponse(
        found.file.open("rb"),
        content_type="application/pdf",
        as_attachment=False,
        filename=f"{found.title[:80]}.pdf",
    )


@login_required
def agenda_page(request, pk):
    session = _session(request, pk)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST":
        item = form_call(
            form, lambda: agenda.add_agenda_item(session, by=request.user, **form.cleaned_data)
        )
        if item is not None:
            messages.success(request, _("“%(title)s” added to the agenda.") % {"title": item})
            return redirect("assembly:agenda", pk=session.pk)
    items = list(session.agenda.all())
    return render(
        request,
        "assembly/agenda.html",
        {
            "session": session,
            "network": session.network,
            "form": form,
            "items": [
                (item, AgendaItemForm(initial=item.__dict__, prefix=f"item-{item.pk}"))
                for item in items
            ],
            "total": sum(item.minutes for item in items),
        },
    )


def _agenda_item(request, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("session__network__statute"), pk=pk)
    if not permissions.can_set_up_assembly(request.user, item.session.network):
        raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))
    return item


@login_required
@require_POST
def agenda_item_edit(request, pk):
    item = _agenda_item(request, pk)
    form = AgendaItemForm(request.POST, prefix=f"item-{item.pk}")
    return run_domain_call(
        request,
        lambda: agenda.change_agenda_item(item, by=request.user, **form.cleaned_data),
        form=form,
        success=_("Agenda item saved."),
        then=redirect("assembly:agenda", pk=item.session_id),
    )


@login_required
@require_POST
def agenda_item_move(request, pk):
    item = _agenda_item(request, pk)
    return run_domain_call(
        request,
        lambda: agenda.move_agenda_item(
            item, up=request.POST.get("direction") != "down", by=request.user
        ),
        success=_("Agenda reordered."),
        then=redirect("assembly:agenda", pk=item.session_id),
    )


@login_required
@require_POST
def agenda_item_remove(request, pk):
    item = _agenda_item(request, pk)
    return run_domain_call(
        request,
        lambda: agenda.remove_agenda_item(item, by=request.user),
        success=_("Agenda item removed."),
        then=redirect("assembly:agenda", pk=item.session_id),
    )


@login_required
def attendees_page(request, pk):
    """Each member with its voting delegate and substitutes, and the form to register them."""
    session = _session(request, pk)
    form = AttendeeForm(request.POST or None, network=session.network)
    if request.method == "POST":

        def register():
            user = User.objects.filter(email__iexact=form.cleaned_data["email"]).first()
            if user is None:
                raise ValidationError({"email": _("Nobody has an account with this e-mail.")})
            return agenda.register_attendee(
                session,
                cluster=form.cleaned_data["cluster"],
                user=user,
                role=form.cleaned_data["role"],
                by=request.user,
            )

        attendee = form_call(form, register)
        if attendee is not None:
            messages.success(request, _("%(name)s is registered.") % {"name": attendee.user})
            return redirect("assembly:attendees", pk=session.pk)
    registered = {}
    for attendee in session.attendees.select_related("user"):
        registered.setdefault(attendee.cluster_id, []).append(attendee)
    members = [
        (
            cluster,
            [a for a in registered.get(cluster.pk, []) if a.role == Attendee.Role.DELEGATE],
            [a for a in registered.get(cluster.pk, []) if a.role == Attendee.Role.SUBSTITUTE],
        )
        for cluster in session.network.clusters.select_related("organisation")
    ]
    return render(
        request,
        "assembly/attendees.html",
        {"session": session, "network": session.network, "form": form, "members": members},
    )


@login_required
@require_POST
def attendee_remove(request, pk):
    attendee = get_object_or_404(
        Attendee.objects.select_related("session__network__statute", "user"), pk=pk
    )
    return run_domain_call(
        request,
        lambda: agenda.unregister_attendee(attendee, by=request.user),
        success=_("%(name)s is no longer registered.") % {"name": attendee.user},
        then=redirect("assembly:attendees", pk=attendee.session_id),
    )


@login_required
@require_POST
def register_delegates(request, pk):
    session = _session(request, pk)
    return run_domain_call(
        request,
        lambda: agenda.register_network_delegates(session, by=request.user),
        success=lambda added: (
            ngettext(
                "%(n)s standing delegate registered.", "%(n)s standing delegates registered.", added
            )
            % {"n": added}
        ),
        then=redirect("assembly:attendees", pk=session.pk),
    )


@login_required
def election_new(request, pk):
    session = _session(request, pk)
    form = ElectionForm(request.POST or None)
    if request.method == "POST":
        election = form_call(
            form, lambda: setup.create_election(session, by=request.user, **form.cleaned_data)
        )
        if election is not None:
            messages.success(request, _("The election is open for nominations."))
            return redirect("assembly:session", pk=session.pk)
    return render(
        request,
        "assembly/election_form.html",
        {"session": session, "network": session.network, "form": form},
    )
