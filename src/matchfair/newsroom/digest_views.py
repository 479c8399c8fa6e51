"""The digest newsletter's pages: a signed-in person chooses the kinds and the language of the
weekly digest, and the signed link in every digest unsubscribes without logging in."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from matchfair.newsroom.domain import newsletter
from matchfair.newsroom.forms import DigestForm
from matchfair.newsroom.models import DigestSubscription
from matchfair.web import run_domain_call


@login_required
@require_http_methods(["GET", "POST"])
def digest(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    subscription = DigestSubscription.objects.filter(user=user).first()
    initial = {
        "kinds": subscription.kind_codes if subscription else ["news"],
        "language": subscription.language if subscription else user.language or "en",
    }
    if request.method == "POST":
        form = DigestForm(request.POST)
        return run_domain_call(
            request,
            lambda: newsletter.subscribe(
                user=user,
                kinds=form.cleaned_data["kinds"],
                language=form.cleaned_data["language"],
            ),
            form=form,
            success=_("You will receive the weekly digest."),
            then=redirect("newsroom:digest"),
        )
    return render(
        request,
        "newsroom/digest.html",
        {"form": DigestForm(initial=initial), "subscription": subscription},
    )


@login_required
@require_POST
def digest_stop(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    subscription = DigestSubscription.objects.filter(user=user).first()
    if subscription is not None:
        newsletter.unsubscribe(subscription, by=user)
    return redirect("newsroom:digest")


# The signed token is the credential, so no session and no CSRF token are needed: a mail
# program's one-click unsubscribe (RFC 8058, the digest's List-Unsubscribe-Post header) posts
# `List-Unsubscribe=One-Click` to the link from its own servers, with neither a cookie nor a
# token. CSRF protection guards a signed-in session, and this URL uses none: a forged post
# needs the token, which only the subscriber's mail holds, and can only unsubscribe that one
# subscription. Every other POST of the site keeps its CSRF check. A GET only asks, because
# mail scanners and link previews open links.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription = newsletter.subscription_of_token(token)
    done = False
    if request.method == "POST" and subscription is not None:
        newsletter.unsubscribe(subscription, by=subscription.user)
        done = True
    response = render(
        request,
        "newsroom/digest_unsubscribe.html",
        {"subscription": subscription, "done": done},
    )
    if subscription is None and not done:
        response.status_code = 404
    return response
