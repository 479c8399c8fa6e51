from django.urls import path

from matchfair.events import views, views_setup

app_name = "events"
urlpatterns = [
    path("", views.detail, name="detail"),
    path("register/", views.register_view, name="register"),
    path("profile/", views.profile, name="profile"),
    path("profile/opportunities/new/", views.opportunity_edit, name="opportunity_new"),
    path("profile/opportunities/<int:pk>/", views.opportunity_edit, name="opportunity_edit"),
    path(
        "profile/opportunities/<int:pk>/delete/",
        views.opportunity_delete,
        name="opportunity_delete",
    ),
    path("availability/", views.availability, name="availability"),
    path("participants/", views.directory_view, name="directory"),
    path("participants/<int:pk>/", views.participant, name="participant"),
    path("opportunities/", views.opportunities_view, name="opportunities"),
    path("console/event/", views_setup.event_edit, name="event_edit"),
    path("console/venue/sessions/new/", views_setup.session_edit, name="session_new"),
    path("console/venue/sessions/<int:pk>/", views_setup.session_edit, name="session_edit"),
    path("console/venue/tables/new/", views_setup.tables_add, name="tables_new"),
    path("console/venue/tables/<int:pk>/", views_setup.table_edit, name="table_edit"),
]
