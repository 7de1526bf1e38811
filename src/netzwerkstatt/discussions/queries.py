"""Reads of discussions: who a thread is for, the thread lists and one thread with its posts.
Each page runs a fixed number of queries however many threads or posts there are."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from netzwerkstatt.programmes.models import ProgrammeRole

from . import mentions
from .models import Mention, Post, Subscription, Thread
from .rules import may


def audience(thread: Thread) -> QuerySet:
    """The people a thread is for, by name (the mention picker offers them): the people of the
    network's organisations or of the programme's participating organisations, with the
    programme's coordinators (and, for a programme's thread, its committee)."""
    User = get_user_model()
    coordinators = Q(
        programme_roles__programme_id=thread.programme_id,
        programme_roles__role=ProgrammeRole.Role.COORDINATOR,
    )
    if thread.network_id is not None:
        people = Q(memberships__organisation__network_memberships__network_id=thread.network_id)
    else:
        people = Q(memberships__organisation__participations__programme_id=thread.programme_id) | Q(
            programme_roles__programme_id=thread.programme_id
        )
    return (
        User.objects.filter(people | coordinators, is_active=True, erased_at__isnull=True)
        .distinct()
        .order_by("name", "email")
    )


def threads(*, programme, network, user) -> list[Thread]:
    """The threads of a programme (its own, without the networks') or of one network, the most
    recently active first, each with its visible posts counted and whether ``user`` follows it."""
    result = list(
        Thread.objects.filter(programme=programme, network=network)
        .select_related("author")
        .annotate(
            post_count=Count("posts", filter=Q(posts__hidden_at__isnull=True)),
            followed=Exists(
                Subscription.objects.filter(thread=OuterRef("pk"), user=user, active=True)
            ),
        )
        .order_by("-last_post_at", "-id")
    )
    for thread in result:
        thread.programme = programme
        thread.network = network
    return result


@dataclass
class Conversation:
    """A top-level post with its replies."""

    post: Post
    replies: list[Post] = field(default_factory=list)


def conversations(thread: Thread, *, user) -> list[Conversation]:
    """The thread's posts as conversations in order, each post with ``html`` (its text rendered
    with its mentions) and ``can_edit`` for ``user``."""
    posts = list(thread.posts.select_related("author", "hidden_by"))
    told: dict[int, dict[int, object]] = {}
    for mention in Mention.objects.filter(post__thread=thread).select_related("user"):
        told.setdefault(mention.post_id, {})[mention.user_id] = mention.user
    result: dict[int, Conversation] = {}
    for post in posts:
        post.thread = thread
        post.html = mentions.render(post.body, told.get(post.pk, {}))
        post.can_edit = may(user, "discussions.change_post", post)
        if post.parent_id is None:
            result[post.pk] = Conversation(post=post)
    for post in posts:
        if post.parent_id is not None and post.parent_id in result:
            result[post.parent_id].replies.append(post)
    return list(result.values())


def is_following(thread: Thread, user) -> bool:
    return Subscription.objects.filter(thread=thread, user=user, active=True).exists()


def rendered(post: Post):
    """One post's text rendered with the mentions of the people who were told."""
    told = {m.user_id: m.user for m in post.mentions.select_related("user")}
    return mentions.render(post.body, told)
