from django.contrib import admin
from i18nfield.admin import I18nModelAdmin

from .models import AuditEntry, SitePage


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created", "actor", "action", "object_repr", "programme", "organisation"]
    list_filter = ["action", "programme", "created"]
    search_fields = ["action", "object_repr", "actor__email", "actor__name"]
    date_hierarchy = "created"
    list_select_related = ["actor", "programme", "organisation"]

    # The audit log is written only by services; nobody edits history.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SitePage)
class SitePageAdmin(I18nModelAdmin):
    list_display = ["kind", "title", "updated"]
    search_fields = ["title", "body"]
    list_filter = ["kind"]
