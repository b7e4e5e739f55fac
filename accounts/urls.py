from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("privacy/", views.privacy_acknowledge, name="privacy_acknowledge"),
    path("profile/", views.profile, name="profile"),
    path("profile/my-data.json", views.personal_data_download, name="personal_data"),
]
