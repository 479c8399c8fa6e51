"""The attendee home (/home/): one card per registered event, and where a login lands."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from matchfair import permissions
from matchfair.matchmaking.domain.home import Phase, home_for


@login_required
def dashboard(request):
    homes = home_for(request.user)
    return render(
        request,
        "matchmaking/home.html",
        {"homes": homes, "has_current": any(home.phase != Phase.PAST for home in homes)},
    )


@login_required
def start(request):
    """Where a login without `next=` lands: participants of a running or coming event on their
    home, organisers and everyone else on the front page, as before."""
    if permissions.organises_any_event(request.user):
        return redirect("home")
    if any(home.phase != Phase.PAST for home in home_for(request.user)):
        return redirect("dashboard")
    return redirect("home")
