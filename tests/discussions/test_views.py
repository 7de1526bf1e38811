"""The discussions pages: who finds what, what they show, and constant queries on the lists."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.discussions import mentions, services
from netzwerkstatt.discussions.models import Post, Subscription
from tests.factories import MembershipFactory, ParticipationFactory, ProgrammeFactory


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def _list(world, network=None) -> str:
    if network is not None:
        return reverse(
            "discussions:network_list", kwargs={"programme": world.programme.slug, "pk": network.pk}
        )
    return reverse("discussions:list", kwargs={"programme": world.programme.slug})


# Who finds what ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("outsider", 404),
        ("committee_member", 404),
        ("member", 200),
        ("coordinator", 200),
        ("platform_admin", 200),
    ],
)
def test_a_networks_thread_is_for_its_workspace_people(client, world, network_thread, role, status):
    client.force_login(getattr(world, role))

    assert client.get(network_thread.get_absolute_url()).status_code == status


def test_an_outsider_does_not_find_a_programme_thread(client, world, programme_thread):
    client.force_login(world.outsider)

    assert client.get(programme_thread.get_absolute_url()).status_code == 404
    assert client.get(_list(world)).status_code == 403


def test_people_of_another_programme_do_not_find_its_threads(client, world, programme_thread):
    other = ProgrammeFactory(is_public=True)
    person = MembershipFactory().user
    ParticipationFactory(programme=other, organisation=person.memberships.get().organisation)
    client.force_login(person)
    # The thread's address under the other programme does not find it either.
    wrong = programme_thread.get_absolute_url().replace(world.programme.slug, other.slug)

    assert client.get(programme_thread.get_absolute_url()).status_code == 404
    assert client.get(wrong).status_code == 404


def test_a_network_thread_is_not_found_under_the_programme(client, world, network_thread):
    client.force_login(world.coordinator)
    url = reverse(
        "discussions:thread",
        kwargs={"programme": world.programme.slug, "thread_id": network_thread.pk},
    )

    assert client.get(url).status_code == 404


# What the pages show ----------------------------------------------------------------------------


def test_the_list_shows_the_threads_with_their_posts_counted(
    client, world, network, network_thread, programme_thread
):
    services.add_post(actor=world.org_admin, thread=network_thread, body="Zweiter")
    client.force_login(world.member)

    page = client.get(_list(world, network)).content.decode()

    assert "Lernortkooperation" in page and "2 posts" in page and "Following" in page
    assert "Praktika 2026" not in page  # the programme's own threads are listed there
    assert "Praktika 2026" in client.get(_list(world)).content.decode()


def test_markdown_is_sanitised_and_mentions_highlighted(client, world, programme_thread):
    world.coordinator.name = "Giulia Bianchi"
    world.coordinator.save()
    services.add_post(
        actor=world.org_admin,
        thread=programme_thread,
        body=f"**fett** <script>alert(1)</script> {mentions.token(world.coordinator)} "
        f"{mentions.token(world.outsider)}",
    )
    client.force_login(world.member)

    page = client.get(programme_thread.get_absolute_url()).content.decode()

    assert "<strong>fett</strong>" in page
    assert "<script>alert(1)</script>" not in page
    assert f'data-user="{world.coordinator.pk}">@Giulia Bianchi</span>' in page
    assert f'data-user="{world.outsider.pk}"' not in page


def test_starting_a_thread_from_the_page(client, world, network):
    client.force_login(world.member)

    response = client.post(
        _list(world, network) + "new/", {"title": "Neue Frage", "body": "Wie geht das?"}
    )

    post = Post.objects.get()
    assert response.status_code == 302
    assert response["Location"] == post.thread.get_absolute_url()
    assert (post.thread.network, post.body, post.author) == (network, "Wie geht das?", world.member)


def test_replying_from_the_page(client, world, programme_thread):
    first = programme_thread.posts.get()
    client.force_login(world.coordinator)

    client.post(programme_thread.url("reply", post_id=first.pk), {"body": "Ich mache mit"})

    reply = Post.objects.get(parent=first)
    assert (reply.author, reply.body) == (world.coordinator, "Ich mache mit")
    page = client.get(programme_thread.get_absolute_url()).content.decode()
    assert 'class="replies"' in page and "Ich mache mit" in page


def test_a_concurrent_edit_keeps_the_persons_text(client, world, programme_thread):
    post = programme_thread.posts.get()
    services.edit_post(actor=world.member, post=post, body="Schon geändert", expected_version=1)
    client.force_login(world.member)

    response = client.post(
        programme_thread.url("edit", post_id=post.pk), {"body": "Mein Text", "version": 1}
    )

    page = response.content.decode()
    assert "Someone else changed this" in page
    assert "Mein Text" in page and "Schon geändert" in page
    post.refresh_from_db()
    assert post.body == "Schon geändert"


def test_only_the_author_edits_and_everybody_reads_the_history(client, world, programme_thread):
    post = programme_thread.posts.get()
    services.edit_post(actor=world.member, post=post, body="Zweite Fassung", expected_version=1)
    client.force_login(world.org_admin)

    assert client.get(programme_thread.url("edit", post_id=post.pk)).status_code == 403
    page = client.get(programme_thread.url("history", post_id=post.pk)).content.decode()
    assert "Wer macht mit?" in page and "Zweite Fassung" in page and "Version 2" in page


def test_a_hidden_post_is_shown_to_nobody_but_the_coordinators(client, world, programme_thread):
    services.add_post(actor=world.org_admin, thread=programme_thread, body="Unpassend")
    client.force_login(world.coordinator)
    hidden = Post.objects.get(body="Unpassend")
    client.post(programme_thread.url("moderate", post_id=hidden.pk), {"action": "hide"})

    assert "Unpassend" in client.get(programme_thread.get_absolute_url()).content.decode()
    client.force_login(world.member)
    page = client.get(programme_thread.get_absolute_url()).content.decode()
    assert "Unpassend" not in page and "A coordinator has hidden this post." in page


def test_following_and_leaving_a_thread(client, world, programme_thread):
    client.force_login(world.org_admin)
    url = programme_thread.url("subscription")

    client.post(url, {"action": "subscribe"})
    assert Subscription.objects.get(user=world.org_admin).active is True
    client.post(url, {"action": "unsubscribe"})
    assert Subscription.objects.get(user=world.org_admin).active is False
    assert mail.outbox == []


def test_the_programme_page_links_its_discussions_for_its_people(client, world):
    url = reverse("programmes:detail", kwargs={"slug": world.programme.slug})
    client.force_login(world.member)
    assert _list(world) in client.get(url).content.decode()
    client.force_login(world.outsider)
    assert _list(world) not in client.get(url).content.decode()


# Queries ----------------------------------------------------------------------------------------


def test_the_list_query_count_does_not_grow_with_threads(client, world, network):
    client.force_login(world.member)
    url = _list(world, network)
    services.start_thread(
        actor=world.member, programme=world.programme, network=network, title="A", body="a"
    )
    one = _queries(client, url)
    for title in ("B", "C"):
        services.start_thread(
            actor=world.org_admin, programme=world.programme, network=network, title=title, body="b"
        )

    assert _queries(client, url) == one


def test_the_thread_query_count_does_not_grow_with_posts(client, world, programme_thread):
    client.force_login(world.coordinator)
    url = programme_thread.get_absolute_url()
    one = _queries(client, url)
    first = programme_thread.posts.get()
    services.add_post(
        actor=world.org_admin,
        thread=programme_thread,
        body=f"Hallo {mentions.token(world.member)}",
        parent=first,
    )
    services.add_post(actor=world.member, thread=programme_thread, body="Noch einer")
    services.edit_post(actor=world.member, post=first, body="Geändert", expected_version=1)

    assert _queries(client, url) == one


def test_a_platform_admin_does_not_edit_someone_elses_post(client, world, programme_thread):
    post = programme_thread.posts.get()
    client.force_login(world.platform_admin)

    assert client.get(programme_thread.url("edit", post_id=post.pk)).status_code == 403
    assert (
        'href="' + programme_thread.url("edit", post_id=post.pk)
        not in client.get(programme_thread.get_absolute_url()).content.decode()
    )
