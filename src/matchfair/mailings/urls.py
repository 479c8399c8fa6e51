from django.urls import path

from matchfair.mailings import views

app_name = "mailings"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.compose, name="compose"),
    path("<int:pk>/", views.detail, name="detail"),
    path("booking/", views.booking, name="booking"),
]
