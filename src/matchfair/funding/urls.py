from django.urls import path

from matchfair.funding import views

app_name = "funding"
urlpatterns = [
    path("calls/", views.my_calls, name="calls"),
    path("topics/<int:pk>/", views.topic, name="topic"),
    path("topics/<int:pk>/consortium/", views.build_consortium_view, name="build_consortium"),
    path("consortia/<int:pk>/", views.consortium, name="consortium"),
    path("organisations/<int:pk>/calls/", views.member_calls, name="member_calls"),
    path("organisations/<int:pk>/projects/", views.projects, name="projects"),
    path("participations/<int:pk>/decide/", views.decide, name="decide"),
    path("subscriptions/", views.subscriptions, name="subscriptions"),
    path("subscriptions/<int:pk>/delete/", views.unsubscribe_view, name="unsubscribe"),
]
