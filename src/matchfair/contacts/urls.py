from django.urls import path

from matchfair.contacts import views

app_name = "contacts"
urlpatterns = [
    path("", views.contact_list, name="list"),
    path("add/", views.contact_add, name="add"),
    path("add/participant/<int:pk>/", views.contact_add_participant, name="add_participant"),
    path("<int:pk>/", views.contact_edit, name="edit"),
    path("<int:pk>/delete/", views.contact_delete, name="delete"),
    path("shared/", views.shared, name="shared"),
    path("contacts.vcf", views.export_vcard, name="vcard"),
    path("contacts.csv", views.export_csv, name="csv"),
]
