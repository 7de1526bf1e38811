from django.contrib import admin

from .models import (
    CapacityPlan,
    CapacityStep,
    DisseminationActivity,
    StakeholderEngagement,
    Transfer,
    TransferStep,
)


class TransferStepInline(admin.TabularInline):
    model = TransferStep
    extra = 0
    raw_id_fields = ["who_person"]


@admin.register(Transfer)
class TransferAdmin(admin.ModelAdmin):
    list_display = ["practice", "organisation", "status", "started_on", "completed_on"]
    list_filter = ["status"]
    raw_id_fields = ["practice", "organisation", "created_by"]
    inlines = [TransferStepInline]


class CapacityStepInline(admin.TabularInline):
    model = CapacityStep
    extra = 0
    raw_id_fields = ["who_person"]
    exclude = ["practices", "events"]


@admin.register(CapacityPlan)
class CapacityPlanAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "network", "starts_on", "ends_on"]
    raw_id_fields = ["organisation", "network", "created_by"]
    inlines = [CapacityStepInline]


@admin.register(StakeholderEngagement)
class StakeholderEngagementAdmin(admin.ModelAdmin):
    list_display = ["date", "stakeholder", "group", "level", "organisation", "programme"]
    list_filter = ["group", "level"]
    raw_id_fields = ["programme", "network", "organisation", "created_by"]


@admin.register(DisseminationActivity)
class DisseminationActivityAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "kind", "estimated_reach", "organisation", "programme"]
    list_filter = ["kind"]
    raw_id_fields = ["programme", "network", "organisation", "created_by", "practices"]
