"""Discussions: threads of posts, for a whole programme or for one network's workspace.

A thread belongs to a programme and, when it is a network's discussion, to that network: the
network's workspace people (and the programme's coordinators) take part there, the programme's
people in the programme's threads. A thread has top-level posts (the first one opens it) and
replies to them, one level deep: a reply to a reply joins the same conversation.

Posts are Markdown, rendered sanitised. Each saved text is kept as a ``PostRevision`` (version 1
is the original), so an edit never loses what was said before; ``Post.version`` lets the edit
form notice that someone else saved in the meantime. A coordinator may hide a post (``hidden_at``);
its text then stays in the history but is shown to nobody but the coordinators.

``@[Name](user:ID)`` in a text mentions a person. A ``Mention`` row is kept for each person
mentioned who could see the thread at the time: they were told by e-mail once, and only their
mentions are shown highlighted. ``Subscription`` says who gets the daily digest of new posts in
a thread; ``notified_until`` is the moment up to which that digest has covered the thread.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Thread(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="threads"
    )
    network = models.ForeignKey(
        "networks.Network",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("network"),
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("started"), default=timezone.now)
    last_post_at = models.DateTimeField(_("last post"), default=timezone.now)
    locked_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-last_post_at", "-id"]
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")
        indexes = [models.Index(fields=["programme", "network", "-last_post_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url("thread")

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    def url(self, name: str, **kwargs) -> str:
        """The address of one of the thread's pages, under its network when it has one."""
        args = {"programme": self.programme.slug, "thread_id": self.pk, **kwargs}
        if self.network_id is not None:
            return reverse(f"discussions:network_{name}", kwargs={**args, "pk": self.network_id})
        return reverse(f"discussions:{name}", kwargs=args)


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("text (Markdown)"))
    created = models.DateTimeField(_("written"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created", "id"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["thread", "created"])]

    def __str__(self) -> str:
        return f"{self.thread} #{self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.thread.get_absolute_url()}#post-{self.pk}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class PostRevision(models.Model):
    """One saved text of a post: version 1 is what was first written, each edit adds one."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["post", "version"], name="one_revision_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.post} v{self.version}"


class Mention(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_mentions"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="one_mention_per_post_and_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.post}"


class Subscription(models.Model):
    """Someone following a thread (``active``) or having left it: an explicit unsubscribe is
    kept, so writing or being mentioned later does not subscribe the person again."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="subscriptions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_subscriptions"
    )
    active = models.BooleanField(default=True)
    created = models.DateTimeField(default=timezone.now)
    # The daily digest has covered the thread's posts up to this moment.
    notified_until = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user"], name="one_subscription_per_thread_and_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.thread}"
