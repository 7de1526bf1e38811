"""Send the daily e-mail digest of new posts in the discussions people follow.

Django's tasks framework has no scheduler: run this daily from cron or a systemd timer (see
docs/operations.md). Each post is in a person's digest once, however often it runs."""

from django.core.management.base import BaseCommand

from netzwerkstatt.discussions.services import send_digest


class Command(BaseCommand):
    help = "E-mail each follower the new posts in their discussions since their last digest."

    def handle(self, *args, **options):
        sent = send_digest()
        self.stdout.write(f"{sent} digest(s) queued.")
