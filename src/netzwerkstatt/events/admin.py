from django.contrib import admin

from .models import AgendaItem, Event, Registration, SeminarTopic


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "network", "kind", "starts_at", "status"]
    list_filter = ["kind", "status", "programme"]
    search_fields = ["title"]
    inlines = [AgendaItemInline]
    readonly_fields = ["uid", "sequence"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "status", "attended", "reminded_at"]
    list_filter = ["status"]
    raw_id_fields = ["event", "user"]


@admin.register(SeminarTopic)
class SeminarTopicAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "status"]
    list_filter = ["status", "programme"]
