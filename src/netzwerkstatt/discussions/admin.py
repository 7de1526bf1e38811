from django.contrib import admin

from .models import Post, PostRevision, Subscription, Thread


class PostInline(admin.TabularInline):
    model = Post
    extra = 0
    fields = ["author", "created", "edited_at", "hidden_at"]
    readonly_fields = fields


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "network", "author", "last_post_at", "locked_at"]
    list_filter = ["programme"]
    search_fields = ["title"]
    inlines = [PostInline]


@admin.register(PostRevision)
class PostRevisionAdmin(admin.ModelAdmin):
    list_display = ["post", "version", "edited_by", "edited_at"]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["thread", "user", "active", "notified_until"]
