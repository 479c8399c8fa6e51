from django.urls import path

from matchfair.funding import views, views_consortia

app_name = "funding"
urlpatterns = [
    path("calls/", views.my_calls, name="calls"),
    path("topics/<int:pk>/", views.topic, name="topic"),
    path("topics/<int:pk>/consortium/", views.build_consortium_view, name="build_consortium"),
    path("consortia/<int:pk>/", views_consortia.consortium, name="consortium"),
    path("consortia/<int:pk>/edit/", views_consortia.consortium_edit, name="consortium_edit"),
    path("consortia/<int:pk>/move/", views_consortia.consortium_move, name="consortium_move"),
    path("consortia/<int:pk>/post.md", views_consortia.consortium_post, name="consortium_post"),
    path(
        "consortia/<int:pk>/invitations.csv",
        views_consortia.consortium_invitations,
        name="consortium_invitations",
    ),
    path("invitations/<str:token>/", views_consortia.invitation, name="invitation"),
    path("ideas/<int:pk>/calls/", views_consortia.idea_calls, name="idea_calls"),
    path("organisations/<int:pk>/calls/", views.member_calls, name="member_calls"),
    path("organisations/<int:pk>/projects/", views.projects, name="projects"),
    path("participations/<int:pk>/decide/", views.decide, name="decide"),
    path("subscriptions/", views.subscriptions, name="subscriptions"),
    path("subscriptions/<int:pk>/delete/", views.unsubscribe_view, name="unsubscribe"),
]
