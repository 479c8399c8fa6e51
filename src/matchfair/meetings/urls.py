from django.urls import path

from matchfair.meetings import views

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
]
