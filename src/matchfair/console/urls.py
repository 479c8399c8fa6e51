"""Under /e/<event>/console/: the participants an organiser manages, their export and import.

`meetings` owns `console/` itself (the schedule console), so these pages live below it."""

from django.urls import path

from matchfair.console import views, views_import

app_name = "console"
urlpatterns = [
    path("participants/", views.participants, name="participants"),
    path("participants/decide/", views.bulk_decide, name="bulk_decide"),
    path("participants/setting/", views.validation_setting, name="validation_setting"),
    path("participants/export.<str:fmt>", views.export, name="export"),
    path("participants/<int:pk>/", views.participant_detail, name="participant"),
    path("participants/<int:pk>/decide/", views.decide, name="decide"),
    path("import/", views_import.upload, name="import"),
    path("import/<int:pk>/columns/", views_import.mapping, name="import_mapping"),
    path("import/<int:pk>/", views_import.review, name="import_review"),
    path("import/<int:pk>/cancel/", views_import.cancel, name="import_cancel"),
    path(
        "welcome/confirm/<int:pk>/",
        views_import.confirm_registration,
        name="confirm_registration",
    ),
    path(
        "welcome/<uidb64>/<token>/",
        views_import.SetPasswordView.as_view(),
        name="set_password",
    ),
]
