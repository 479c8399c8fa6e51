from django.urls import path

from matchfair.assembly import motion_views, views

app_name = "assembly"
urlpatterns = [
    path("<int:pk>/", views.session_page, name="session"),
    path("<int:pk>/quorum/", views.quorum_fragment, name="quorum"),
    path("attendees/<int:pk>/check-in/", views.check_in_page, name="check_in"),
    path("elections/<int:pk>/ballot/", views.ballot_page, name="ballot"),
    path("elections/<int:pk>/result/", views.result_page, name="result"),
    path("elections/<int:pk>/record.json", views.record_download, name="record"),
    path("elections/<int:pk>/open/", views.open_page, name="open"),
    path("elections/<int:pk>/close/", views.close_page, name="close"),
    path("elections/<int:pk>/publish/", views.publish_page, name="publish"),
    path("<int:pk>/proxies/", motion_views.proxies_page, name="proxies"),
    path("proxies/<int:pk>/withdraw/", motion_views.withdraw_proxy_page, name="withdraw_proxy"),
    path("<int:pk>/motions/new/", motion_views.propose_page, name="propose"),
    path("motions/<int:pk>/", motion_views.motion_page, name="motion"),
    path("motions/<int:pk>/vote/", motion_views.motion_vote_page, name="motion_vote"),
    path("motions/<int:pk>/second/", motion_views.second_page, name="second"),
    path("motions/<int:pk>/withdraw/", motion_views.withdraw_motion_page, name="withdraw_motion"),
    path("motions/<int:pk>/open/", motion_views.open_motion_page, name="open_motion"),
    path("motions/<int:pk>/close/", motion_views.close_motion_page, name="close_motion"),
    path("<int:pk>/minutes.pdf", motion_views.minutes_download, name="minutes"),
    path("<int:pk>/minutes/publish/", motion_views.publish_minutes_page, name="publish_minutes"),
]
