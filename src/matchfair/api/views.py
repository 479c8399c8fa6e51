"""Pages of the API app: personal tokens, calendar feed URLs, and the feed itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from matchfair.api.domain.tokens import (
    create_feed,
    create_token,
    registration_for_feed,
    revoke_feed,
    revoke_token,
)
from matchfair.api.forms import TokenForm
from matchfair.api.models import ApiToken, CalendarFeed, feed_url
from matchfair.events.models import Registration
from matchfair.meetings.domain.agenda import agenda_calendar, agenda_for


def _feeds_of(user):
    """Each registration of the user with its live feed, or None."""
    live = {
        feed.registration_id: feed
        for feed in CalendarFeed.objects.filter(registration__user=user, revoked__isnull=True)
    }
    registrations = (
        Registration.objects.filter(user=user).select_related("event").order_by("-event__starts_on")
    )
    return [(registration, live.get(registration.pk)) for registration in registrations]


def _tokens_page(request, form, new_key=None, new_feed=None, status=200):
    context = {
        "form": form,
        "new_key": new_key,
        "new_feed": new_feed,
        "tokens": ApiToken.objects.filter(user=request.user),
        "feeds": _feeds_of(request.user),
    }
    return render(request, "api/tokens.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    """List the caller's tokens; a POST creates one and shows its key, this once only."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, key = create_token(
                user=request.user, name=form.cleaned_data["name"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Token “%(name)s” created.") % {"name": token.name})
            # Rendered, not redirected: the key must not travel through the session or a URL.
            return _tokens_page(request, TokenForm(), new_key=key, status=201)
    return _tokens_page(request, form)


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    revoke_token(token=token, by=request.user)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("api_pages:tokens")


@login_required
@require_POST
def feed_create(request, registration):
    registration = get_object_or_404(
        Registration.objects.select_related("event"), pk=registration, user=request.user
    )
    _feed, secret = create_feed(registration=registration, by=request.user)
    messages.success(request, _("Your calendar feed URL is ready; an earlier one stopped working."))
    # Rendered, not redirected: the secret must not travel through the session or a URL.
    new_feed = {"event": registration.event, "url": request.build_absolute_uri(feed_url(secret))}
    return _tokens_page(request, TokenForm(), new_feed=new_feed, status=201)


@login_required
@require_POST
def feed_revoke(request, pk):
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("registration__event"),
        pk=pk,
        registration__user=request.user,
    )
    revoke_feed(feed=feed, by=request.user)
    messages.success(request, _("The calendar feed URL no longer works."))
    return redirect("api_pages:tokens")


@require_GET
def feed(request, token):
    """The subscribed agenda; the secret in the URL is the only credential, so no login."""
    registration = registration_for_feed(token)
    if registration is None:
        raise Http404
    response = HttpResponse(
        agenda_calendar(registration, agenda_for(registration)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, max-age=300"
    return response
