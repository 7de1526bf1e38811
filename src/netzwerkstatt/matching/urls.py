"""Matching, mounted under /programmes/<programme>/calls/<call>/matching/: the coordinators'
pages (the call's matching, proposing, rounds and pairs) and each group's proposal."""

from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("", views.home, name="home"),
    path("propose/", views.propose, name="propose"),
    path("rounds/<int:number>/", views.round_detail, name="round"),
    path("rounds/<int:number>/confirm/", views.confirm, name="confirm"),
    path("rounds/<int:number>/pairs/<int:pair_id>/", views.pair_detail, name="pair"),
    path("groups/<int:group_id>/", views.group, name="group"),
    path("groups/<int:group_id>/answer/<int:pair_id>/", views.answer, name="answer"),
]
