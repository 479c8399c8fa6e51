"""The site's URL map: each app's pages sit under the thing they show."""

from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from matchfair.events import views as event_views

urlpatterns = [
    path("", event_views.home, name="home"),
    path("accounts/", include("matchfair.community.urls")),
    path("e/<slug:event>/", include("matchfair.events.urls")),
    path("e/<slug:event>/", include("matchfair.meetings.urls")),
    path("e/<slug:event>/", include("matchfair.matchmaking.urls")),
    path("e/<slug:event>/console/", include("matchfair.console.urls")),
    path("e/<slug:event>/console/", include("matchfair.reports.urls")),
    path("e/<slug:event>/console/mailings/", include("matchfair.mailings.urls")),
    path("e/<slug:event>/", include("matchfair.visits.urls")),
    path("e/<slug:event>/contacts/", include("matchfair.contacts.urls")),
    path("assembly/", include("matchfair.assembly.urls")),
    path("jobs/", include("matchfair.jobs.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include("matchfair.api.urls")),
    path(
        "favicon.ico",
        lambda request: HttpResponsePermanentRedirect(static("matchfair/favicon.svg")),
    ),
]
