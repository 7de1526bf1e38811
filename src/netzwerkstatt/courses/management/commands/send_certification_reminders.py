"""E-mail training providers' admins about certifications that expire soon.

Django's tasks framework has no scheduler: run this daily from cron or a systemd timer (see
docs/operations.md). Each certification is reminded once when it enters the warning window and
once more shortly before it ends, however often the command runs."""

from django.core.management.base import BaseCommand

from netzwerkstatt.courses.certifications import send_reminders


class Command(BaseCommand):
    help = "Remind providers' admins of certifications that expire within 60 and 14 days."

    def handle(self, *args, **options):
        reminded = send_reminders()
        self.stdout.write(f"{reminded} certification reminder(s) queued.")
