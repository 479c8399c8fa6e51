"""Mailing pages of the organiser console: list, compose with preview, send, and the outbox."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.mailings.domain.announcements import announce_booking
from matchfair.mailings.domain.mailings import mailings_visible_to, preview, send_mailing
from matchfair.mailings.forms import BookingAnnouncementForm, MailingForm
from matchfair.outbox.domain import stuck_messages
from matchfair.outbox.models import Message
from matchfair.web import event_context


def _mailing_context(request, slug):
    event, context = event_context(
        request,
        slug,
        require=permissions.is_organiser,
        refusal=_("Only the event's organisers can send mailings."),
    )
    own = permissions.organiser_scope(request.user, event)
    organisers = event.organisers.all()
    if own is not None:
        organisers = organisers.filter(pk__in=[role.pk for role in own])
    return event, context, organisers, own is not None


def _report(request, error):
    if hasattr(error, "message_dict"):
        for field, texts in error.message_dict.items():
            for text in texts:
                messages.error(request, text if field == "__all__" else f"{field}: {text}")
    else:
        for text in error.messages:
            messages.error(request, text)


@login_required
def index(request, event):
    event, context, _organisers, _limited = _mailing_context(request, event)
    is_lead = permissions.can_manage_event(request.user, event)
    context.update(
        mailings=mailings_visible_to(event=event, user=request.user)[:50],
        is_lead=is_lead,
        booking_form=BookingAnnouncementForm(),
    )
    if is_lead:
        context["outbox"] = {
            row["status"]: row["count"]
            for row in Message.objects.filter(event=event)
            .values("status")
            .annotate(count=Count("pk"))
        }
        context["stuck"] = stuck_messages().filter(event=event).count()
        context["failed"] = Message.objects.filter(event=event, status="failed")[:20]
    return render(request, "mailings/index.html", context)


@login_required
def compose(request, event):
    event, context, organisers, limited = _mailing_context(request, event)
    if request.method != "POST":
        form = MailingForm(initial={"token": uuid.uuid4()}, organisers=organisers, limited=limited)
        context.update(form=form)
        return render(request, "mailings/compose.html", context)
    form = MailingForm(request.POST, organisers=organisers, limited=limited)
    if form.is_valid():
        values = form.cleaned_data
        arguments = {
            "event": event,
            "by": request.user,
            "subject": values["subject"],
            "body": values["body"],
            "audience_name": values["audience"],
            "organiser": values["organiser"],
        }
        try:
            if request.POST.get("action") == "send":
                mailing = send_mailing(**arguments, token=values["token"])
                messages.success(
                    request,
                    _("The mailing is on its way to %(count)s participants.")
                    % {"count": mailing.recipients},
                )
                return redirect("mailings:detail", event=event.slug, pk=mailing.pk)
            context["preview"] = preview(**arguments)
        except ValidationError as error:
            _report(request, error)
    context.update(form=form)
    return render(request, "mailings/compose.html", context)


@login_required
def detail(request, event, pk):
    event, context, _organisers, _limited = _mailing_context(request, event)
    mailing = get_object_or_404(mailings_visible_to(event=event, user=request.user), pk=pk)
    context.update(
        mailing=mailing,
        statuses={
            row["status"]: row["count"]
            for row in Message.objects.filter(batch=mailing.outbox_batch)
            .values("status")
            .annotate(count=Count("pk"))
        },
    )
    return render(request, "mailings/detail.html", context)


@login_required
@require_POST
def booking(request, event):
    event, _context, _organisers, _limited = _mailing_context(request, event)
    form = BookingAnnouncementForm(request.POST)
    if form.is_valid():
        try:
            count = announce_booking(
                event=event, moment=form.cleaned_data["moment"], by=request.user
            )
        except ValidationError as error:
            _report(request, error)
        else:
            messages.success(
                request,
                _("%(count)s participants will receive the announcement.") % {"count": count},
            )
    return redirect("mailings:index", event=event.slug)
