from django.contrib import admin

from .models import EqfLevel, IscedField, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name"]


@admin.register(IscedField)
class IscedFieldAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]


@admin.register(EqfLevel)
class EqfLevelAdmin(admin.ModelAdmin):
    list_display = ["level", "knowledge"]
    search_fields = ["knowledge", "skills", "responsibility"]
    list_filter = ["level"]
