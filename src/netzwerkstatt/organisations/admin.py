from django.contrib import admin

from .models import ContactPerson, Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class ContactPersonInline(admin.StackedInline):
    model = ContactPerson
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "sector", "country", "region", "city"]
    list_filter = ["kind", "sector", "country", "themes"]
    search_fields = ["name", "city", "description", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["themes"]
    inlines = [MembershipInline, ContactPersonInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__name", "organisation__name"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(ContactPerson)
class ContactPersonAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "function", "is_public", "consent_date"]
    list_filter = ["is_public"]
    search_fields = ["name", "email", "organisation__name"]
    list_select_related = ["organisation"]
