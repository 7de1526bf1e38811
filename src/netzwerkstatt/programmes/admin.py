from django.contrib import admin
from i18nfield.admin import I18nModelAdmin

from .models import Participation, Programme, ProgrammeRole


class ProgrammeRoleInline(admin.TabularInline):
    model = ProgrammeRole
    extra = 0
    autocomplete_fields = ["user"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Programme)
class ProgrammeAdmin(I18nModelAdmin):
    list_display = ["name", "funder", "starts_on", "ends_on", "is_public"]
    list_filter = ["is_public", "funder"]
    search_fields = ["name", "tagline", "funder", "funding_scheme"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ProgrammeRoleInline, ParticipationInline]


@admin.register(ProgrammeRole)
class ProgrammeRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "programme", "role", "created"]
    list_filter = ["role", "programme"]
    search_fields = ["user__email", "user__name", "programme__name"]
    list_select_related = ["user", "programme"]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "programme", "joined_on"]
    list_filter = ["programme"]
    search_fields = ["organisation__name", "programme__name"]
    list_select_related = ["organisation", "programme"]
