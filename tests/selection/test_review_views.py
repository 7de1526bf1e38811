"""The committee's review through the pages: coordinators assign and decide, committee members
review what they are assigned and declare conflicts of interest."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.networks.models import Network
from netzwerkstatt.selection import review
from netzwerkstatt.selection.models import (
    Application,
    ApplicationRound,
    ConflictOfInterest,
    Review,
    Score,
)
from tests.factories import ApplicationFactory, ConsortiumFactory
from tests.selection.panel import Panel

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel(world):
    return Panel(world)


def url(panel, name, **kwargs) -> str:
    return reverse(
        f"selection:{name}",
        kwargs={"programme": panel.programme.slug, "call": panel.call.slug, **kwargs},
    )


def assign(panel, application, reviewer) -> Review:
    return review.assign_reviewer(
        actor=panel.world.coordinator, application=application, reviewer=reviewer
    )


def scored(panel, reviewer, application, quality, fit, comment="", submit=True) -> Review:
    item = Review.objects.filter(application=application, reviewer=reviewer).first()
    if item is None:
        item = assign(panel, application, reviewer)
    item = review.save_review(
        actor=reviewer,
        review=item,
        scores={panel.quality.pk: (quality, "q"), panel.fit.pk: (fit, "f")},
        comment=comment,
        expected_version=item.version,
    )
    return review.submit_review(actor=reviewer, review=item) if submit else item


def _visible(html: str) -> str:
    """Text without tags (nor scripts and SVG titles), spaces collapsed."""
    html = re.sub(r"<(script|style|title)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def text(response) -> str:
    return _visible(response.content.decode())


def rows(response, labelled_by: str) -> list[str]:
    """The text of each body row of the table labelled by the element with ``labelled_by``."""
    html = response.content.decode()
    start = html.index(f'aria-labelledby="{labelled_by}"')
    table = html[start : html.index("</table>", start)]
    body = table[table.index("<tbody>") :]
    return [_visible(row) for row in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)]


def entries(response) -> list[str]:
    """The text of each application in the overview's list."""
    html = response.content.decode()
    start = html.index('aria-labelledby="applications-heading">')
    chunk = html[start : html.index('aria-labelledby="progress-heading"', start)]
    return [_visible("<" + item) for item in chunk.split('<li class="list-group-item"')[1:]]


def section(response, element_id: str) -> str:
    """The text of the element with ``element_id`` up to the next element of the same tag."""
    html = response.content.decode()
    match = re.search(rf'<(\w+)[^>]*\bid="{element_id}"', html)
    tag = match.group(1)
    end = html.index(f"</{tag}>", match.end())
    return _visible(html[match.start() : end])


# Finding the pages ------------------------------------------------------------------------------


def test_the_call_page_leads_each_role_to_its_review_pages(client, panel):
    call_page = reverse(
        "calls:detail", kwargs={"programme": panel.programme.slug, "slug": panel.call.slug}
    )
    mine, overview, ranking = (
        url(panel, "my_reviews"),
        url(panel, "review_overview"),
        url(panel, "ranking"),
    )
    client.force_login(panel.german)
    html = client.get(call_page).content.decode()
    assert f'href="{mine}"' in html
    assert f'href="{overview}"' not in html
    client.force_login(panel.world.coordinator)
    html = client.get(call_page).content.decode()
    assert f'href="{overview}"' in html and f'href="{ranking}"' in html
    assert f'href="{mine}"' not in html
    # Platform admins run calls like coordinators but do not review.
    client.force_login(panel.world.platform_admin)
    html = client.get(call_page).content.decode()
    assert f'href="{overview}"' in html and f'href="{mine}"' not in html


# The coordinators' overview --------------------------------------------------------------------


def test_the_overview_shows_reviewers_progress_and_conflicts(client, panel):
    a, b, _c = panel.applications
    scored(panel, panel.german, a, 4, 3)
    assign(panel, a, panel.chair)
    review.declare_conflict(actor=panel.italian, application=b, reason="I advised their school.")
    client.force_login(panel.world.coordinator)

    response = client.get(url(panel, "review_overview"))

    assert response.status_code == 200
    listed = entries(response)
    assert listed[0].startswith("Project A")
    assert "Greta German Submitted" in listed[0]
    assert f"{panel.chair.display_name} To do" in listed[0]
    assert "In review" in listed[0]
    assert "2 more reviewers needed · 3 committee members can review it" in listed[1]
    assert "Submitted" in listed[1] and "No reviewers" not in listed[1]
    progress = rows(response, "progress-heading")
    assert len(progress) == 2
    assert next(r for r in progress if r.startswith("Greta German ")).startswith(
        "Greta German 1 1 0 "
    )
    assert f"{panel.chair.display_name} 1 0 1 —" in progress
    assert "Ivo Italiano · Project B" in text(response)
    assert "I advised their school." in text(response)
    assert response.context["form"]["reviewers_per_application"].value() == 2


def test_without_a_deadline_the_overview_asks_for_it_first(client, panel):
    ApplicationRound.objects.all().delete()
    client.force_login(panel.world.coordinator)

    response = client.get(url(panel, "review_overview"))

    assert "Set the deadline for joint applications first" in text(response)
    assert f'href="{url(panel, "list")}"' in response.content.decode()
    assert response.context["form"] is None


def test_coordinators_change_the_review_settings(client, panel):
    client.force_login(panel.world.coordinator)

    response = client.post(
        url(panel, "review_settings"),
        {"reviewers_per_application": 3, "reviewers_from_other_countries": "on"},
    )

    assert response.status_code == 302
    panel.round.refresh_from_db()
    assert panel.round.reviewers_per_application == 3
    assert panel.round.reviewers_from_other_countries is True
    refused = client.post(url(panel, "review_settings"), {"reviewers_per_application": 11})
    assert refused.status_code == 200
    assert "Ensure this value is less than or equal to 10." in section(
        refused, "id_reviewers_per_application_error"
    )
    panel.round.refresh_from_db()
    assert panel.round.reviewers_per_application == 3
    assert client.get(url(panel, "review_settings")).status_code == 405


def test_assigning_automatically_fills_every_application(client, panel, mailoutbox):
    client.force_login(panel.world.coordinator)

    response = client.post(url(panel, "auto_assign"), follow=True)

    assert "6 assignments were made; each reviewer got an e-mail." in text(response)
    listed = entries(response)
    assert len(listed) == 3
    assert all(row.count("To do") == 2 for row in listed)
    assert "Ines Insider" not in listed[0]  # her organisation is in the first consortium
    assert Review.objects.count() == 6


def test_assigning_automatically_names_the_applications_it_could_not_fill(client, panel):
    # Every consortium is Italian-German; only the committee member without an organisation
    # comes from neither country.
    review.set_review_settings(
        actor=panel.world.coordinator,
        call=panel.call,
        reviewers_per_application=2,
        reviewers_from_other_countries=True,
    )
    client.force_login(panel.world.coordinator)

    response = client.post(url(panel, "auto_assign"), follow=True)

    page = text(response)
    assert "3 assignments were made" in page
    for title in ("Project A", "Project B", "Project C"):
        assert (
            f"“{title}” still needs 1 reviewer: not enough committee members can review it." in page
        )
    assert set(Review.objects.values_list("reviewer", flat=True)) == {panel.chair.pk}


# One application's reviewers --------------------------------------------------------------------


def test_the_reviewers_page_lists_who_cannot_review_and_why(client, panel):
    a = panel.first
    review.declare_conflict(actor=panel.italian, application=a, reason="Former colleague.")
    client.force_login(panel.world.coordinator)

    response = client.get(url(panel, "reviewers", consortium_id=a.consortium_id))

    html = response.content.decode()
    assert re.search(
        rf'<option value="{panel.insider.pk}" disabled>Ines Insider – Belongs to an '
        r"organisation of the consortium.</option>",
        html,
    )
    assert re.search(rf'<option value="{panel.italian.pk}" disabled>Ivo Italiano – Declared', html)
    assert re.search(rf'<option value="{panel.german.pk}">Greta German</option>', html)
    cannot = section(response, "assign-heading") + text(response)
    assert "Ines Insider: Belongs to an organisation of the consortium." in cannot
    assert "Ivo Italiano: Declared a conflict of interest." in cannot
    assert "Former colleague." in text(response)


def test_coordinators_assign_a_reviewer_by_hand(client, panel, mailoutbox):
    a = panel.first
    client.force_login(panel.world.coordinator)
    page = url(panel, "reviewers", consortium_id=a.consortium_id)

    response = client.post(page, {"reviewer": panel.german.pk}, follow=True)

    assert "Greta German now reviews “Project A” and got an e-mail." in text(response)
    assert list(a.reviews.values_list("reviewer", flat=True)) == [panel.german.pk]
    assert "Greta German To do" in section(response, "current-heading") + text(response)
    refused = client.post(page, {"reviewer": panel.insider.pk})
    assert refused.status_code == 200
    assert "Belongs to an organisation of the consortium." in section(refused, "id_reviewer_error")
    assert a.reviews.count() == 1


def test_an_open_assignment_can_be_removed_a_submitted_one_cannot(client, panel):
    a = panel.first
    open_one = assign(panel, a, panel.chair)
    done = scored(panel, panel.german, a, 3, 3)
    client.force_login(panel.world.coordinator)

    response = client.post(url(panel, "unassign", review_id=open_one.pk), follow=True)

    assert f"{panel.chair.display_name} no longer reviews “Project A”." in text(response)
    refused = client.post(url(panel, "unassign", review_id=done.pk), follow=True)
    assert "This review was submitted; it stays part of the record." in text(refused)
    assert list(Review.objects.values_list("pk", flat=True)) == [done.pk]
    assert client.get(url(panel, "unassign", review_id=done.pk)).status_code == 405


# Committee members ----------------------------------------------------------------------------


def test_my_reviews_lists_the_assignments_and_the_others_by_title_only(client, panel):
    a, b, c = panel.applications
    mine = assign(panel, a, panel.german)
    assign(panel, b, panel.chair)
    client.force_login(panel.german)

    response = client.get(url(panel, "my_reviews"))

    page = text(response)
    todo = section(response, "todo-heading")
    assert "To do 1" in todo
    assert f'href="{url(panel, "review", review_id=mine.pk)}"' in response.content.decode()
    others = [title for title, *_ in response.context["others"]]
    assert [o.title for o in others] == ["Project B", "Project C"]
    assert page.count("Declare a conflict of interest") == 2
    for application in panel.applications:
        assert f"Summary of project {application.title[-1]}" not in page
    lead = c.consortium.left.lead
    assert f"{lead.name} ({lead.country})" in page


def test_only_committee_members_have_review_pages(client, panel):
    for person in (panel.world.coordinator, panel.world.platform_admin, panel.world.member):
        client.force_login(person)
        assert client.get(url(panel, "my_reviews")).status_code == 403
        assert (
            client.get(url(panel, "conflict", consortium_id=panel.first.consortium_id)).status_code
            == 403
        )


def test_a_committee_member_does_not_find_someone_elses_review(client, panel):
    theirs = assign(panel, panel.first, panel.german)
    for person in (panel.italian, panel.world.coordinator, panel.world.platform_admin):
        client.force_login(person)
        assert client.get(url(panel, "review", review_id=theirs.pk)).status_code == 404
        assert client.post(url(panel, "submit_review", review_id=theirs.pk)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Review.Status.ASSIGNED


def _form(panel, item, quality="", fit="", comment="", version=None) -> dict:
    return {
        "version": item.version if version is None else version,
        f"score_{panel.quality.pk}": quality,
        f"comment_{panel.quality.pk}": "Clear milestones",
        f"score_{panel.fit.pk}": fit,
        f"comment_{panel.fit.pk}": "",
        "comment": comment,
    }


def test_a_reviewer_sees_the_others_reviews_only_after_submitting(client, panel):
    b = panel.applications[1]
    scored(panel, panel.german, b, 2, 5, comment="The timeline is too tight.")
    mine = assign(panel, b, panel.chair)
    client.force_login(panel.chair)
    page = url(panel, "review", review_id=mine.pk)

    before = client.get(page)

    assert "Summary of project B" in text(before)
    assert "Quality of the work programme" in text(before)
    assert f'name="score_{panel.quality.pk}" value="5"' in before.content.decode()
    assert "The timeline is too tight." not in text(before)
    assert "Greta German" not in text(before)

    response = client.post(
        url(panel, "submit_review", review_id=mine.pk),
        _form(panel, mine, quality=4, fit=3, comment="Sound plan."),
        follow=True,
    )

    after = text(response)
    assert "Your review was submitted." in after
    assert "Greta German" in after and "The timeline is too tight." in after
    mine.refresh_from_db()
    assert mine.status == Review.Status.SUBMITTED
    # Weighted: (2×4 + 1×3) / 3 = 3.67 for this review, (2×2 + 5) / 3 = 3.00 for the other one.
    assert "Your scores Weighted score: 3.67" in after
    assert "Greta German Weighted score: 3.00" in after
    assert "Mean weighted score of the submitted reviews: 3.33" in after
    assert 'type="radio"' not in response.content.decode()


def test_a_draft_keeps_the_scores_given_so_far(client, panel):
    mine = assign(panel, panel.first, panel.german)
    client.force_login(panel.german)
    page = url(panel, "review", review_id=mine.pk)

    response = client.post(page, _form(panel, mine, quality=3), follow=True)

    assert "Your draft was saved." in text(response)
    assert dict(Score.objects.values_list("criterion_id", "score")) == {
        panel.quality.pk: 3,
        panel.fit.pk: None,
    }
    assert re.search(
        rf'name="score_{panel.quality.pk}" value="3"[^>]*checked', response.content.decode()
    )
    assert 'data-draft="review-' in response.content.decode()


def test_a_score_outside_the_scale_is_refused_next_to_its_criterion(client, panel):
    mine = assign(panel, panel.first, panel.german)
    client.force_login(panel.german)

    response = client.post(url(panel, "review", review_id=mine.pk), _form(panel, mine, fit=9))

    assert response.status_code == 200
    assert section(response, f"id_score_{panel.fit.pk}_error") == "Give a score from 0 to 5."
    assert f'id="id_score_{panel.quality.pk}_error"' not in response.content.decode()
    assert not Score.objects.exists()


def test_submitting_with_a_missing_score_keeps_the_draft_and_marks_the_criterion(client, panel):
    mine = assign(panel, panel.first, panel.german)
    client.force_login(panel.german)

    response = client.post(
        url(panel, "submit_review", review_id=mine.pk), _form(panel, mine, quality=4)
    )

    assert response.status_code == 200
    assert (
        section(response, f"id_score_{panel.fit.pk}_error")
        == "Give a score for this criterion before submitting."
    )
    assert "Not submitted yet: your draft was saved, but a score is missing." in text(response)
    mine.refresh_from_db()
    assert mine.status == Review.Status.ASSIGNED
    assert mine.scores.get(criterion=panel.quality).score == 4
    # The form carries the saved version, so saving again is not taken for another window's.
    assert f'name="version" value="{mine.version}"' in response.content.decode()
    again = client.post(
        url(panel, "submit_review", review_id=mine.pk),
        _form(panel, mine, quality=4, fit=2),
    )
    assert again.status_code == 302
    mine.refresh_from_db()
    assert mine.status == Review.Status.SUBMITTED


def test_a_save_from_a_stale_window_is_refused_and_keeps_the_input(client, panel):
    mine = assign(panel, panel.first, panel.german)
    stale_version = mine.version
    scored(panel, panel.german, panel.first, 1, 1, comment="From the other window", submit=False)
    client.force_login(panel.german)

    response = client.post(
        url(panel, "review", review_id=mine.pk),
        _form(panel, mine, quality=5, comment="My better words", version=stale_version),
    )

    page = text(response)
    assert "Not saved: this review was saved in another window" in page
    assert re.search(r">\s*My better words</textarea>", response.content.decode())
    assert "From the other window" in section(response, "stored-heading") + page
    mine.refresh_from_db()
    assert mine.comment == "From the other window"
    assert f'name="version" value="{mine.version}"' in response.content.decode()


def test_declaring_a_conflict_withdraws_the_open_assignment(client, panel):
    a = panel.first
    assign(panel, a, panel.german)
    client.force_login(panel.german)
    page = url(panel, "conflict", consortium_id=a.consortium_id)

    form = client.get(page)

    assert "Declaring a conflict withdraws the assignment" in text(form)
    assert "Summary of project A" not in text(form)
    empty = client.post(page, {"reason": "  "})
    assert "This field is required." in text(empty)
    response = client.post(page, {"reason": "My sister runs their workshop."}, follow=True)

    assert "was recorded and your assignment withdrawn" in text(response)
    assert not Review.objects.exists()
    assert ConflictOfInterest.objects.get().reason == "My sister runs their workshop."
    assert [declared for _a, _o, declared in response.context["others"]] == [True, False, False]
    assert "Conflict of interest declared" in text(response)


# The ranking and the decisions ------------------------------------------------------------------


def test_the_ranking_orders_by_mean_and_shows_the_spread(client, panel):
    a, b, c = panel.applications
    scored(panel, panel.german, a, 5, 5)  # 5.00
    scored(panel, panel.chair, a, 3, 3)  # 3.00
    scored(panel, panel.german, b, 2, 2)  # 2.00
    scored(panel, panel.italian, b, 4, 1)  # (8 + 1) / 3 = 3.00
    assign(panel, c, panel.chair)
    client.force_login(panel.world.coordinator)

    response = client.get(url(panel, "ranking"))

    table = rows(response, "ranking-caption")
    assert [row.split(" ")[:3] for row in table] == [
        ["1", "Project", "A"],
        ["2", "Project", "B"],
        ["—", "Project", "C"],
    ]
    assert table[0] == "1 Project A Not decided 4.00 3.00 – 5.00 2.00 (1.00) 2 of 2 4.0 4.0"
    assert table[1] == "2 Project B Not decided 2.50 2.00 – 3.00 1.00 (0.50) 2 of 2 3.0 1.5"
    assert table[2] == "— Project C Not decided — No review submitted — 0 of 1 — —"
    html = response.content.decode()
    assert 'role="img"' in html
    assert "Mean 4.00, from 3.00 to 5.00, on the scale from 0 to 5" in html


def test_the_ranking_csv_lists_the_figures_safely(client, panel):
    a, b, _c = panel.applications
    Application.objects.filter(pk=b.pk).update(title="=HYPERLINK(evil)")
    scored(panel, panel.german, a, 5, 2)  # 4.00
    scored(panel, panel.german, b, 1, 1)
    review.decide(
        actor=panel.world.coordinator,
        application=a,
        decision="selected",
        feedback="",
        expected_version=1,
    )
    client.force_login(panel.world.coordinator)

    response = client.get(url(panel, "ranking_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0] == [
        "Rank",
        "Title",
        "Organisations",
        "Mean",
        "Lowest",
        "Highest",
        "Spread",
        "Standard deviation",
        "Reviews submitted",
        "Reviews assigned",
        "Mean: Quality of the work programme",
        "Mean: Fit of the partners",
        "Held decision",
        "Status",
    ]
    lead = a.consortium.left.lead
    assert table[1][:2] == ["1", "Project A"]
    assert table[1][2].startswith(f"{lead.name} ({lead.country}); ")
    assert table[1][3:] == [
        "4.00", "4.00", "4.00", "0.00", "0.00", "1", "1", "5.00", "2.00", "Selected", "In review",
    ]  # fmt: skip
    assert table[2][:2] == ["2", "'=HYPERLINK(evil)"]
    assert table[3][0] == "" and table[3][-2:] == ["", "Submitted"]


def test_a_decision_is_held_then_sent_and_the_network_created(
    client, panel, django_capture_on_commit_callbacks
):
    b = panel.applications[1]
    scored(panel, panel.german, b, 4, 4)
    client.force_login(panel.world.coordinator)
    prefix = f"decision-{b.pk}"

    response = client.post(
        url(panel, "decision", consortium_id=b.consortium_id),
        {
            f"{prefix}-decision": "selected",
            f"{prefix}-feedback": "A convincing work programme.",
            f"{prefix}-decision_version": 1,
        },
        follow=True,
    )

    assert "Decision on “Project B”: Selected. Held – not sent yet." in text(response)
    row = next(r for r in rows(response, "ranking-caption") if "Project B" in r)
    assert row.startswith("1 Project B Selected held – not sent yet 4.00 ")
    writer = panel.writers[1][1]
    client.force_login(writer)
    workspace = text(client.get(reverse(
        "selection:workspace",
        kwargs={"programme": panel.programme.slug, "call": panel.call.slug,
                "consortium_id": b.consortium_id},
    )))  # fmt: skip
    assert "A convincing work programme." not in workspace

    client.force_login(panel.world.coordinator)
    held = client.get(url(panel, "release"))
    assert rows(held, "held-caption") == ["Project B Selected A convincing work programme. 2"]
    assert "2 people receive an e-mail" in text(held)
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url(panel, "release"), follow=True)

    assert "1 decision was sent (2 e-mails)." in text(sent)
    assert "1 selected application is now a network of the programme." in text(sent)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in panel.writers[1])
    network = Network.objects.get(application=b)
    assert f'href="{network.get_absolute_url()}"' in sent.content.decode()
    b.refresh_from_db()
    assert b.status == Application.Status.SELECTED and b.decision == ""
    client.force_login(writer)
    workspace = client.get(
        reverse(
            "selection:workspace",
            kwargs={
                "programme": panel.programme.slug,
                "call": panel.call.slug,
                "consortium_id": b.consortium_id,
            },
        )
    )
    assert "A convincing work programme." in text(workspace)
    assert f'href="{network.get_absolute_url()}"' in workspace.content.decode()


def test_a_decision_from_a_stale_page_is_refused_and_shows_the_stored_one(client, panel):
    a = panel.first
    review.decide(
        actor=panel.world.coordinator,
        application=a,
        decision="rejected",
        feedback="Too vague.",
        expected_version=1,
    )
    client.force_login(panel.world.platform_admin)
    prefix = f"decision-{a.pk}"

    response = client.post(
        url(panel, "decision", consortium_id=a.consortium_id),
        {f"{prefix}-decision": "selected", f"{prefix}-decision_version": 1},
    )

    assert response.status_code == 200
    card = section(response, f"application-{a.pk}")
    assert "Not saved: someone else changed this decision" in card
    assert "Stored now: Not selected – Too vague." in card
    assert re.search(rf'name="{prefix}-decision" value="selected"[^>]*checked', response.text)
    assert f'name="{prefix}-decision_version" value="2"' in response.text
    a.refresh_from_db()
    assert a.decision == "rejected"


def test_only_the_people_who_run_the_call_decide(client, panel):
    a = panel.first
    prefix = f"decision-{a.pk}"
    for person in (panel.chair, panel.writers[0][0]):
        client.force_login(person)
        response = client.post(
            url(panel, "decision", consortium_id=a.consortium_id),
            {f"{prefix}-decision": "selected", f"{prefix}-decision_version": 1},
        )
        assert response.status_code == 403
    a.refresh_from_db()
    assert a.decision == ""


# Query counts -----------------------------------------------------------------------------------


def _queries(client, page) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page)
    assert response.status_code == 200
    return len(queries)


def _reviewed(panel, application):
    """An application with one submitted review, one open and a conflict, like the others."""
    scored(panel, panel.german, application, 3, 4)
    assign(panel, application, panel.chair)
    review.declare_conflict(actor=panel.italian, application=application, reason="Neighbours")


def _more(panel, count=2):
    for n in range(count):
        _reviewed(
            panel,
            ApplicationFactory(
                consortium=ConsortiumFactory(call=panel.call),
                title=f"Project {n}",
                status=Application.Status.SUBMITTED,
                submitted_at=timezone.now(),
            ),
        )


@pytest.mark.parametrize(
    ("page", "person"),
    [("ranking", "coordinator"), ("review_overview", "coordinator"), ("my_reviews", "german")],
)
def test_the_list_pages_read_a_fixed_number_of_queries(client, world, page, person):
    panel = Panel(world, applications=1)
    _reviewed(panel, panel.first)
    client.force_login(world.coordinator if person == "coordinator" else panel.german)
    one = _queries(client, url(panel, page))
    _more(panel)

    assert _queries(client, url(panel, page)) == one
