"""Who may do what in discussions.

- See a thread, start one, write in it: for a network's thread, whoever sees the network's
  workspace (its organisations' people, the programme's coordinators, platform admins); for a
  programme's thread, the programme's people (participating organisations' people, coordinators,
  committee members) and platform admins.
- Write: as seeing, while the thread is not closed.
- Edit a post: its author, while the post is not hidden and the thread not closed.
- Moderate (hide a post, close a thread): the programme's coordinators and platform admins.
"""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from netzwerkstatt.core.rules import is_platform_admin
from netzwerkstatt.networks.rules import get_network_for
from netzwerkstatt.programmes.rules import get_programme_for, is_coordinator, is_participant

from .models import Post, Thread


@rules.predicate
def sees_the_thread(user, thread: Thread | None) -> bool:
    if thread is None or not user.is_authenticated:
        return False
    if thread.network_id is not None:
        return user.has_perm("networks.view_workspace", thread.network)
    return user.has_perm("discussions.view_programme_discussions", thread.programme)


@rules.predicate
def is_open(user, thread: Thread | None) -> bool:
    return thread is not None and not thread.is_locked


@rules.predicate
def runs_the_threads_programme(user, thread: Thread | None) -> bool:
    return thread is not None and (
        is_coordinator(user, thread.programme) or is_platform_admin(user)
    )


@rules.predicate
def wrote_the_post(user, post: Post | None) -> bool:
    return post is not None and user.is_authenticated and post.author_id == user.pk


@rules.predicate
def post_is_editable(user, post: Post | None) -> bool:
    return post is not None and not post.is_hidden and not post.thread.is_locked


@rules.predicate
def moderates_the_posts_thread(user, post: Post | None) -> bool:
    return post is not None and runs_the_threads_programme(user, post.thread)


@rules.predicate
def post_is_shown(user, post: Post | None) -> bool:
    return post is not None and not post.is_hidden


@rules.predicate
def sees_the_posts_thread(user, post: Post | None) -> bool:
    return post is not None and sees_the_thread(user, post.thread)


# With a programme: its own discussions.
rules.add_perm(
    "discussions.view_programme_discussions", is_participant | is_coordinator | is_platform_admin
)
# With a thread.
rules.add_perm("discussions.view_thread", sees_the_thread)
rules.add_perm("discussions.add_post", sees_the_thread & is_open)
rules.add_perm("discussions.moderate_thread", sees_the_thread & runs_the_threads_programme)
# With a post.
rules.add_perm("discussions.change_post", wrote_the_post & post_is_editable)
rules.add_perm("discussions.moderate_post", moderates_the_posts_thread)
# A hidden post (with its history) is for the moderators only.
rules.add_perm(
    "discussions.view_post", sees_the_posts_thread & (post_is_shown | moderates_the_posts_thread)
)


def get_owner_for(user, programme_slug: str, network_pk: int | None):
    """The programme and (for a network's discussions) the network whose threads the person
    asks for; a network's workspace they may not see is not found (404), a programme's
    discussions they may not take part in are refused (403)."""
    if network_pk is not None:
        network = get_network_for(user, programme_slug, network_pk, "networks.view_workspace")
        return network.programme, network
    programme = get_programme_for(user, programme_slug, "discussions.view_programme_discussions")
    return programme, None


def get_thread_for(
    user, programme_slug: str, thread_id: int, network_pk: int | None = None
) -> Thread:
    """Fetch a thread of the programme (and network) the address names; people who may not see
    it do not find it (404)."""
    programme = get_programme_for(user, programme_slug, "programmes.view_programme")
    thread = get_object_or_404(
        Thread.objects.select_related("network", "author"),
        programme=programme,
        network_id=network_pk,
        pk=thread_id,
    )
    thread.programme = programme
    if thread.network is not None:
        thread.network.programme = programme
    if not user.has_perm("discussions.view_thread", thread):
        raise Http404
    return thread


def may(user, perm: str, obj) -> bool:
    """``user.has_perm`` without Django's pass for superusers: a platform admin does not edit
    someone else's words, and a closed thread is closed for everyone."""
    return user.is_authenticated and user.is_active and rules.has_perm(perm, user, obj)


def get_post_for(user, thread: Thread, post_id: int, perm: str) -> Post:
    post = get_object_or_404(Post.objects.select_related("author"), thread=thread, pk=post_id)
    post.thread = thread
    if not may(user, perm, post):
        raise PermissionDenied
    return post
