"""Under /e/<event>/console/: the statistics, the exports and the printable documents."""

from django.urls import path

from matchfair.reports import views

app_name = "reports"
urlpatterns = [
    path("stats/", views.dashboard, name="dashboard"),
    # The spreadsheet is a background job (a POST starts it); the CSV streams from the request.
    path("exports/meetings.xlsx", views.meetings_xlsx, name="meetings_xlsx"),
    path("exports/meetings.<str:fmt>", views.meetings_export, name="meetings_export"),
    path("exports/statistics.<str:fmt>", views.statistics_export, name="statistics_export"),
    path("print/agendas.pdf", views.agendas_all_pdf, name="agendas"),  # a job, by POST
    path("print/badges.pdf", views.badges_all_pdf, name="badges"),
    path("print/table-agendas.pdf", views.table_agendas_pdf, name="table_agendas"),
    path("print/table-signs.pdf", views.table_signs, name="table_signs"),
    path(
        "print/participants/<int:pk>/agenda.pdf",
        views.participant_agenda_pdf,
        name="participant_agenda",
    ),
    path(
        "print/participants/<int:pk>/badge.pdf",
        views.participant_badge_pdf,
        name="participant_badge",
    ),
]
