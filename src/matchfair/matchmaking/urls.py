"""Suggestion pages, under the event they belong to."""

from django.urls import path

from matchfair.matchmaking import views

app_name = "matchmaking"
urlpatterns = [
    path("suggestions/", views.suggestions, name="suggestions"),
    path(
        "participants/<int:pk>/suggestions/",
        views.participant_suggestions,
        name="participant_suggestions",
    ),
]
