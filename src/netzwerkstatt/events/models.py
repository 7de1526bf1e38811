"""Events: kick-offs, network meetings, online seminars and working-group sessions.

An event belongs to a programme and, when it is a network's own meeting, to one network. A
programme event is for the whole programme or for the networks it invites. The app owns the
event with its agenda, the registrations (with a waiting list) and attendance, the minutes with
decisions and follow-up tasks, the slides and other attachments, the topics members propose for
needs-based online seminars (with votes), and each person's secret calendar feed.

Times are stored as aware datetimes (UTC in the database) together with the event's IANA time
zone, in which pages, e-mails and the iCalendar files show them. ``sequence`` counts the changes
of an event: calendars use it (with the stable ``uid``) to replace their copy, and the edit form
uses it to notice concurrent edits.
"""

import secrets
import uuid
import zoneinfo

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils import timezone as django_timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Europe first: the programmes run there. Any IANA zone is valid; the form offers these.
TIME_ZONES = sorted(
    z for z in zoneinfo.available_timezones() if z.startswith(("Europe/", "Atlantic/Canary"))
) + ["UTC"]


def private_storage():
    """Slides and minutes' attachments are read through a permission-checked view only."""
    return storages["private"]


class Event(models.Model):
    class Kind(models.TextChoices):
        KICK_OFF = "kick_off", _("Kick-off")
        NETWORK_MEETING = "network_meeting", _("Network meeting")
        ONLINE_SEMINAR = "online_seminar", _("Online seminar")
        WORKING_GROUP_SESSION = "working_group_session", _("Working-group session")
        OTHER = "other", pgettext_lazy("kind of event", "Other")

    class Audience(models.TextChoices):
        PROGRAMME = "programme", _("The whole programme")
        NETWORKS = "networks", _("Invited networks")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="events"
    )
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
        help_text=_("A network's own meeting is for that network only."),
    )
    audience = models.CharField(
        _("for"), max_length=20, choices=Audience.choices, default=Audience.PROGRAMME
    )
    invited_networks = models.ManyToManyField(
        "networks.Network", verbose_name=_("invited networks"), blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    series_number = models.PositiveSmallIntegerField(
        _("number in the series"), null=True, blank=True
    )
    series_total = models.PositiveSmallIntegerField(
        _("meetings in the series"), null=True, blank=True
    )
    description = models.TextField(_("description (Markdown)"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Berlin",
        help_text=_("Times are shown in it."),
    )
    location = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    minutes = models.TextField(_("minutes (Markdown)"), blank=True)
    minutes_updated_at = models.DateTimeField(null=True, blank=True, editable=False)
    invitations_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created = models.DateTimeField(_("created"), default=django_timezone.now)
    updated = models.DateTimeField(_("updated"), default=django_timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"programme": self.programme.slug, "pk": self.pk})

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at < django_timezone.now()

    @property
    def ical_uid(self) -> str:
        return f"{self.uid}@netzwerkstatt"


class AgendaItem(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    starts_at = models.TimeField(_("time"), null=True, blank=True)
    title = models.CharField(_("item"), max_length=200)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["event", "order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.REGISTERED, Status.WAITLISTED)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # The waiting list is served in the order people asked for a place.
    requested_at = models.DateTimeField(_("registered"), default=django_timezone.now)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["event", "requested_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"


class Decision(models.Model):
    """A decision recorded in an event's minutes."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    created = models.DateTimeField(default=django_timezone.now)

    class Meta:
        ordering = ["event", "created", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:80]


class Task(models.Model):
    """A follow-up task from an event, assigned to one person; shown on their dashboard."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.CASCADE,
        related_name="event_tasks",
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created = models.DateTimeField(default=django_timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["event", "done_at", "due_on", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return self.title


def _attachment_path(instance: "EventAttachment", filename: str) -> str:
    return f"events/{instance.event_id}/{filename}"


class EventAttachment(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=_attachment_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded = models.DateTimeField(_("uploaded"), default=django_timezone.now)

    class Meta:
        ordering = ["event", "uploaded", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class SeminarTopic(models.Model):
    """A topic members propose for a needs-based online seminar of their programme."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        SCHEDULED = "scheduled", _("Seminar planned")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="seminar_topics"
    )
    title = models.CharField(_("topic"), max_length=200)
    description = models.TextField(_("what should the seminar cover?"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    event = models.OneToOneField(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="topic"
    )
    created = models.DateTimeField(default=django_timezone.now)

    class Meta:
        ordering = ["programme", "-created"]
        verbose_name = _("seminar topic")
        verbose_name_plural = _("seminar topics")

    def __str__(self) -> str:
        return self.title


class TopicVote(models.Model):
    topic = models.ForeignKey(SeminarTopic, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(default=django_timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "user"], name="one_vote_per_person_and_topic")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.topic}"


class CalendarFeed(models.Model):
    """A person's secret calendar subscription. The token is the only credential of the feed
    URL, which calendar apps fetch without signing in; revoking deletes it, and a new one is a
    new row. It is kept in clear so the page can show the address again (like a private
    calendar link elsewhere); it only reveals the person's event calendar."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(default=django_timezone.now)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user}"

    def get_absolute_url(self) -> str:
        return reverse("events:feed", kwargs={"token": self.token})

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)
