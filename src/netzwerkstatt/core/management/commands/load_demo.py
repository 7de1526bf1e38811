"""``manage.py load_demo``: fill the platform with the fictional demo data and print the logins."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from netzwerkstatt.demo.loader import Login, load_demo


class Command(BaseCommand):
    help = (
        "Load four fictional programmes with their organisations and people, a closed call "
        "carried through screening, matching, joint applications, the committee's review and "
        "the selection of six model networks (with work programmes and events), an open call "
        "under screening, and ten school-company tandems with their development projects, "
        "meetings and seminars; then print one login per role. Running it again changes "
        "nothing and prints the logins again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help=(
                "Load even though DEBUG is off. Every demo account, a platform admin among "
                "them, has the same published password: never do this on a public site."
            ),
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "DEBUG is off, so this looks like a production site. The demo accounts, a "
                "platform admin among them, share a published password. Use --allow-without-debug "
                "if this really is a throwaway installation."
            )
        result = load_demo()
        if result.created:
            summary = ", ".join(f"{count} {label}" for label, count in result.counts.items())
            self.stdout.write(
                self.style.SUCCESS(f"Demo data loaded in {result.seconds:.1f} s: {summary}.")
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"The demo data is already loaded ({result.found} exists); nothing was changed."
                )
            )
        self.stdout.write(
            f"\nSign in at {settings.SITE_URL}{reverse('account_login')} "
            "with one of these demo accounts:\n\n"
        )
        self.stdout.write(_table(result.logins))


def _table(logins: list[Login]) -> str:
    header = ("Role", "E-mail", "Password", "Look at first")
    rows = [(login.role, login.email, login.password, login.look_at) for login in logins]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]

    def line(cells) -> str:
        padded = [cell.ljust(width) for cell, width in zip(cells[:-1], widths, strict=True)]
        return "  ".join([*padded, cells[-1]])

    rule = "  ".join("-" * width for width in [*widths, len(header[-1])])
    return "\n".join([line(header), rule, *(line(row) for row in rows)]) + "\n"
