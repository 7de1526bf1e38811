from django.contrib import admin

from .models import Consortium, MatchingRound, ProposedPair


class ProposedPairInline(admin.TabularInline):
    model = ProposedPair
    extra = 0
    fields = ["left", "right", "score", "forced", "status", "left_answer", "right_answer"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MatchingRound)
class MatchingRoundAdmin(admin.ModelAdmin):
    """Read-mostly: rounds change through the matching pages, which keep the audit log."""

    list_display = ["call", "number", "status", "total", "created", "confirmed_at"]
    list_filter = ["status", "call__programme"]
    list_select_related = ["call"]
    readonly_fields = [
        "call", "number", "status", "rules", "weights", "pool", "total", "created_by", "created",
        "confirmed_by", "confirmed_at",
    ]  # fmt: skip
    inlines = [ProposedPairInline]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ProposedPair)
class ProposedPairAdmin(admin.ModelAdmin):
    list_display = ["__str__", "round", "score", "forced", "status"]
    list_filter = ["status", "forced"]
    list_select_related = ["round__call", "left", "right"]
    readonly_fields = [
        "round", "left", "right", "score", "parts", "forced", "status", "left_answer",
        "left_answered_by", "left_answered_at", "right_answer", "right_answered_by",
        "right_answered_at",
    ]  # fmt: skip

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Consortium)
class ConsortiumAdmin(admin.ModelAdmin):
    list_display = ["__str__", "call", "created"]
    list_select_related = ["call", "left", "right"]
    readonly_fields = ["call", "left", "right", "pair", "created"]

    def has_add_permission(self, request) -> bool:
        return False
