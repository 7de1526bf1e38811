"""The screening pages: who may open them, the table's filters and order, one expression with its
checklist, decisions for many at once, and sending the held decisions."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.calls.models import AnswerFile, Call, ExpressionOfInterest, GroupMember
from netzwerkstatt.calls.services import screening as services
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.organisations.models import Organisation
from tests.calls.test_screening import make_screening
from tests.factories import (
    ActorGroupFactory,
    CallFactory,
    ExpressionFactory,
    GroupMemberFactory,
    OrganisationFactory,
    ProgrammeRoleFactory,
)

pytestmark = pytest.mark.django_db

Status = ExpressionOfInterest.Status
Decision = ExpressionOfInterest.Decision


@pytest.fixture
def screening(world):
    return make_screening(world)


def _url(name, call, **kwargs):
    return reverse(
        f"calls:{name}", kwargs={"programme": call.programme.slug, "slug": call.slug, **kwargs}
    )


def _expression_url(screening, expression):
    return _url("screening_expression", screening.call, expression_id=expression.pk)


def _rows(response) -> list[str]:
    """Group names in the table's order."""
    return [e.group.name for e in response.context["page"].object_list]


def _answer_file(expression, question, content=b"%PDF-1.4 plan"):
    answer = AnswerFile(
        expression=expression, question=question, original_name="Arbeitsplan.pdf", size=13
    )
    answer.file.save("plan.pdf", ContentFile(content), save=False)
    answer.save()
    return answer


# Who may open the pages ------------------------------------------------------------------------

PAGES = ["screening", "screening_release", "overview", "overview_csv", "overview_xlsx"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("outsider", 403),
        ("member", 403),  # belongs to the German group
        ("org_admin", 403),  # belongs to the German group
        ("committee_member", 403),
        ("coordinator", 200),
        ("platform_admin", 200),
    ],
)
def test_only_the_people_who_run_the_call_open_the_screening_pages(
    client, world, screening, page, role, status
):
    client.force_login(getattr(world, role))

    assert client.get(_url(page, screening.call)).status_code == status
    assert client.get(_expression_url(screening, screening.german)).status_code == status


@pytest.mark.parametrize("page", PAGES)
def test_visitors_are_sent_to_sign_in(client, screening, page):
    url = _url(page, screening.call)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_coordinators_of_another_programme_are_refused(client, screening):
    stranger = ProgrammeRoleFactory(role="coordinator").user
    client.force_login(stranger)

    assert client.get(_url("screening", screening.call)).status_code == 403
    assert client.get(_expression_url(screening, screening.italian)).status_code == 403
    response = client.post(
        _url("screening_bulk", screening.call),
        {"expressions": [screening.italian.pk], "decision": "eligible"},
    )
    assert response.status_code == 403
    assert client.post(_url("screening_release", screening.call)).status_code == 403
    screening.italian.refresh_from_db()
    assert screening.italian.screening_decision == Decision.NONE


def test_a_draft_call_is_not_found_by_people_outside_it(client, world, screening):
    Call.objects.filter(pk=screening.call.pk).update(status=Call.Status.DRAFT)
    client.force_login(world.member)

    assert client.get(_url("screening", screening.call)).status_code == 404


def test_group_members_cannot_screen_their_own_expression(client, world, screening):
    client.force_login(world.org_admin)

    response = client.post(
        _expression_url(screening, screening.german),
        {"version": 1, "screening_version": 1, "decision": "eligible", "reason": ""},
    )

    assert response.status_code == 403
    screening.german.refresh_from_db()
    assert screening.german.screening_decision == Decision.NONE


def test_drafts_and_other_calls_expressions_are_not_found(client, world, screening):
    draft = ExpressionFactory(
        group=ActorGroupFactory(call=screening.call), status=Status.DRAFT, submitted_at=None
    )
    elsewhere = ExpressionFactory()
    client.force_login(world.coordinator)

    assert client.get(_expression_url(screening, draft)).status_code == 404
    assert client.get(_expression_url(screening, elsewhere)).status_code == 404
    assert draft.group.name not in _rows(client.get(_url("screening", screening.call)))


# The table -------------------------------------------------------------------------------------


def test_table_lists_the_received_expressions_with_their_organisations(client, world, screening):
    client.force_login(world.coordinator)

    response = client.get(_url("screening", screening.call))

    assert _rows(response) == ["Duales Netz Hessen", "Rete Duale Lombardia"]
    content = response.content.decode()
    assert content.count("<h1") == 1
    ids = re.findall(r'\sid="([^"]+)"', content)
    assert len(ids) == len(set(ids))
    assert "Meccanica Rossi" in content
    assert "Lombardia" in content
    assert "Training company" in content
    assert 'aria-label="Breadcrumb"' in content
    assert f'href="{world.programme.get_absolute_url()}"' in content
    assert f'href="{_url("screening_release", screening.call)}"' in content
    assert f'href="{_url("overview", screening.call)}"' in content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "IT"}, ["Rete Duale Lombardia"]),
        ({"country": "DE"}, ["Duales Netz Hessen"]),
        ({"region": "IT-25"}, ["Rete Duale Lombardia"]),
        ({"region": "DE-HE"}, ["Duales Netz Hessen"]),
        ({"kind": "training_company"}, ["Rete Duale Lombardia"]),
        ({"kind": "vocational_school"}, ["Duales Netz Hessen"]),
        ({"kind": "university"}, []),
        ({"status": "submitted"}, ["Duales Netz Hessen", "Rete Duale Lombardia"]),
        ({"status": "eligible"}, []),
    ],
)
def test_table_filters(client, world, screening, query, expected):
    client.force_login(world.coordinator)

    assert _rows(client.get(_url("screening", screening.call), query)) == expected


def test_table_filters_by_theme_code(client, world, screening):
    client.force_login(world.coordinator)
    digital, _green = screening.themes

    response = client.get(_url("screening", screening.call), {"theme": digital.code})

    assert _rows(response) == ["Rete Duale Lombardia"]


def test_kind_and_region_of_an_unconfirmed_partner_do_not_count(client, world, screening):
    GroupMemberFactory(
        group=screening.german.group,
        status=GroupMember.Status.INVITED,
        organisation=OrganisationFactory(kind=Organisation.Kind.UNIVERSITY, region="DE-BY"),
    )
    client.force_login(world.coordinator)

    assert _rows(client.get(_url("screening", screening.call), {"kind": "university"})) == []
    assert _rows(client.get(_url("screening", screening.call), {"region": "DE-BY"})) == []


def test_table_filters_by_held_decision_and_marks_it(client, world, screening):
    services.decide_many(
        actor=world.coordinator,
        expressions=[screening.italian],
        decision=Decision.ELIGIBLE,
        reason="",
    )
    client.force_login(world.coordinator)

    response = client.get(_url("screening", screening.call), {"decision": "eligible"})
    undecided = client.get(_url("screening", screening.call), {"decision": "none"})

    assert _rows(response) == ["Rete Duale Lombardia"]
    assert "held – not sent yet" in response.content.decode()
    assert _rows(undecided) == ["Duales Netz Hessen"]
    assert "held – not sent yet" not in undecided.content.decode().split("<tbody>")[1]


def test_a_filter_that_no_longer_fits_is_dropped(client, world, screening):
    client.force_login(world.coordinator)

    response = client.get(_url("screening", screening.call), {"theme": "gone", "country": "IT"})

    assert _rows(response) == ["Rete Duale Lombardia"]
    assert response.context["filter_form"].errors["theme"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Duales Netz Hessen", "Rete Duale Lombardia"]),
        ("-name", ["Rete Duale Lombardia", "Duales Netz Hessen"]),
        ("country", ["Duales Netz Hessen", "Rete Duale Lombardia"]),
        ("-country", ["Rete Duale Lombardia", "Duales Netz Hessen"]),
        ("region", ["Duales Netz Hessen", "Rete Duale Lombardia"]),  # DE-HE before IT-25
        ("-region", ["Rete Duale Lombardia", "Duales Netz Hessen"]),
        ("submitted", ["Rete Duale Lombardia", "Duales Netz Hessen"]),
        ("-submitted", ["Duales Netz Hessen", "Rete Duale Lombardia"]),
        ("nonsense", ["Duales Netz Hessen", "Rete Duale Lombardia"]),
    ],
)
def test_table_sorts(client, world, screening, sort, expected):
    # The Italian group submitted first.
    ExpressionOfInterest.objects.filter(pk=screening.italian.pk).update(
        submitted_at=screening.german.submitted_at.replace(year=2020)
    )
    client.force_login(world.coordinator)

    assert _rows(client.get(_url("screening", screening.call), {"sort": sort})) == expected


def test_table_sorts_by_status(client, world, screening):
    ExpressionOfInterest.objects.filter(pk=screening.german.pk).update(status=Status.ELIGIBLE)
    client.force_login(world.coordinator)

    response = client.get(_url("screening", screening.call), {"sort": "status"})

    assert _rows(response) == ["Duales Netz Hessen", "Rete Duale Lombardia"]


def test_sort_links_keep_the_filters_and_say_the_current_order(client, world, screening):
    client.force_login(world.coordinator)

    response = client.get(
        _url("screening", screening.call), {"country": "IT", "sort": "country", "page": "1"}
    )

    content = response.content.decode()
    assert 'aria-sort="ascending"' in content
    assert 'href="?country=IT&amp;sort=-country"' in content
    assert 'href="?country=IT&amp;sort=name"' in content
    # The filter form keeps the order chosen in the table.
    assert '<input type="hidden" name="sort" value="country"' in content


def test_table_answers_htmx_with_the_results_only(client, world, screening):
    client.force_login(world.coordinator)

    response = client.get(
        _url("screening", screening.call), {"country": "IT"}, HTTP_HX_REQUEST="true"
    )

    content = response.content.decode()
    assert "<html" not in content
    assert "Rete Duale Lombardia" in content
    assert "Duales Netz Hessen" not in content
    assert "HX-Request" in response["Vary"]


def _query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_table_query_count_does_not_grow_with_expressions(client, world):
    call = CallFactory(programme=world.programme)
    client.force_login(world.coordinator)
    url = _url("screening", call)

    def add_expression():
        expression = ExpressionFactory(group=ActorGroupFactory(call=call))
        GroupMemberFactory(group=expression.group)
        expression.group.themes.set(list(screening_themes()))

    add_expression()
    client.get(url)
    one = _query_count(client, url)
    add_expression()
    add_expression()

    assert _query_count(client, url) == one


def screening_themes():
    from netzwerkstatt.vocabularies.models import Theme

    return Theme.objects.all()[:2]


# One expression --------------------------------------------------------------------------------


def test_expression_page_shows_the_group_its_profile_and_every_answer(client, world, screening):
    _answer_file(screening.italian, screening.questions["plan"])
    client.force_login(world.coordinator)

    response = client.get(_expression_url(screening, screening.italian))

    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "Rete Duale Lombardia" in content
    assert "Camera di Commercio Milano" in content
    assert "Chamber or guild" in content
    assert "Meccanica Rossi" in content
    assert "Private" in content
    assert "Lombardia, Italy" in content
    assert "Workshops, company placements" in content
    assert "Why this network?" in content
    assert "Vogliamo imparare dal sistema duale." in content
    assert "<li>Mechatronics</li>" in content
    assert "<li>Tourism</li>" in content
    assert "Arbeitsplan.pdf" in content
    assert "Public and private partners" in content
    assert 'for="id_reason"' in content
    assert f'href="{_url("screening", screening.call)}"' in content  # breadcrumb


def test_expression_page_saves_the_screening(client, world, screening):
    first, second = screening.criteria
    client.force_login(world.coordinator)

    response = client.post(
        _expression_url(screening, screening.italian),
        {
            "version": 1,
            "screening_version": 1,
            "checks": [str(second.pk)],
            "notes": "Check the company's training licence.",
            "decision": "eligible",
            "reason": "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == _url("screening", screening.call)
    screening.italian.refresh_from_db()
    assert screening.italian.screening_checks == {str(first.pk): False, str(second.pk): True}
    assert screening.italian.screening_notes == "Check the company's training licence."
    assert screening.italian.screening_decision == Decision.ELIGIBLE
    assert screening.italian.status == Status.SUBMITTED
    page = client.get(_expression_url(screening, screening.italian)).content.decode()
    assert "held – not sent yet" in page
    assert re.search(rf'value="{second.pk}"[^>]*checked', page)


def test_expression_page_wants_a_reason_for_not_eligible(client, world, screening):
    client.force_login(world.coordinator)

    response = client.post(
        _expression_url(screening, screening.italian),
        {"version": 1, "screening_version": 1, "decision": "ineligible", "reason": " "},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="id_reason_error"' in content
    assert "Tell the group why it is not eligible" in content
    screening.italian.refresh_from_db()
    assert screening.italian.screening_decision == Decision.NONE


def test_expression_page_refuses_a_concurrent_edit(client, world, screening):
    services.record_screening(
        actor=world.platform_admin,
        expression=screening.italian,
        checks=[],
        notes="Saved first.",
        decision=Decision.ELIGIBLE,
        reason="",
        expected_version=1,
        expected_screening_version=1,
    )
    client.force_login(world.coordinator)

    response = client.post(
        _expression_url(screening, screening.italian),
        {
            "version": 1,
            "screening_version": 1,
            "notes": "Opened earlier.",
            "decision": "ineligible",
            "reason": "No.",
        },
    )

    assert response.status_code == 200
    assert "Someone else changed this in the meantime" in response.content.decode()
    screening.italian.refresh_from_db()
    assert screening.italian.screening_notes == "Saved first."
    assert screening.italian.screening_decision == Decision.ELIGIBLE


def test_a_sent_decision_is_shown_but_not_editable(client, world, screening):
    services.decide_many(
        actor=world.coordinator,
        expressions=[screening.italian],
        decision=Decision.INELIGIBLE,
        reason="Only one organisation confirmed.",
    )
    services.release_decisions(actor=world.coordinator, call=screening.call)
    client.force_login(world.coordinator)

    page = client.get(_expression_url(screening, screening.italian)).content.decode()
    response = client.post(
        _expression_url(screening, screening.italian),
        {"version": 1, "screening_version": 3, "decision": "eligible", "reason": ""},
    )

    assert "Only one organisation confirmed." in page
    assert 'name="decision"' not in page
    assert "held – not sent yet" not in page
    assert response.status_code == 302
    screening.italian.refresh_from_db()
    assert screening.italian.status == Status.INELIGIBLE


def test_answer_files_are_downloaded_through_the_screening_page(client, world, screening):
    answer = _answer_file(screening.italian, screening.questions["plan"])
    url = _url(
        "screening_file", screening.call, expression_id=screening.italian.pk, file_id=answer.pk
    )
    client.force_login(world.coordinator)

    response = client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"
    assert 'attachment; filename="Arbeitsplan.pdf"' in response["Content-Disposition"]
    wrong_expression = _url(
        "screening_file", screening.call, expression_id=screening.german.pk, file_id=answer.pk
    )
    assert client.get(wrong_expression).status_code == 404
    client.force_login(world.member)
    assert client.get(url).status_code == 403


# Many at once ----------------------------------------------------------------------------------


def test_bulk_decision_holds_the_decision_for_the_ticked_expressions(client, world, screening):
    client.force_login(world.coordinator)

    response = client.post(
        _url("screening_bulk", screening.call),
        {
            "expressions": [screening.italian.pk, screening.german.pk],
            "decision": "eligible",
            "reason": "",
            "query": "country=IT&sort=-name",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == _url("screening", screening.call) + "?country=IT&sort=-name"
    for expression in (screening.italian, screening.german):
        expression.refresh_from_db()
        assert expression.screening_decision == Decision.ELIGIBLE
        assert expression.status == Status.SUBMITTED
    assert AuditEntry.objects.filter(action="expression.decided").count() == 2
    page = client.get(response["Location"]).content.decode()
    assert "The decision was recorded for 2 expressions of interest." in page


def test_bulk_not_eligible_without_a_reason_is_refused_next_to_the_field(client, world, screening):
    client.force_login(world.coordinator)

    response = client.post(
        _url("screening_bulk", screening.call),
        {"expressions": [screening.italian.pk], "decision": "ineligible", "reason": ""},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="bulk_reason_error"' in content
    assert 'for="bulk_reason"' in content
    # The tick survives the refusal.
    assert re.search(
        rf'value="{screening.italian.pk}" id="select-{screening.italian.pk}" checked', content
    )
    screening.italian.refresh_from_db()
    assert screening.italian.screening_decision == Decision.NONE


def test_bulk_without_a_tick_says_so(client, world, screening):
    client.force_login(world.coordinator)

    response = client.post(
        _url("screening_bulk", screening.call), {"decision": "eligible", "reason": ""}
    )

    assert response.status_code == 200
    assert "Tick at least one expression of interest in the table." in response.content.decode()


def test_bulk_refuses_expressions_of_another_call(client, world, screening):
    elsewhere = ExpressionFactory(
        group=ActorGroupFactory(call=CallFactory(programme=world.programme))
    )
    client.force_login(world.coordinator)

    response = client.post(
        _url("screening_bulk", screening.call),
        {"expressions": [elsewhere.pk], "decision": "eligible", "reason": ""},
    )

    assert response.status_code == 200
    elsewhere.refresh_from_db()
    assert elsewhere.screening_decision == Decision.NONE


def test_bulk_only_takes_post(client, world, screening):
    client.force_login(world.coordinator)

    assert client.get(_url("screening_bulk", screening.call)).status_code == 405


# Sending the decisions -------------------------------------------------------------------------


def test_release_page_says_what_will_be_sent(client, world, screening):
    services.decide_many(
        actor=world.coordinator,
        expressions=[screening.italian],
        decision=Decision.INELIGIBLE,
        reason="Too few partners.",
    )
    client.force_login(world.coordinator)

    response = client.get(_url("screening_release", screening.call))

    content = response.content.decode()
    assert "1 held decision will be sent" in content
    assert "0 eligible" in content
    assert "1 not eligible" in content
    assert "2 people receive an e-mail" in content
    assert "Rete Duale Lombardia" in content
    assert "Duales Netz Hessen" not in content
    assert mail.outbox == []


def test_release_page_sends_the_held_decisions(
    client, world, screening, django_capture_on_commit_callbacks
):
    services.decide_many(
        actor=world.coordinator,
        expressions=[screening.italian, screening.german],
        decision=Decision.ELIGIBLE,
        reason="",
    )
    client.force_login(world.coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("screening_release", screening.call))

    assert response.status_code == 302
    assert len(mail.outbox) == 4
    screening.italian.refresh_from_db()
    assert screening.italian.status == Status.ELIGIBLE
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(_url("screening_release", screening.call), follow=True)
    assert len(mail.outbox) == 4
    assert "There was no held decision to send." in again.content.decode()


def test_after_screening_one_expression_the_table_keeps_its_filters(client, world, screening):
    client.force_login(world.coordinator)
    table = client.get(_url("screening", screening.call), {"country": "IT", "sort": "-submitted"})
    link = _expression_url(screening, screening.italian) + "?country=IT&amp;sort=-submitted"
    assert link in table.content.decode()

    response = client.post(
        _expression_url(screening, screening.italian) + "?country=IT&sort=-submitted",
        {"version": 1, "screening_version": 1, "decision": "eligible", "reason": ""},
    )

    assert response.status_code == 302
    assert response["Location"] == _url("screening", screening.call) + "?country=IT&sort=-submitted"
