"""Changes to discussions: one function per change, each in one transaction, audit-logged with
the programme, with its e-mails queued after the commit in each recipient's language."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.mail import queue_email

from . import mentions
from .models import Mention, Post, PostRevision, Subscription, Thread
from .queries import audience

EXCERPT_LENGTH = 400


def _can_receive(user) -> bool:
    return bool(user.email) and user.is_active and user.erased_at is None


def _language(user) -> str:
    return user.language or settings.LANGUAGE_CODE


def _check_open(thread: Thread) -> None:
    if thread.is_locked:
        raise ValidationError(_("This discussion is closed: nothing can be added or changed."))


def _check_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write something first.")})
    return body


# Subscriptions ----------------------------------------------------------------------------------


def _follow_automatically(user, thread: Thread) -> None:
    """Writing in a thread or being mentioned subscribes a person, unless they unsubscribed."""
    Subscription.objects.get_or_create(thread=thread, user=user)


def subscribe(*, user, thread: Thread) -> Subscription:
    """Follow a thread: its new posts come in the daily digest from now on."""
    subscription, created = Subscription.objects.get_or_create(thread=thread, user=user)
    if not created and not subscription.active:
        subscription.active = True
        subscription.notified_until = timezone.now()
        subscription.save(update_fields=["active", "notified_until"])
    return subscription


def unsubscribe(*, user, thread: Thread) -> Subscription:
    subscription, _created = Subscription.objects.update_or_create(
        thread=thread, user=user, defaults={"active": False}
    )
    return subscription


# Mentions ---------------------------------------------------------------------------------------


def _with_typed_mentions(thread: Thread, body: str) -> str:
    """Complete ``@[Name]`` mentions typed by hand against the people the thread is for."""
    if not mentions.TYPED.search(body):
        return body
    return mentions.complete_typed(body, audience(thread))


def _notify_mentioned(*, actor, post: Post) -> list:
    """Tell the people newly mentioned in ``post`` who can see its thread, once each; subscribe
    them. People who cannot see the thread are neither told nor recorded."""
    ids = set(mentions.mentioned_ids(post.body)) - set(
        post.mentions.values_list("user_id", flat=True)
    )
    if not ids:
        return []
    told = []
    thread = post.thread
    for person in get_user_model().objects.filter(pk__in=ids, is_active=True, erased_at=None):
        if not person.has_perm("discussions.view_thread", thread):
            continue
        Mention.objects.create(post=post, user=person)
        if person.pk == actor.pk:
            continue
        told.append(person)
        _follow_automatically(person, thread)
        if _can_receive(person):
            queue_email(
                template="discussions/email/mention",
                to=person.email,
                language=_language(person),
                context={
                    "person": person,
                    "author": actor.display_name,
                    "thread": thread,
                    "excerpt": excerpt(post.body),
                    "url": settings.SITE_URL + post.get_absolute_url(),
                },
            )
    return told


def excerpt(body: str, length: int = EXCERPT_LENGTH) -> str:
    """A post's text for an e-mail: mentions as ``@Name``, shortened on a word boundary."""
    text = mentions.MENTION.sub(lambda m: f"@{m.group('name')}", body or "").strip()
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip() + " …"


# Threads and posts ------------------------------------------------------------------------------


def _new_post(*, actor, thread: Thread, body: str, parent: Post | None, now) -> Post:
    post = Post.objects.create(thread=thread, parent=parent, author=actor, body=body, created=now)
    PostRevision.objects.create(post=post, version=1, body=body, edited_by=actor, edited_at=now)
    _follow_automatically(actor, thread)
    _notify_mentioned(actor=actor, post=post)
    return post


@transaction.atomic
def start_thread(*, actor, programme, network=None, title: str, body: str) -> Thread:
    """Open a thread in a programme (or in one of its networks) with its first post."""
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the discussion a title.")})
    body = _check_body(body)
    now = timezone.now()
    thread = Thread.objects.create(
        programme=programme,
        network=network,
        title=title,
        author=actor,
        created=now,
        last_post_at=now,
    )
    body = _with_typed_mentions(thread, body)
    post = _new_post(actor=actor, thread=thread, body=body, parent=None, now=now)
    audit.record(
        actor=actor,
        action="discussion.thread_started",
        obj=thread,
        programme=programme,
        changes={
            "title": {"old": None, "new": title},
            "network": {"old": None, "new": str(network) if network else None},
            "post": {"old": None, "new": post.pk},
        },
    )
    return thread


@transaction.atomic
def add_post(*, actor, thread: Thread, body: str, parent: Post | None = None) -> Post:
    """Write in a thread; a reply to a reply answers the same top-level post."""
    thread = (
        Thread.objects.select_for_update(of=("self",))
        .select_related("programme", "network")
        .get(pk=thread.pk)
    )
    _check_open(thread)
    body = _with_typed_mentions(thread, _check_body(body))
    if parent is not None:
        if parent.thread_id != thread.pk:
            raise ValidationError(_("The post you answer is not in this discussion."))
        if parent.parent_id is not None:
            parent = parent.parent
    now = timezone.now()
    post = _new_post(actor=actor, thread=thread, body=body, parent=parent, now=now)
    Thread.objects.filter(pk=thread.pk).update(last_post_at=now)
    audit.record(
        actor=actor,
        action="discussion.post_added",
        obj=post,
        programme=thread.programme,
        changes={
            "thread": {"old": None, "new": thread.title},
            "reply_to": {"old": None, "new": parent.pk if parent else None},
            "body": {"old": None, "new": body},
        },
    )
    return post


@transaction.atomic
def edit_post(*, actor, post: Post, body: str, expected_version: int) -> Post:
    """Change a post's text. Every version is kept; when someone saved the post after the form
    was opened (``expected_version`` is not the current one), nothing is written."""
    current = (
        Post.objects.select_for_update(of=("self",))
        .select_related("thread__programme", "thread__network")
        .get(pk=post.pk)
    )
    if current.version != expected_version:
        raise ConcurrentEdit()
    _check_open(current.thread)
    if current.is_hidden:
        raise ValidationError(_("A hidden post cannot be changed."))
    body = _with_typed_mentions(current.thread, _check_body(body))
    if body == current.body:
        return current
    before = current.body
    now = timezone.now()
    current.body = body
    current.version += 1
    current.edited_at = now
    current.save(update_fields=["body", "version", "edited_at"])
    PostRevision.objects.create(
        post=current, version=current.version, body=body, edited_by=actor, edited_at=now
    )
    _notify_mentioned(actor=actor, post=current)
    audit.record(
        actor=actor,
        action="discussion.post_edited",
        obj=current,
        programme=current.thread.programme,
        changes={"body": {"old": before, "new": body}},
    )
    return current


@transaction.atomic
def hide_post(*, actor, post: Post, hidden: bool = True) -> Post:
    """Moderation: hide a post from everyone but the coordinators (or show it again). Its text
    and history stay."""
    current = Post.objects.select_for_update().select_related("thread__programme").get(pk=post.pk)
    if current.is_hidden == hidden:
        return current
    previous = current.hidden_at
    current.hidden_at = timezone.now() if hidden else None
    current.hidden_by = actor if hidden else None
    current.save(update_fields=["hidden_at", "hidden_by"])
    audit.record(
        actor=actor,
        action="discussion.post_hidden" if hidden else "discussion.post_shown",
        obj=current,
        programme=current.thread.programme,
        changes={"hidden": {"old": previous is not None, "new": hidden}},
    )
    return current


@transaction.atomic
def close_thread(*, actor, thread: Thread, closed: bool = True) -> Thread:
    """Moderation: close a thread (nobody writes or edits any more) or open it again."""
    current = Thread.objects.select_for_update().select_related("programme").get(pk=thread.pk)
    if current.is_locked == closed:
        return current
    previous = current.locked_at
    current.locked_at = timezone.now() if closed else None
    current.save(update_fields=["locked_at"])
    audit.record(
        actor=actor,
        action="discussion.thread_closed" if closed else "discussion.thread_reopened",
        obj=current,
        programme=current.programme,
        changes={"closed": {"old": previous is not None, "new": closed}},
    )
    return current


# The daily digest -------------------------------------------------------------------------------


def send_digest(*, now: datetime.datetime | None = None) -> int:
    """E-mail each subscriber the new posts (not their own, not hidden) of the threads they
    follow since their last digest, one message per person; returns the number of messages.
    Each subscription remembers the moment it has been covered up to, so running again sends
    nothing twice."""
    now = now or timezone.now()
    by_person: dict[int, list[Subscription]] = defaultdict(list)
    for subscription in Subscription.objects.filter(
        active=True, user__is_active=True, user__erased_at=None
    ).select_related("user", "thread__programme", "thread__network"):
        by_person[subscription.user_id].append(subscription)
    sent = 0
    for subscriptions in by_person.values():
        if _digest_for(subscriptions, now=now):
            sent += 1
    return sent


@transaction.atomic
def _digest_for(subscriptions: list[Subscription], *, now) -> bool:
    person = subscriptions[0].user
    # Re-read under a lock: a digest running at the same time skips what this one covers.
    current = {
        s.pk: s.notified_until
        for s in Subscription.objects.select_for_update().filter(
            pk__in=[s.pk for s in subscriptions], active=True
        )
    }
    visible = [
        s
        for s in subscriptions
        if s.pk in current and person.has_perm("discussions.view_thread", s.thread)
    ]
    new = Q(pk__in=[])
    for s in visible:
        new |= Q(thread_id=s.thread_id, created__gt=current[s.pk])
    posts = list(
        Post.objects.filter(new, created__lte=now, hidden_at=None)
        .exclude(author=person)
        .select_related("author")
        .order_by("thread_id", "created", "id")
    )
    Subscription.objects.filter(pk__in=list(current)).update(notified_until=now)
    if not posts or not _can_receive(person):
        return False
    threads = {s.thread_id: s.thread for s in visible}
    grouped = []
    for thread_id in dict.fromkeys(p.thread_id for p in posts):
        thread = threads[thread_id]
        grouped.append(
            {
                "thread": thread,
                "where": thread.network.name if thread.network else thread.programme.name,
                "url": settings.SITE_URL + thread.get_absolute_url(),
                "posts": [
                    {
                        "author": p.author.display_name if p.author else "",
                        "created": p.created,
                        "excerpt": excerpt(p.body),
                    }
                    for p in posts
                    if p.thread_id == thread_id
                ],
            }
        )
    queue_email(
        template="discussions/email/digest",
        to=person.email,
        language=_language(person),
        context={"person": person, "threads": grouped, "count": len(posts)},
    )
    return True
