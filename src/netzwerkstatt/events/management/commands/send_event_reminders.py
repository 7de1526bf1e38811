"""Send the reminder e-mails for events that start within the next 24 hours.

Django's tasks framework has no scheduler: run this hourly from cron or a systemd timer (see
docs/operations.md). Each registration is reminded once, however often it runs."""

from django.core.management.base import BaseCommand

from netzwerkstatt.events.services import send_reminders


class Command(BaseCommand):
    help = "Remind people registered for events that start within the next 24 hours (once each)."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) queued.")
