"""Under /jobs/: a job's page, its progress for htmx, its file, and running it again."""

from django.urls import path

from matchfair.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/retry/", views.retry, name="retry"),
]
