"""``manage.py rebuild_search_index [--model app.Model]``: rebuild the full-text index."""

import time

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from netzwerkstatt.core import search


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index of every searchable model, or of one with --model. "
        "Each model is rebuilt in one transaction in batches, so searches keep working meanwhile. "
        "Also recreates the database's own index structures if a migration dropped them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--model", help="Only this model, as app_label.ModelName.")
        parser.add_argument("--batch-size", type=int, default=search.BATCH_SIZE)

    def handle(self, *args, **options):
        model = None
        if options["model"]:
            try:
                model = apps.get_model(options["model"])
                search.config_for(model)
            except (LookupError, ValueError) as exc:
                registered = ", ".join(c.model._meta.label for c in search.registered())
                raise CommandError(f"{exc} Searchable models: {registered or 'none'}.") from None
        started = time.monotonic()
        counts = search.rebuild(model, batch_size=options["batch_size"])
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count} indexed")
        self.stdout.write(f"Done in {time.monotonic() - started:.1f} s.")
