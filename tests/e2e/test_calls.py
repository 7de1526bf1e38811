"""A call for expressions of interest from set-up to consortia, as the people involved play it in
the browser: a coordinator sets up and publishes the call, an Italian and a German actor group
express their interest, the coordinator screens them and sends the decisions; once both groups
are eligible, the coordinator proposes and confirms a matching and the groups accept each other."""

import csv
import datetime
import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from netzwerkstatt.calls.models import Call, ExpressionOfInterest, GroupMember
from netzwerkstatt.matching.models import Consortium
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import (
    PASSWORD,
    ActorGroupFactory,
    CallFactory,
    ExpressionFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE_DE = "Duale Ausbildung verbinden 2026"
TITLE_IT = "Collegare la formazione duale 2026"
LONG_QUESTION = "Was möchte Ihre Gruppe gemeinsam erreichen?"
CHOICE_QUESTION = "Wie groß ist Ihre Gruppe?"
FILE_QUESTION = "Arbeitsplan (optional)"
PLAN = "Gemeinsame Lehrwerkstätten und Austausch von Auszubildenden zwischen Mailand und Kassel."
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def minute(moment: datetime.datetime) -> str:
    """A moment as a datetime-local input takes it, in the site's time zone."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def link_in(message, path_part: str) -> str:
    match = re.search(rf"https?://\S+{re.escape(path_part)}\S*", message.body)
    assert match, f"No link containing {path_part} in:\n{message.body}"
    return urlsplit(match.group(0)).path


def sign_in_as(context: BrowserContext, login, person) -> None:
    context.clear_cookies()
    login(person)


def new_row(page: Page, number: int):
    return page.get_by_role("group", name="New criterion (leave empty if not needed)").nth(number)


# The coordinator sets up the call ---------------------------------------------------------------


def set_up_and_publish_the_call(page: Page, world) -> Call:
    page.goto(world.programme.get_absolute_url())
    page.get_by_role("link", name="New call").click()
    expect(heading(page)).to_have_text("New call")
    title = page.get_by_role("group", name="Title")
    title.get_by_label("German").fill(TITLE_DE)
    title.get_by_label("Italian").fill(TITLE_IT)
    text = page.get_by_role("group", name="Text of the call")
    text.get_by_label("German").fill("Berufsschulen und Betriebe finden **Partner in Italien**.")
    text.get_by_label("Italian").fill("Scuole e imprese trovano **partner in Germania**.")
    now = timezone.now()
    page.get_by_label("Opens at").fill(minute(now))
    page.get_by_label("Closes at").fill(minute(now + datetime.timedelta(days=14)))
    countries = page.get_by_role("group", name="Eligible countries")
    expect(countries.get_by_label("Germany")).to_be_checked()
    expect(countries.get_by_label("Italy")).to_be_checked()
    page.get_by_role("button", name="Save draft").click()

    expect(heading(page)).to_have_text("Questions")
    expect(page.get_by_role("alert")).to_contain_text("The call was saved as a draft.")
    call = Call.objects.get(programme=world.programme)
    assert call.status == Call.Status.DRAFT

    add_question(page, LONG_QUESTION, "Long text", max_words="50")
    add_question(
        page,
        CHOICE_QUESTION,
        "Single choice",
        choices="small | Zwei Organisationen | Due organizzazioni\n"
        "large | Drei oder mehr | Tre o più",
    )
    add_question(page, FILE_QUESTION, "File upload", required=False, file_types=("PDF",))
    questions = page.get_by_role("region", name="The form groups fill in").get_by_role("listitem")
    expect(questions.filter(has_text=LONG_QUESTION)).to_contain_text(
        "Long text · at most 50 words · required"
    )
    expect(questions.filter(has_text=CHOICE_QUESTION)).to_contain_text("Drei oder mehr")
    expect(questions.filter(has_text=FILE_QUESTION)).to_contain_text(
        "File upload · PDF, up to 10 MB · optional"
    )

    page.get_by_role("navigation", name="Running this call").get_by_role(
        "link", name="Screening checklist"
    ).click()
    expect(heading(page)).to_have_text("Screening checklist")
    for number, (german, italian) in enumerate(
        [
            ("Öffentliche und private Partner", "Partner pubblici e privati"),
            ("Arbeitsplan ist realistisch", "Il piano di lavoro è realistico"),
        ]
    ):
        what = new_row(page, number).get_by_role("group", name="What to check")
        what.get_by_label("German").fill(german)
        what.get_by_label("Italian").fill(italian)
    page.get_by_role("button", name="Save checklist").click()
    expect(page.get_by_role("alert")).to_contain_text("The screening checklist was saved.")

    page.get_by_role("link", name="Review rubric").click()
    expect(heading(page)).to_have_text("Review rubric")
    for number, (german, weight) in enumerate(
        [("Qualität des Arbeitsprogramms", "3"), ("Nachhaltigkeit", "1")]
    ):
        row = new_row(page, number)
        row.get_by_role("group", name="Title").get_by_label("German").fill(german)
        row.get_by_label("Weight").fill(weight)
    page.get_by_role("button", name="Save rubric").click()
    expect(page.get_by_role("alert")).to_contain_text("The review rubric was saved.")

    page.get_by_role("link", name="Preview").click()
    expect(heading(page)).to_have_text(f"Preview: {TITLE_DE}")
    preview = page.locator("form.preview-form")
    expect(preview.get_by_label(LONG_QUESTION)).to_be_visible()
    expect(preview.get_by_role("radio", name="Zwei Organisationen")).to_be_visible()
    expect(preview.get_by_label(FILE_QUESTION)).to_be_visible()
    expect(preview.locator("button, [type=submit]")).to_have_count(0)
    expect(page.get_by_role("region", name="Screening checklist")).to_contain_text(
        "Arbeitsplan ist realistisch"
    )
    total = page.get_by_role("region", name="Review rubric").get_by_role("row", name="Total weight")
    expect(total).to_have_text(re.compile(r"Total weight\s*4"))

    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("alert")).to_contain_text("The call is published.")
    expect(heading(page)).to_have_text(TITLE_DE)
    expect(page.get_by_text("Open", exact=True)).to_be_visible()
    call.refresh_from_db()
    assert call.status == Call.Status.PUBLISHED
    return call


def add_question(
    page: Page,
    label: str,
    kind: str,
    *,
    required: bool = True,
    max_words: str = "",
    choices: str = "",
    file_types: tuple[str, ...] = (),
) -> None:
    form = page.get_by_role("region", name="Add a question")
    form.get_by_role("group", name="Question").get_by_label("German").fill(label)
    form.get_by_label("Kind of answer").select_option(label=kind)
    form.get_by_label("An answer is required").set_checked(required)
    if max_words:
        form.get_by_label("Word limit (for long text)").fill(max_words)
    if choices:
        form.get_by_label("Choices (for single and multiple choice)").fill(choices)
    for file_type in file_types:
        form.get_by_label(file_type, exact=True).check()
    form.get_by_role("button", name="Add question").click()
    expect(page.get_by_role("alert")).to_contain_text(f"The question “{label}” was added.")


# Groups express their interest ------------------------------------------------------------------


def the_public_call_page_leads_a_visitor_to_sign_in(page: Page, call: Call, person) -> None:
    """An anonymous visitor finds the open call on the programme page and signs in to start."""
    page.goto(call.programme.get_absolute_url())
    calls = page.get_by_role("region", name="Calls")
    expect(calls.get_by_role("listitem").filter(has_text=TITLE_DE)).to_contain_text("Open")
    calls.get_by_role("link", name=TITLE_DE).click()
    expect(heading(page)).to_have_text(TITLE_DE)
    expect(page.get_by_role("region", name="About this call").locator("strong")).to_have_text(
        "Partner in Italien"
    )
    expect(page.get_by_role("link", name="Texts, dates, eligibility")).to_have_count(0)
    page.get_by_role("link", name="Sign in to start your expression of interest").click()

    expect(heading(page)).to_have_text("Sign In")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(heading(page)).to_have_text("Start an expression of interest")


def the_italian_group_starts_and_invites_a_partner(page: Page, lead, partner) -> int:
    expect(page.get_by_role("listitem").filter(has_text=lead.name)).to_contain_text(
        "Can lead a group in this call."
    )
    start = page.get_by_role("region", name="Start the group")
    expect(start.get_by_label(lead.name)).to_be_checked()
    start.get_by_label("Name of the group").fill("Rete duale Lombardia")
    start.get_by_role("button", name="Start the expression of interest").click()

    expect(heading(page)).to_have_text("Rete duale Lombardia")
    expect(page.get_by_role("alert")).to_contain_text("Your actor group was created.")
    group_id = int(re.search(r"/groups/(\d+)/", page.url).group(1))
    tabs = page.get_by_role("navigation", name="Pages of this group")

    tabs.get_by_role("link", name="Profile").click()
    expect(heading(page)).to_contain_text("Profile")
    page.get_by_label("What the group offers").fill("Laboratori di meccatronica, tirocini.")
    page.get_by_label("What the group seeks in a partner").fill(
        "Una scuola professionale tedesca con esperienza nel sistema duale."
    )
    page.get_by_role("group", name="Themes").get_by_label("Digital learning").check()
    languages = page.get_by_role("group", name="Working languages")
    languages.get_by_label("Italian").check()
    languages.get_by_label("German").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("The profile was saved.")
    profile = page.get_by_role("region", name="Profile for matching")
    expect(profile).to_contain_text("Laboratori di meccatronica")
    expect(profile.get_by_text("Digital learning")).to_be_visible()

    tabs.get_by_role("link", name="Partners").click()
    expect(heading(page)).to_contain_text("Partners")
    invite = page.get_by_role("region", name="Invite a partner organisation")
    invite.get_by_label("Find an organisation").fill("Camera")
    organisation = invite.get_by_role("combobox", name="Organisation", exact=True)
    expect(organisation.locator("option")).to_have_text(
        ["Choose from the directory", f"{partner.name} · Milano"]
    )
    organisation.select_option(label=f"{partner.name} · Milano")
    invite.get_by_label("E-mail address").fill("giulia@camera-milano.example.org")
    invite.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("alert")).to_contain_text(
        f"Invitation for {partner.name} sent to giulia@camera-milano.example.org."
    )
    expect(
        page.get_by_role("region", name="Organisations in the group").get_by_role("listitem")
    ).to_have_count(2)
    return group_id


def the_partner_confirms_from_the_e_mail(page: Page, context, login, partner, partner_member):
    (invitation,) = [m for m in mail.outbox if m.to == ["giulia@camera-milano.example.org"]]
    sign_in_as(context, login, partner_member)
    page.goto(link_in(invitation, "/join/"))
    expect(heading(page)).to_have_text("Invitation to an actor group")
    expect(page.get_by_text("Rete duale Lombardia · Italy")).to_be_visible()
    page.get_by_role("button", name=f"Confirm: {partner.name} joins").click()
    expect(heading(page)).to_have_text("Rete duale Lombardia")
    expect(page.get_by_role("alert")).to_contain_text(
        f"{partner.name} now belongs to the group Rete duale Lombardia."
    )
    assert GroupMember.objects.get(organisation=partner).status == GroupMember.Status.CONFIRMED


def the_lead_answers_and_submits(page: Page, check_page) -> None:
    page.get_by_role("link", name="Edit answers").click()
    expect(heading(page)).to_contain_text("Answers")
    status = page.get_by_role("status")
    expect(status).to_contain_text("Saved automatically as you type.")
    answer = page.get_by_label(LONG_QUESTION)
    answer.fill(PLAN)
    expect(page.get_by_text("10 of 50 words")).to_be_visible()
    expect(status).to_contain_text("Draft saved at", timeout=10_000)
    check_page()
    page.get_by_label(FILE_QUESTION).set_input_files(
        {"name": "arbeitsplan.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    expect(page.get_by_text("Uploaded: arbeitsplan.pdf")).to_be_visible(timeout=10_000)
    check_page()

    page.reload()
    expect(page.get_by_label(LONG_QUESTION)).to_have_value(PLAN)
    expect(page.get_by_text("Uploaded: arbeitsplan.pdf")).to_be_visible()

    page.get_by_role("button", name="Save and submit").click()
    expect(page.get_by_role("alert").first).to_contain_text(
        "The expression of interest was not submitted."
    )
    choice = page.get_by_role("group", name=CHOICE_QUESTION)
    expect(choice).to_have_accessible_description(re.compile("This field is required."))
    choice.get_by_label("Drei oder mehr").check()
    page.get_by_role("button", name="Save and submit").click()

    expect(heading(page)).to_have_text("Rete duale Lombardia")
    expect(page.get_by_role("alert")).to_contain_text("The expression of interest was submitted.")
    expect(page.get_by_role("status")).to_contain_text("Submitted on")
    answers = page.get_by_role("region", name="Answers")
    expect(answers).to_contain_text(PLAN)
    expect(answers).to_contain_text("Drei oder mehr")
    expect(answers.get_by_role("link", name="arbeitsplan.pdf")).to_be_visible()


def the_german_group_submits(page: Page, context, login, world, call: Call) -> None:
    sign_in_as(context, login, world.org_admin)
    page.goto(call.get_absolute_url())
    page.get_by_role("link", name="Start your expression of interest").click()
    expect(heading(page)).to_have_text("Start an expression of interest")
    page.get_by_role("button", name="Start the expression of interest").click()
    expect(heading(page)).to_have_text("Berufliche Schulen Kassel")
    page.get_by_role("link", name="Edit answers").click()
    page.get_by_label(LONG_QUESTION).fill("Austausch von Lehrkräften.")
    page.get_by_role("group", name=CHOICE_QUESTION).get_by_label("Zwei Organisationen").check()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("alert")).to_contain_text("The draft was saved.")
    expect(page.get_by_text("Everything is ready to be submitted.")).to_be_visible()
    page.get_by_role("button", name="Submit the expression of interest").click()
    expect(page.get_by_role("alert")).to_contain_text("The expression of interest was submitted.")


# The coordinator screens ------------------------------------------------------------------------


def the_coordinator_screens_and_sends_the_decisions(page: Page, check_page, world, call) -> None:
    page.goto(call.get_absolute_url())
    page.get_by_role("navigation", name="Running this call").get_by_role(
        "link", name="Screening", exact=True
    ).click()
    expect(heading(page)).to_have_text(f"Screening: {TITLE_DE}")
    results = page.locator("#results")
    expect(results).to_contain_text("2 expressions of interest")
    page.get_by_role("combobox", name="Country").select_option(label="Italy")
    expect(results).to_contain_text("1 expression of interest")
    expect(page).to_have_url(re.compile(r"country=IT"))
    check_page()

    results.get_by_role("link", name="Rete duale Lombardia").click()
    expect(heading(page)).to_have_text("Rete duale Lombardia")
    expect(page.get_by_role("region", name="Answers")).to_contain_text(PLAN)
    screening = page.get_by_role("region", name="Screening")
    checklist = screening.get_by_role("group", name="Checklist")
    checklist.get_by_label("Öffentliche und private Partner").check()
    checklist.get_by_label("Arbeitsplan ist realistisch").check()
    screening.get_by_label("Notes").fill("Starke Partnerschaft.")
    screening.get_by_role("group", name="Decision").get_by_label("Eligible", exact=True).check()
    screening.get_by_role("button", name="Save screening").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The screening of Rete duale Lombardia was saved."
    )

    # Back in the table with its filter kept; clearing it shows both groups again.
    country = page.get_by_role("combobox", name="Country")
    expect(country).to_have_value("IT")
    expect(results).to_contain_text("1 expression of interest")
    country.select_option("")
    expect(results).to_contain_text("2 expressions of interest")
    results.get_by_label("Select Berufliche Schulen Kassel").check()
    bulk = page.get_by_role("group", name="Decide for the ticked expressions of interest")
    bulk.get_by_label("Decision for the ticked expressions").select_option(label="Not eligible")
    bulk.get_by_label("Reason and feedback for the group").fill(
        "Die Gruppe braucht einen Partner aus der Wirtschaft."
    )
    bulk.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("alert").first).to_contain_text(
        "The decision was recorded for 1 expression of interest."
    )
    rows = page.get_by_role("table").get_by_role("row")
    decisions = [
        rows.filter(has_text=name).get_by_role("cell").last
        for name in ("Rete duale Lombardia", "Berufliche Schulen Kassel")
    ]
    expect(decisions[0]).to_have_text(re.compile(r"^\s*Eligible\s*held – not sent yet\s*$"))
    expect(decisions[1]).to_have_text(re.compile(r"^\s*Not eligible\s*held – not sent yet\s*$"))

    mail.outbox.clear()
    page.get_by_role("link", name="Review and send").click()
    expect(heading(page)).to_have_text(f"Send decisions: {TITLE_DE}")
    expect(page.get_by_text("2 held decisions will be sent")).to_be_visible()
    page.get_by_role("button", name="Send 2 decisions").click()
    expect(page.get_by_role("alert")).to_contain_text("2 decisions were sent (4 e-mails).")
    italians = {"lead@istituto.example.org", "giulia@camera-milano.example.org"}
    germans = {world.member.email, world.org_admin.email}
    assert {message.to[0] for message in mail.outbox} == italians | germans
    for message in mail.outbox:
        reason = "Die Gruppe braucht einen Partner aus der Wirtschaft." in message.body
        assert reason == (message.to[0] in germans)

    page.get_by_role("navigation", name="Screening").get_by_role("link", name="Overview").click()
    expect(heading(page)).to_have_text(f"Overview: {TITLE_DE}")
    funnel = page.get_by_role("region", name="Funnel").get_by_role("listitem")
    expect(funnel).to_have_text(
        [
            "2 Started expressions of interest",
            "2 Received expressions of interest",
            "2 Decision sent expressions of interest",
            "1 Eligible expression of interest",
            "0 Matched groups",
            "0 Matched pairs consortia",
            "0 Applications submitted joint applications",
            "0 Selected joint applications",
        ]
    )
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename == f"{call.programme.slug}-{call.slug}-overview.csv"
    # The byte-order mark lets spreadsheet programs read the file as UTF-8.
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert ["Funnel", "eligible", "Eligible", "", "1", "expression of interest"] + [""] * 6 in rows
    assert ["Countries", "IT", "Italy", "Italy", "", "groups", "1", "1", "0", "0", "0", "0"] in rows


# The story --------------------------------------------------------------------------------------


def test_a_call_from_set_up_to_screening(page: Page, context, world, login, check_page):
    page.on("dialog", lambda dialog: dialog.accept())
    istituto = OrganisationFactory(
        name="Istituto Tecnico Lombardo", country="IT", region="IT-25", city="Milano"
    )
    lead_user = MembershipFactory(
        organisation=istituto, role="admin", user__email="lead@istituto.example.org"
    ).user
    camera = OrganisationFactory(
        name="Camera di Commercio Milano", country="IT", region="IT-25", city="Milano"
    )
    partner_member = MembershipFactory(
        organisation=camera, user__email="giulia@camera-milano.example.org"
    ).user

    login(world.coordinator)
    call = set_up_and_publish_the_call(page, world)

    context.clear_cookies()
    the_public_call_page_leads_a_visitor_to_sign_in(page, call, lead_user)
    group_id = the_italian_group_starts_and_invites_a_partner(page, istituto, camera)
    the_partner_confirms_from_the_e_mail(page, context, login, camera, partner_member)

    sign_in_as(context, login, lead_user)
    page.goto(f"{call.get_absolute_url()}groups/{group_id}/")
    mail.outbox.clear()
    the_lead_answers_and_submits(page, check_page)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "giulia@camera-milano.example.org",
        "lead@istituto.example.org",
    ]

    the_german_group_submits(page, context, login, world, call)

    sign_in_as(context, login, world.coordinator)
    the_coordinator_screens_and_sends_the_decisions(page, check_page, world, call)
    statuses = dict(
        ExpressionOfInterest.objects.filter(group__call=call).values_list("group__name", "status")
    )
    assert statuses == {
        "Rete duale Lombardia": "eligible",
        "Berufliche Schulen Kassel": "ineligible",
    }


# Matching ---------------------------------------------------------------------------------------


def accept_the_proposal(page: Page, context, login, person, partner: str, message: str) -> None:
    # The proposal is the person's first letter since the round was confirmed.
    letter = next(m for m in mail.outbox if m.to == [person.email])
    assert partner in letter.body
    sign_in_as(context, login, person)
    page.goto(link_in(letter, "/matching/groups/"))
    expect(heading(page)).to_have_text("Proposed partner")
    expect(page.get_by_role("region", name=partner)).to_be_visible()
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_role("alert")).to_contain_text(message)


def test_eligible_groups_are_matched_and_form_a_consortium(page: Page, context, world, login):
    page.on("dialog", lambda dialog: dialog.accept())
    call = CallFactory(programme=world.programme, title={"de": TITLE_DE, "it": TITLE_IT})
    digital = Theme.objects.get(code="digital-learning")
    istituto = OrganisationFactory(name="Istituto Tecnico Lombardo", country="IT", region="IT-25")
    lead_user = MembershipFactory(organisation=istituto, role="admin").user
    groups = [
        ActorGroupFactory(call=call, name="Rete duale Lombardia", country="IT", lead=istituto),
        ActorGroupFactory(
            call=call, name="Kasseler Verbund", country="DE", lead=world.organisation
        ),
    ]
    for group in groups:
        group.themes.set([digital])
        ExpressionFactory(group=group)

    login(world.coordinator)
    page.goto(f"{call.get_absolute_url()}screening/")
    results = page.locator("#results")
    for group in groups:
        results.get_by_label(f"Select {group.name}").check()
    bulk = page.get_by_role("group", name="Decide for the ticked expressions of interest")
    bulk.get_by_label("Decision for the ticked expressions").select_option(label="Eligible")
    bulk.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The decision was recorded for 2 expressions of interest."
    )
    page.get_by_role("link", name="Review and send").click()
    page.get_by_role("button", name="Send 2 decisions").click()
    expect(page.get_by_role("alert")).to_contain_text("2 decisions were sent")

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name=TITLE_DE).click()
    page.get_by_role("navigation", name="Running this call").get_by_role(
        "link", name="Matching"
    ).click()
    expect(heading(page)).to_have_text(f"Matching: {TITLE_DE}")
    free = page.get_by_role("region", name="Groups free to be matched")
    expect(free).to_contain_text("Rete duale Lombardia")
    expect(free).to_contain_text("Kasseler Verbund")
    page.get_by_role("link", name="Propose a matching").click()

    expect(heading(page)).to_have_text("Propose a matching")
    expect(page.get_by_text("2 groups are free to be matched.")).to_be_visible()
    page.get_by_role("button", name="Propose").click()
    expect(heading(page)).to_have_text("Round 1")
    expect(page.get_by_role("alert")).to_contain_text("Round 1 was proposed.")
    pairs = page.get_by_role("region", name="1 pair")
    expect(pairs.get_by_role("row").nth(1)).to_contain_text("Rete duale Lombardia")
    expect(pairs.get_by_role("row").nth(1)).to_contain_text("Kasseler Verbund")

    mail.outbox.clear()
    page.get_by_role("button", name="Confirm and tell the groups").click()
    expect(page.get_by_role("alert")).to_contain_text("Round 1 was confirmed.")
    expect(page.get_by_text("Confirmed", exact=True)).to_be_visible()
    recipients = {lead_user.email, world.member.email, world.org_admin.email}
    assert {message.to[0] for message in mail.outbox} == recipients

    accept_the_proposal(
        page,
        context,
        login,
        lead_user,
        "Kasseler Verbund",
        "You accepted the proposal. The other group's answer is awaited.",
    )
    accept_the_proposal(
        page,
        context,
        login,
        world.org_admin,
        "Rete duale Lombardia",
        "Both groups accepted: you form a consortium and can apply together.",
    )
    expect(page.get_by_role("status")).to_contain_text(
        "Both groups accepted: Rete duale Lombardia and your group form a consortium"
    )
    consortium = Consortium.objects.get()
    assert {consortium.left.name, consortium.right.name} == {g.name for g in groups}
    statuses = ExpressionOfInterest.objects.filter(group__call=call).values_list(
        "status", flat=True
    )
    assert set(statuses) == {ExpressionOfInterest.Status.MATCHED}

    sign_in_as(context, login, world.coordinator)
    page.goto(f"{call.get_absolute_url()}matching/")
    expect(page.get_by_role("region", name="Consortia")).to_contain_text(
        "Rete duale Lombardia – Kasseler Verbund"
    )
    page.get_by_role("navigation", name="Running this call").get_by_role(
        "link", name="Overview"
    ).click()
    funnel = page.get_by_role("region", name="Funnel").get_by_role("listitem")
    expect(funnel.nth(4)).to_have_text("2 Matched groups")
    expect(funnel.nth(5)).to_have_text("1 Matched pairs consortium")
