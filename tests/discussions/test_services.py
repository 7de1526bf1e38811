"""Discussions' changes: mentions, edit history, subscriptions, moderation and the digest."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.discussions import mentions, services
from netzwerkstatt.discussions.models import Mention, Post, PostRevision, Subscription
from tests.factories import MembershipFactory, UserFactory

GERMAN_HELLO = "Guten Tag,"


def _token(user) -> str:
    return mentions.token(user)


# Mentions ---------------------------------------------------------------------------------------


def test_a_mentioned_person_who_sees_the_thread_is_told_in_their_language(
    world, network_thread, django_capture_on_commit_callbacks
):
    world.coordinator.language = "it"
    world.coordinator.save()
    with django_capture_on_commit_callbacks(execute=True):
        post = services.add_post(
            actor=world.org_admin,
            thread=network_thread,
            body=f"Was meinen Sie, {_token(world.coordinator)}?",
        )

    assert [m.to for m in mail.outbox] == [[world.coordinator.email]]
    assert mail.outbox[0].body.startswith("Gentile utente,")  # Italian
    assert post.get_absolute_url().split("#")[0] in mail.outbox[0].body
    assert list(Mention.objects.values_list("user", flat=True)) == [world.coordinator.pk]
    assert Subscription.objects.filter(
        thread=network_thread, user=world.coordinator, active=True
    ).exists()


def test_people_who_cannot_see_the_thread_are_never_told(
    world, network_thread, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_post(
            actor=world.member,
            thread=network_thread,
            body=f"{_token(world.outsider)} und {_token(world.committee_member)}",
        )

    assert mail.outbox == []
    assert not Mention.objects.exists()
    assert not Subscription.objects.filter(user__in=[world.outsider, world.committee_member])


def test_an_edit_tells_only_the_newly_mentioned(
    world, programme_thread, django_capture_on_commit_callbacks
):
    post = programme_thread.posts.get()
    with django_capture_on_commit_callbacks(execute=True):
        post = services.edit_post(
            actor=world.member,
            post=post,
            body=f"{_token(world.coordinator)} bitte",
            expected_version=1,
        )
        services.edit_post(
            actor=world.member,
            post=post,
            body=f"{_token(world.coordinator)} und {_token(world.org_admin)} bitte",
            expected_version=2,
        )

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.coordinator.email, world.org_admin.email]
    )


def test_a_name_typed_in_brackets_becomes_a_mention_when_it_is_unique(world, programme_thread):
    world.coordinator.name = "Giulia Bianchi"
    world.coordinator.save()

    post = services.add_post(
        actor=world.member,
        thread=programme_thread,
        body="Frage an @[giulia bianchi] und @[Niemand]",
    )

    assert post.body == f"Frage an @[Giulia Bianchi](user:{world.coordinator.pk}) und @[Niemand]"
    assert Mention.objects.filter(post=post, user=world.coordinator).exists()


def test_mentions_render_highlighted_only_for_people_who_were_told(world):
    world.member.name = "Anna Roth"

    html = mentions.render(
        "Hallo @[Anna](user:1) und @[<script>x</script>](user:2)", {1: world.member}
    )

    assert f'<span class="mention" data-user="{world.member.pk}">@Anna Roth</span>' in html
    assert "@&lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>" not in html and "user:2" not in html


# Editing ----------------------------------------------------------------------------------------


def test_every_version_of_a_post_is_kept(world, programme_thread):
    post = programme_thread.posts.get()

    services.edit_post(actor=world.member, post=post, body="Zweite Fassung", expected_version=1)

    post.refresh_from_db()
    assert (post.body, post.version) == ("Zweite Fassung", 2)
    assert post.edited_at is not None
    assert list(PostRevision.objects.filter(post=post).values_list("version", "body")) == [
        (2, "Zweite Fassung"),
        (1, "Wer macht mit?"),
    ]
    entry = AuditEntry.objects.get(action="discussion.post_edited")
    assert entry.programme == world.programme
    assert entry.changes == {"body": {"old": "Wer macht mit?", "new": "Zweite Fassung"}}


def test_a_concurrent_edit_writes_nothing(world, programme_thread):
    post = programme_thread.posts.get()
    services.edit_post(actor=world.member, post=post, body="Meine Fassung", expected_version=1)

    with pytest.raises(ConcurrentEdit):
        services.edit_post(actor=world.member, post=post, body="Veraltet", expected_version=1)

    post.refresh_from_db()
    assert (post.body, post.version) == ("Meine Fassung", 2)
    assert post.revisions.count() == 2


def test_a_closed_thread_takes_no_posts(world, programme_thread):
    services.close_thread(actor=world.coordinator, thread=programme_thread)

    with pytest.raises(ValidationError):
        services.add_post(actor=world.member, thread=programme_thread, body="Noch etwas")
    assert AuditEntry.objects.filter(
        action="discussion.thread_closed", programme=world.programme
    ).exists()


def test_a_reply_to_a_reply_joins_the_top_level_post(world, programme_thread):
    first = programme_thread.posts.get()
    reply = services.add_post(
        actor=world.org_admin, thread=programme_thread, body="A", parent=first
    )

    again = services.add_post(actor=world.member, thread=programme_thread, body="B", parent=reply)

    assert again.parent == first


def test_starting_a_thread_is_audited_with_the_programme(world, programme_thread):
    entry = AuditEntry.objects.get(action="discussion.thread_started")

    assert entry.programme == world.programme
    assert entry.changes["title"] == {"old": None, "new": "Praktika 2026"}


def test_hiding_a_post_is_audited(world, programme_thread):
    post = services.hide_post(actor=world.coordinator, post=programme_thread.posts.get())

    assert post.hidden_by == world.coordinator
    assert AuditEntry.objects.get(action="discussion.post_hidden").programme == world.programme


# Subscriptions ----------------------------------------------------------------------------------


def test_authors_and_repliers_follow_and_an_unsubscribe_sticks(world, programme_thread):
    services.add_post(actor=world.org_admin, thread=programme_thread, body="Ich")
    services.unsubscribe(user=world.org_admin, thread=programme_thread)

    services.add_post(actor=world.org_admin, thread=programme_thread, body="Nochmal")

    assert dict(
        Subscription.objects.filter(thread=programme_thread).values_list("user", "active")
    ) == {world.member.pk: True, world.org_admin.pk: False}
    services.subscribe(user=world.org_admin, thread=programme_thread)
    assert Subscription.objects.get(user=world.org_admin).active is True


# The digest -------------------------------------------------------------------------------------


def test_the_digest_lists_others_new_posts_once_in_the_persons_language(
    world, programme_thread, django_capture_on_commit_callbacks
):
    world.member.language = "de"
    world.member.save()
    services.add_post(actor=world.member, thread=programme_thread, body="Mein eigener Beitrag")
    services.add_post(actor=world.org_admin, thread=programme_thread, body="Antwort der Schule")
    hidden = services.add_post(actor=world.coordinator, thread=programme_thread, body="Versteckt")
    services.hide_post(actor=world.coordinator, post=hidden)

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_discussion_digest", stdout=out)
    to_member = [m for m in mail.outbox if m.to == [world.member.email]]

    assert len(to_member) == 1
    assert "Antwort der Schule" in to_member[0].body
    assert "Mein eigener Beitrag" not in to_member[0].body
    assert "Versteckt" not in to_member[0].body
    assert to_member[0].body.startswith(GERMAN_HELLO)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_discussion_digest", stdout=out)
    assert mail.outbox == []
    assert out.getvalue().splitlines()[-1] == "0 digest(s) queued."


def test_the_digest_skips_threads_the_person_no_longer_sees(
    world, network_thread, django_capture_on_commit_callbacks
):
    leaving = MembershipFactory(organisation=world.organisation).user
    services.subscribe(user=leaving, thread=network_thread)
    Subscription.objects.update(notified_until=timezone.now() - datetime.timedelta(hours=1))
    services.add_post(actor=world.member, thread=network_thread, body="Neu")
    leaving.memberships.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        services.send_digest()

    assert [m.to for m in mail.outbox] == []  # the author wrote it; the leaver no longer sees it


def test_nobody_gets_a_digest_without_new_posts(world, programme_thread):
    UserFactory()

    assert services.send_digest() == 0
    assert Post.objects.count() == 1
