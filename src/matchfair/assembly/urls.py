from django.urls import path

from matchfair.assembly import views

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
]
