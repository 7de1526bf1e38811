"""What of a course the public search finds: title (weighted), description, learning outcomes,
target group, certificate, the field's name in all three languages, the provider's name and the
cities of its runs. Every course is in the index, whatever its state; the public search joins it
with the listed runs (``index.public_runs``). The services re-index a course after every change to
it or its runs (``search.index_object``)."""

from __future__ import annotations

from netzwerkstatt.core import search

from .models import Course


def _field_names(course: Course):
    return [course.field.name] if course.field_id else []


def _cities(course: Course) -> list[str]:
    return sorted({run.city for run in course.runs.all() if run.city})


def register() -> None:
    search.register(
        Course,
        title_fields=["title"],
        fields=[
            "description",
            "learning_outcomes",
            "target_group",
            "certificate_name",
            _field_names,
            "organisation.name",
            _cities,
        ],
        language="language",
        queryset=lambda qs: qs.select_related("field", "organisation").prefetch_related("runs"),
    )
