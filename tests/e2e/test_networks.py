"""A tandem's two years, as the people involved play it in the browser: the coordinator creates
the tandem of a vocational school and a training company, the school starts a development
project with steps and records its progress, the coordinator follows it on the projects overview
and schedules the first of six network meetings; people of both organisations register (one
waits for a place until the other cancels), the coordinator records attendance and writes the
minutes with a decision and a task, the task appears on the assignee's dashboard, and the
meeting is in that person's calendar feed, read by an independent iCalendar parser."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
import vobject
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from netzwerkstatt.events.models import Event, Registration, Task
from netzwerkstatt.networks.models import DevelopmentProject, LogEntry, Network
from tests.e2e.test_calls import heading, link_in, sign_in_as
from tests.factories import MembershipFactory, OrganisationFactory, ParticipationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TANDEM = "Tandem Kassel: Schule und Betrieb digital"
PROJECT = "Digitales Berichtsheft"
MEETING = "1. Netzwerktreffen: Lernorte verbinden"
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def field(scope, label: str):
    """The form field labelled exactly ``label`` (a required field's label ends in "*")."""
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}\s*\*?$"))


class Story:
    def __init__(self, world):
        self.world = world
        self.school = world.organisation  # Berufliche Schulen Kassel, a vocational school
        self.company = OrganisationFactory(
            name="Müller Maschinenbau GmbH", kind="training_company", country="DE", region="DE-HE"
        )
        ParticipationFactory(programme=world.programme, organisation=self.company)
        self.teacher = world.member
        self.trainer = MembershipFactory(
            organisation=self.company, user__name="Jana Ausbilderin", user__language="en"
        ).user
        # The meeting in four weeks, 14:00 to 17:00 in Berlin.
        day = timezone.localdate() + datetime.timedelta(days=28)
        self.starts = datetime.datetime.combine(day, datetime.time(14, 0), BERLIN)
        self.ends = self.starts.replace(hour=17)

    @property
    def tandem(self) -> Network:
        return Network.objects.get(name=TANDEM)


# The coordinator creates the tandem -------------------------------------------------------------


def the_coordinator_creates_the_tandem(page: Page, story: Story) -> None:
    # The live server's first answer loads the URL patterns and compiles the templates: slow
    # on a busy machine.
    page.goto(f"/programmes/{story.world.programme.slug}/networks/", timeout=30_000)
    page.get_by_role("link", name="New network").click()
    page.get_by_label("Name").fill(TANDEM)
    page.get_by_label("Kind").select_option("tandem")
    page.get_by_label("Short description").fill(
        "Eine Berufsschule und ein Ausbildungsbetrieb aus Kassel digitalisieren die "
        "Lernortkooperation."
    )
    page.get_by_role("button", name=re.compile("Create|Save")).click()
    expect(page.get_by_role("alert")).to_contain_text("Now add its members.")
    expect(heading(page)).to_contain_text(TANDEM)

    page.get_by_label("Organisation").select_option(label=story.school.name)
    page.get_by_label("Role").select_option("lead")
    page.get_by_role("button", name=re.compile("Add")).click()
    expect(page.get_by_role("alert")).to_contain_text(f"{story.school.name} is now a member.")
    page.get_by_label("Organisation").select_option(label=story.company.name)
    page.get_by_role("button", name=re.compile("Add")).click()
    expect(page.get_by_role("alert")).to_contain_text(f"{story.company.name} is now a member.")
    members = page.get_by_role("table")
    expect(members).to_contain_text(story.school.name)
    expect(members).to_contain_text(story.company.name)
    assert {m.organisation.kind for m in story.tandem.members.select_related("organisation")} == {
        "vocational_school",
        "training_company",
    }


# The school records its development project ---------------------------------------------------


def the_school_starts_a_project_and_records_progress(page: Page, story: Story) -> None:
    page.goto(story.tandem.get_absolute_url())
    expect(heading(page)).to_have_text(TANDEM)
    page.get_by_role("navigation", name="Workspace of the network").get_by_role(
        "link", name="Development projects"
    ).click()
    expect(page.get_by_text("This tandem has no development project yet.")).to_be_visible()
    field(page, "Title").fill(PROJECT)
    page.get_by_label("Objective").fill("Alle Auszubildenden führen ihr Berichtsheft digital.")
    page.get_by_label("Starting situation").fill("Berichtshefte auf Papier, Abzeichnen im Betrieb.")
    page.get_by_role("button", name="Start the project").click()
    expect(page.get_by_role("alert")).to_contain_text("The development project was started.")

    for step in ("Pilotklasse auswählen", "App im Betrieb einführen"):
        page.get_by_label("New step").fill(step)
        page.get_by_role("button", name="Add the step").click()
        expect(page.get_by_role("region", name="Planned steps")).to_contain_text(step)

    log = page.get_by_role("region", name="Add an entry to the log")
    log.get_by_label("Type").select_option("tool_introduced")
    log.get_by_label("Step").select_option(label="App im Betrieb einführen")
    log.get_by_label("What happened").fill(
        "Die Berichtsheft-App ist in der Pilotklasse im Einsatz."
    )
    log.get_by_label("Links").fill("https://example.org/berichtsheft-app")
    page.get_by_role("button", name="Add the entry").click()
    progress = page.get_by_role("region", name="Progress log")
    expect(progress).to_contain_text("Die Berichtsheft-App ist in der Pilotklasse im Einsatz.")
    expect(
        progress.get_by_role("link", name="https://example.org/berichtsheft-app")
    ).to_be_visible()

    log = page.get_by_role("region", name="Add an entry to the log")
    log.get_by_label("Type").select_option("reflection")
    log.get_by_label("What happened").fill(
        "Die Ausbilder zögerten zuerst; nach einer gemeinsamen Schulung wollen alle weitermachen."
    )
    page.get_by_role("button", name="Add the entry").click()
    expect(progress).to_contain_text("Reflection on resistance and change")
    expect(
        progress.get_by_role("listitem").filter(has_text="Die Ausbilder zögerten")
    ).to_have_count(1)

    project = DevelopmentProject.objects.get(network=story.tandem)
    assert project.title == PROJECT
    assert list(project.steps.values_list("title", flat=True)) == [
        "Pilotklasse auswählen",
        "App im Betrieb einführen",
    ]
    assert sorted(project.log_entries.values_list("kind", flat=True)) == [
        LogEntry.Kind.REFLECTION,
        LogEntry.Kind.TOOL_INTRODUCED,
    ]
    assert project.log_entries.get(kind="tool_introduced").links == [
        "https://example.org/berichtsheft-app"
    ]


def the_coordinator_follows_the_projects(page: Page, story: Story) -> None:
    page.goto(f"/programmes/{story.world.programme.slug}/networks/projects/")
    tandem = page.get_by_role("main")
    expect(tandem).to_contain_text(TANDEM)
    expect(tandem).to_contain_text(PROJECT)
    expect(tandem).to_contain_text("0 of 2")
    # The latest entry of the log: the reflection, written after the tool.
    expect(tandem).to_contain_text("Reflection on resistance and change")


# The coordinator schedules a network meeting ----------------------------------------------------


def the_coordinator_schedules_a_meeting(page: Page, story: Story) -> Event:
    page.goto(f"/programmes/{story.world.programme.slug}/events/")
    page.get_by_role("link", name="New event").click()
    page.get_by_label("Kind").select_option("network_meeting")
    field(page, "Title").fill(MEETING)
    page.get_by_label("Number in the series").fill("1")
    page.get_by_label("Meetings in the series").fill("6")
    field(page, "Starts").fill(story.starts.strftime("%Y-%m-%dT%H:%M"))
    field(page, "Ends").fill(story.ends.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Time zone").select_option("Europe/Berlin")
    field(page, "Place").fill("Berufliche Schulen Kassel, Aula")
    field(page, "Places").fill("1")
    page.get_by_role("radio", name="Invited networks").check()
    page.get_by_role("group", name=re.compile("Invited networks")).get_by_label(TANDEM).check()
    mail.outbox.clear()
    page.get_by_role("button", name=re.compile("Create|Save")).click()
    expect(page.get_by_role("alert")).to_contain_text("The event was created.")
    expect(heading(page)).to_have_text(MEETING)
    event = Event.objects.get(title=MEETING)
    assert (event.series_number, event.series_total, event.capacity) == (1, 6, 1)
    assert event.timezone == "Europe/Berlin"
    assert event.starts_at == story.starts
    # The invitation reached the people of both organisations.
    assert {story.teacher.email, story.trainer.email} <= {m.to[0] for m in mail.outbox}
    return event


def register(page: Page, event: Event, button: str) -> None:
    page.goto(event.get_absolute_url())
    page.get_by_role("button", name=button).click()


def both_register_and_one_moves_up(page: Page, context, login, story: Story, event: Event):
    sign_in_as(context, login, story.teacher)
    register(page, event, "Register")
    expect(page.get_by_text("You are registered.", exact=True)).to_be_visible()

    sign_in_as(context, login, story.trainer)
    page.goto(event.get_absolute_url())
    expect(
        page.get_by_text("The event is full. Register to join the waiting list.")
    ).to_be_visible()
    page.get_by_role("button", name="Join the waiting list").click()
    expect(
        page.get_by_text("You are on the waiting list. We write when a place frees up.", exact=True)
    ).to_be_visible()

    sign_in_as(context, login, story.teacher)
    mail.outbox.clear()
    page.goto(event.get_absolute_url())
    page.get_by_role("button", name="Cancel my registration").click()
    # The place went to the trainer at once: the teacher may only join the waiting list now.
    expect(page.get_by_role("button", name="Join the waiting list")).to_be_visible()
    letters = [m for m in mail.outbox if m.to == [story.trainer.email]]
    assert [m.subject for m in letters] == [f"A place is free for you: {MEETING}"]
    assert link_in(letters[0], "/events/") == event.get_absolute_url()
    assert Registration.objects.get(event=event, user=story.trainer).status == "registered"

    sign_in_as(context, login, story.trainer)
    page.goto(link_in(letters[0], "/events/"))
    expect(page.get_by_text("You are registered.", exact=True)).to_be_visible()


def the_coordinator_records_attendance_and_minutes(page: Page, story: Story, event: Event):
    page.goto(event.get_absolute_url())
    page.get_by_role("link", name="Attendance").click()
    page.get_by_label(story.trainer.display_name).check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_role("alert")).to_contain_text("Attendance was saved.")
    assert Registration.objects.get(event=event, user=story.trainer).attended

    page.goto(event.get_absolute_url())
    page.get_by_role("link", name="Minutes and tasks").click()
    page.get_by_label("Minutes (Markdown)").fill(
        "## Stand der Tandems\n\nDas Tandem Kassel stellt das **digitale Berichtsheft** vor."
    )
    page.get_by_role("button", name="Save the minutes").click()
    field(page, "Decision").fill("Das Berichtsheft wird auf alle Klassen ausgeweitet.")
    page.get_by_role("button", name="Add the decision").click()
    expect(page.get_by_role("region", name="Decisions")).to_contain_text("auf alle Klassen")
    mail.outbox.clear()
    field(page, "Task").fill("Leitfaden für Ausbilder schreiben")
    page.get_by_label("Assigned to").select_option(label=story.trainer.display_name)
    page.get_by_role("button", name="Assign the task").click()
    expect(page.get_by_role("region", name="Follow-up tasks")).to_contain_text(
        "Leitfaden für Ausbilder schreiben"
    )
    assert Task.objects.get(event=event).assignee == story.trainer
    assert [m.to for m in mail.outbox] == [[story.trainer.email]]


# The trainer's dashboard and calendar -----------------------------------------------------------


def the_task_is_on_the_dashboard(page: Page, story: Story, event: Event) -> None:
    page.goto("/dashboard/")
    tasks = page.get_by_role("region", name="Open tasks")
    expect(tasks).to_contain_text(f"From {MEETING}")
    tasks.get_by_role("link", name="Leitfaden für Ausbilder schreiben").click()
    expect(heading(page)).to_have_text(MEETING)
    expect(page.get_by_role("region", name="Minutes")).to_contain_text("digitale Berichtsheft")


def the_calendar_feed_has_the_meeting(page: Page, event: Event) -> bytes:
    page.goto("/accounts/calendar/")
    page.get_by_role("button", name="Create my calendar address").click()
    url = page.get_by_label("Your personal calendar address").input_value()
    response = page.request.get(url)
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    return response.body()


def check_rfc5545_lines(body: bytes) -> None:
    """A strict reading of RFC 5545's syntax, independent of any iCalendar library: CRLF line
    ends, content lines folded at 75 octets, balanced BEGIN/END, the required properties."""
    assert body.endswith(b"\r\n")
    raw_lines = body.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in raw_lines)
    assert all(len(line) <= 75 for line in raw_lines), [x for x in raw_lines if len(x) > 75]
    # Unfold (a line beginning with a space or a tab continues the one before).
    lines: list[str] = []
    for line in raw_lines:
        if line[:1] in (b" ", b"\t"):
            lines[-1] += line[1:].decode("utf-8")
        else:
            lines.append(line.decode("utf-8"))
    stack: list[tuple[str, int]] = []  # open components: (name, index into ``components``)
    components: list[tuple[str, list[str]]] = []  # each component with its property names
    for line in lines:
        name = re.match(r"[A-Za-z0-9-]+", line)
        assert name and line[name.end()] in ":;", line
        if line.startswith("BEGIN:"):
            components.append((line[6:], []))
            stack.append((line[6:], len(components) - 1))
        elif line.startswith("END:"):
            assert stack and stack.pop()[0] == line[4:], line
        else:
            assert stack, line
            components[stack[-1][1]][1].append(name.group(0).upper())
    assert stack == []
    assert components[0][0] == "VCALENDAR"
    assert set(components[0][1]) >= {"PRODID", "VERSION"}
    for kind, names in components:
        if kind == "VEVENT":
            assert set(names) >= {"UID", "DTSTAMP", "DTSTART"}
            # At most once each (RFC 5545, 3.6.1).
            assert all(names.count(n) == 1 for n in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"))
        if kind == "VTIMEZONE":
            assert "TZID" in names
        if kind in ("STANDARD", "DAYLIGHT"):
            assert set(names) >= {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO"}


def check_the_feed(body: bytes, event: Event, story: Story) -> None:
    check_rfc5545_lines(body)
    calendar = icalendar.Calendar.from_ical(body)
    (item,) = [c for c in calendar.walk("VEVENT") if str(c["UID"]) == event.ical_uid]
    assert str(item["SUMMARY"]) == MEETING
    assert item["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert item.decoded("DTSTART") == story.starts
    assert item.decoded("DTSTART").utcoffset() == story.starts.utcoffset()
    assert item.decoded("DTEND") == story.ends
    assert "Europe/Berlin" in {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    # The raw line, as a calendar app reads it.
    local = story.starts.strftime("%Y%m%dT%H%M%S")
    assert f"DTSTART;TZID=Europe/Berlin:{local}\r\n".encode() in body
    # A second, independent parser reads the same event at the same moment.
    (parsed,) = vobject.readComponents(body.decode())
    (again,) = [e for e in parsed.vevent_list if e.uid.value == event.ical_uid]
    assert again.summary.value == MEETING
    assert again.dtstart.value == story.starts


def test_a_tandem_records_progress_and_meets(page: Page, context, world, login):
    page.on("dialog", lambda dialog: dialog.accept())
    story = Story(world)

    login(world.coordinator)
    the_coordinator_creates_the_tandem(page, story)

    sign_in_as(context, login, story.teacher)
    the_school_starts_a_project_and_records_progress(page, story)

    sign_in_as(context, login, world.coordinator)
    the_coordinator_follows_the_projects(page, story)
    event = the_coordinator_schedules_a_meeting(page, story)

    both_register_and_one_moves_up(page, context, login, story, event)

    sign_in_as(context, login, world.coordinator)
    the_coordinator_records_attendance_and_minutes(page, story, event)

    sign_in_as(context, login, story.trainer)
    the_task_is_on_the_dashboard(page, story, event)
    body = the_calendar_feed_has_the_meeting(page, event)
    check_the_feed(body, event, story)
