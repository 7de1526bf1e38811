from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete_account, name="delete"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
