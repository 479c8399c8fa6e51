"""URLs under /api/: the token and feed pages, the calendar feed, and the REST API with its docs."""

from django.urls import include, path

from matchfair.api import views
from matchfair.api.api import api

pages = [
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("feeds/new/<int:registration>/", views.feed_create, name="feed_create"),
    path("feeds/<int:pk>/revoke/", views.feed_revoke, name="feed_revoke"),
    path("feeds/<str:token>.ics", views.feed, name="feed"),
]

urlpatterns = [
    path("", include((pages, "api_pages"))),
    path("", api.urls),
]
