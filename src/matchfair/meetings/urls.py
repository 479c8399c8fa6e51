from django.urls import path

from matchfair.meetings import views, views_schedule

app_name = "meetings"
urlpatterns = [
    path("requests/", views.requests_view, name="requests"),
    path("participants/<int:pk>/request/", views.send, name="send"),
    path("requests/<int:pk>/accept/", views.accept, name="accept"),
    path("requests/<int:pk>/decline/", views.decline, name="decline"),
    path("requests/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("participants/<int:pk>/agenda/", views.participant_agenda, name="participant_agenda"),
    path("console/", views.console, name="console"),
    path("console/schedule/", views.schedule, name="schedule"),
    path("console/runs/<int:pk>/", views.run_status, name="run_status"),
    path("console/release/", views.release, name="release"),
    path("console/day/", views_schedule.day, name="day"),
    path("console/day/sessions/<int:pk>/", views_schedule.day, name="day_session"),
    path("console/day/replan/", views_schedule.replan, name="replan"),
    path("console/meetings/<int:pk>/move/", views_schedule.move, name="move"),
    path("console/meetings/<int:pk>/unschedule/", views_schedule.unschedule, name="unschedule"),
    path("console/meetings/<int:pk>/cancel/", views_schedule.cancel, name="cancel_meeting"),
    path("console/meetings/<int:pk>/no-show/", views_schedule.no_show, name="no_show"),
    path("console/requests/<int:pk>/accept/", views_schedule.accept_late, name="accept_late"),
    path("console/venue/", views_schedule.venue, name="venue"),
    path(
        "console/venue/tables/<int:pk>/remove/",
        views_schedule.remove_table_view,
        name="remove_table",
    ),
    path(
        "console/venue/sessions/<int:pk>/remove/",
        views_schedule.remove_session_view,
        name="remove_session",
    ),
]
