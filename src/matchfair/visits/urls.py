from django.urls import path

from matchfair.visits import views

app_name = "visits"
urlpatterns = [
    path("venue/", views.venue, name="venue"),
    path("venue/import/", views.exhibitor_import, name="import"),
    path("venue/stands/<int:pk>/", views.stand, name="stand"),
    path("venue/pavilions/<int:pk>/", views.pavilion, name="pavilion"),
    path("delegation/", views.delegations, name="delegations"),
    path("delegation/<int:pk>/", views.delegation, name="delegation"),
    path("delegation/<int:pk>/members/", views.delegation_members, name="members"),
    path("delegation/<int:pk>/joint/", views.joint_visit_new, name="joint_new"),
    path(
        "delegation/<int:pk>/joint/<int:joint>/remove/",
        views.joint_visit_remove,
        name="joint_remove",
    ),
    path("delegation/<int:pk>/plan/", views.delegation_plan, name="plan"),
    path("delegation/member/<int:pk>/wishes/", views.wishes, name="wishes"),
    path(
        "delegation/member/<int:pk>/wishes/<int:wish>/remove/",
        views.wish_remove,
        name="wish_remove",
    ),
    path("delegation/member/<int:pk>/day/", views.member_day, name="member_day"),
    path("delegation/member/<int:pk>/day.ics", views.member_ics, name="member_ics"),
    path("delegation/member/<int:pk>/day.pdf", views.member_pdf, name="member_pdf"),
    path("delegation/member/<int:pk>/route/<str:day>/", views.member_route, name="member_route"),
    path("delegation/invitation/<int:pk>/", views.invitation, name="invitation"),
    path("my-day/", views.my_day, name="my_day"),
]
