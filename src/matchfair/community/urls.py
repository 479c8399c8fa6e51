from django.urls import path

from matchfair.community import views

app_name = "community"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout, name="logout"),
    path("me/", views.account, name="account"),
    path("me/data.json", views.personal_data, name="personal_data"),
    path("me/erase/", views.erase, name="erase"),
]
