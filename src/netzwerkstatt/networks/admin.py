"""Read-mostly: networks and their members change through the network's pages and ``services``,
which keep the audit log and the network's version. No model here has multilingual (I18n)
fields."""

from django.contrib import admin

from .models import Network, NetworkMember


class NetworkMemberInline(admin.TabularInline):
    model = NetworkMember
    extra = 0
    fields = ["organisation", "role", "joined_on"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "kind", "created"]
    list_filter = ["kind", "programme"]
    list_select_related = ["programme"]
    search_fields = ["name", "description", "members__organisation__name"]
    readonly_fields = [
        "programme", "name", "kind", "description", "themes", "application", "created",
        "created_by",
    ]  # fmt: skip
    inlines = [NetworkMemberInline]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(NetworkMember)
class NetworkMemberAdmin(admin.ModelAdmin):
    list_display = ["organisation", "network", "role", "joined_on"]
    list_filter = ["role", "network__programme", "network__kind"]
    list_select_related = ["organisation", "network"]
    search_fields = ["organisation__name", "network__name"]
    readonly_fields = ["network", "organisation", "role", "joined_on"]

    def has_add_permission(self, request) -> bool:
        return False
