"""The development projects of tandems: the project, its planned steps and its progress log.

Rules decided here: only tandems have development projects. The project's text carries a version
(``ConcurrentEdit`` when someone saved it since the form opened). Steps and log entries are added
one at a time and do not conflict. Links are web addresses (http or https), one per line;
attachments are PDF, DOCX, XLSX or images of at most 10 MB, checked by their content, kept in the
private storage.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.core.uploads import check_document

from ..models import DevelopmentProject, LogAttachment, LogEntry, Network, Step
from ._common import check_version, raise_errors, record

PROJECT_FIELDS = ("title", "objective", "starting_situation")
ATTACHMENT_TYPES = ["pdf", "docx", "xlsx", "png", "jpg", "jpeg", "gif", "webp"]
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
MAX_LINKS = 20


def parse_links(text: str) -> list[str]:
    """The web addresses of a text, one per line; a ValidationError names the first bad one."""
    links = [line.strip() for line in (text or "").splitlines() if line.strip()]
    validate = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            validate(link)
        except ValidationError:
            raise ValidationError(
                _("“%(link)s” is not a web address (it must begin with https:// or http://).")
                % {"link": link[:100]},
                code="invalid_link",
            ) from None
    if len(links) > MAX_LINKS:
        raise ValidationError(
            _("At most %(max)s links per entry.") % {"max": MAX_LINKS}, code="too_many_links"
        )
    return links


def _validate_project(project: DevelopmentProject) -> None:
    errors: dict[str, list[str]] = {}
    if not (project.title or "").strip():
        errors["title"] = [_("Name the development project.")]
    if not (project.objective or "").strip():
        errors["objective"] = [_("Describe the objective.")]
    raise_errors(errors)


@transaction.atomic
def create_project(
    *, actor, network: Network, title: str, objective: str, starting_situation: str = ""
) -> DevelopmentProject:
    if not network.is_tandem:
        raise ValidationError(_("Only tandems have development projects."), code="not_a_tandem")
    project = DevelopmentProject(
        network=network, title=title, objective=objective, starting_situation=starting_situation
    )
    _validate_project(project)
    project.save()
    record(
        actor,
        "network.project_added",
        project,
        network,
        audit.changes_between({}, audit.snapshot(project, PROJECT_FIELDS)),
    )
    return project


@transaction.atomic
def update_project(
    *, actor, project: DevelopmentProject, data: dict[str, Any], expected_version: int
) -> DevelopmentProject:
    current = DevelopmentProject.objects.select_for_update().get(pk=project.pk)
    check_version(current, expected_version)
    before = audit.snapshot(current, PROJECT_FIELDS)
    for field in PROJECT_FIELDS:
        if field in data:
            setattr(current, field, data[field])
    _validate_project(current)
    changes = audit.changes_between(before, audit.snapshot(current, PROJECT_FIELDS))
    if changes:
        current.version += 1
        current.save()
        record(actor, "network.project_changed", current, project.network, changes)
    return current


@transaction.atomic
def add_step(*, actor, project: DevelopmentProject, title: str) -> Step:
    if not (title or "").strip():
        raise_errors({"title": [_("Name the step.")]})
    last = project.steps.order_by("-position").first()
    step = Step.objects.create(
        project=project, title=title.strip(), position=last.position + 1 if last else 0
    )
    record(
        actor,
        "network.step_added",
        project,
        project.network,
        {"step": {"old": None, "new": step.title}},
    )
    return step


@transaction.atomic
def set_step_status(*, actor, step: Step, status: str) -> Step:
    if status not in Step.Status.values:
        raise_errors({"status": [_("Choose a status.")]})
    current = (
        Step.objects.select_for_update()
        .select_related("project__network__programme")
        .get(pk=step.pk)
    )
    if current.status == status:
        return current
    previous = current.status
    current.status = status
    current.save(update_fields=["status"])
    record(
        actor,
        "network.step_status_set",
        current.project,
        current.project.network,
        {f"step: {current.title}": {"old": previous, "new": status}},
    )
    return current


@transaction.atomic
def add_log_entry(
    *,
    actor,
    project: DevelopmentProject,
    date: datetime.date,
    kind: str,
    text: str,
    links: str | list[str] = "",
    step: Step | None = None,
    uploads=(),
) -> LogEntry:
    """Write a dated entry in the progress log, with its links and attachments. Problems are
    reported per field (``links``, ``attachments``, ...); nothing is stored then."""
    errors: dict[str, list[str]] = {}
    if kind not in LogEntry.Kind.values:
        errors["kind"] = [_("Choose a type.")]
    if not (text or "").strip():
        errors["text"] = [_("Write what happened.")]
    if date is None:
        errors["date"] = [_("Give the date.")]
    if step is not None and step.project_id != project.pk:
        errors["step"] = [_("Choose a step of this project.")]
    try:
        link_list = parse_links("\n".join(links) if isinstance(links, list) else links)
    except ValidationError as error:
        errors["links"] = error.messages
    for upload in uploads:
        try:
            check_document(upload, allowed_types=ATTACHMENT_TYPES, max_bytes=ATTACHMENT_MAX_BYTES)
        except ValidationError as error:
            errors.setdefault("attachments", []).extend(
                f"{upload.name}: {message}" for message in error.messages
            )
    raise_errors(errors)
    entry = LogEntry.objects.create(
        project=project,
        step=step,
        date=date,
        kind=kind,
        text=text.strip(),
        links=link_list,
        author=actor if actor is not None and actor.is_authenticated else None,
    )
    for upload in uploads:
        attachment = LogAttachment(
            entry=entry, original_name=upload.name[:200], size=upload.size, uploaded_by=actor
        )
        # Through the storage API, so an object store can replace the file system.
        attachment.file.save(upload.name, upload, save=False)
        attachment.save()
    record(
        actor,
        "network.log_entry_added",
        entry,
        project.network,
        {
            "date": {"old": None, "new": str(entry.date)},
            "kind": {"old": None, "new": entry.kind},
            "text": {"old": None, "new": entry.text},
            **({"links": {"old": None, "new": link_list}} if link_list else {}),
            **({"attachments": {"old": None, "new": [u.name for u in uploads]}} if uploads else {}),
        },
    )
    return entry
