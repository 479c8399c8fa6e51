"""The newsroom's URLs, under /news/: the archive and articles, the feeds, search, the desk."""

from django.urls import path

from matchfair.newsroom import digest_views, views
from matchfair.newsroom.feeds import feed

app_name = "newsroom"
urlpatterns = [
    path("", views.archive, name="archive"),
    path("search/", views.search, name="search"),
    path("<int:pk>/", views.article_by_id, name="article_by_id"),
    path("<int:pk>/<str:slug>/", views.article, name="article"),
    path("feed/<str:fmt>/", feed, name="feed"),
    path("feed/<str:language>/<str:fmt>/", feed, name="feed_language"),
    path("feed/<str:language>/<str:fmt>/kind/<str:kind>/", feed, name="feed_kind"),
    path("feed/<str:language>/<str:fmt>/tag/<str:tag>/", feed, name="feed_tag"),
    path(
        "feed/<str:language>/<str:fmt>/kind/<str:kind>/tag/<str:tag>/",
        feed,
        name="feed_kind_tag",
    ),
    path("digest/", digest_views.digest, name="digest"),
    path("digest/stop/", digest_views.digest_stop, name="digest_stop"),
    path(
        "digest/unsubscribe/<str:token>/",
        digest_views.digest_unsubscribe,
        name="digest_unsubscribe",
    ),
    path("desk/", views.desk, name="desk"),
    path("desk/new/", views.new, name="new"),
    path("desk/translations/", views.translation_dashboard, name="translations"),
    path(
        "desk/trip-report/<int:delegation>/",
        views.start_trip_report,
        name="start_trip_report",
    ),
    path("desk/<int:pk>/", views.edit, name="edit"),
    path("desk/<int:pk>/revisions/", views.revisions, name="revisions"),
    path("desk/<int:pk>/images/", views.add_image, name="add_image"),
    path("desk/<int:pk>/attachments/", views.add_attachment, name="add_attachment"),
    path("desk/<int:pk>/reviewed/<str:language>/", views.mark_reviewed, name="mark_reviewed"),
    path("desk/<int:pk>/<str:step>/", views.step, name="step"),
]
