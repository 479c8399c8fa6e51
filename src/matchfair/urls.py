"""The site's URL map: each app's pages sit under the thing they show."""

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.static import serve

from matchfair.contacts import views as contact_views
from matchfair.events import views_setup as event_setup_views
from matchfair.matchmaking import views_home
from matchfair.newsroom import views as newsroom_views

urlpatterns = [
    path("", newsroom_views.front, name="home"),
    path("home/", views_home.dashboard, name="dashboard"),
    path("start/", views_home.start, name="start"),
    path("news/", include("matchfair.newsroom.urls")),
    path("accounts/", include("matchfair.community.urls")),
    path("accounts/me/details-viewed/", contact_views.details_viewed, name="details_viewed"),
    path("events/new/", event_setup_views.event_new, name="event_new"),
    path("e/<slug:event>/", include("matchfair.events.urls")),
    path("e/<slug:event>/", include("matchfair.meetings.urls")),
    path("e/<slug:event>/", include("matchfair.matchmaking.urls")),
    path("e/<slug:event>/console/", include("matchfair.console.urls")),
    path("e/<slug:event>/console/", include("matchfair.reports.urls")),
    path("e/<slug:event>/console/mailings/", include("matchfair.mailings.urls")),
    path("e/<slug:event>/", include("matchfair.visits.urls")),
    path("e/<slug:event>/contacts/", include("matchfair.contacts.urls")),
    path("", include("matchfair.outcomes.urls")),
    path("funding/", include("matchfair.funding.urls")),
    path("assembly/", include("matchfair.assembly.urls")),
    path("jobs/", include("matchfair.jobs.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include("matchfair.api.urls")),
    # Only the public files: the newsroom's image renditions and attachments, and the photos and
    # logos on cards (random names; a file's name is known only from a page that shows it).
    re_path(
        r"^media/(?P<path>(?:newsroom/(?:images|attachments)|people/photos|organisations/logos)"
        r"/(?:[\w-]+/)*[\w-]+\.\w+)$",  # no ".." segment: nothing outside these folders
        # MEDIA_ROOT is read on each request, not when the URLs are loaded.
        lambda request, path: serve(request, path, document_root=str(settings.MEDIA_ROOT)),
    ),
    path(
        "favicon.ico",
        lambda request: HttpResponsePermanentRedirect(static("matchfair/favicon.svg")),
    ),
]
