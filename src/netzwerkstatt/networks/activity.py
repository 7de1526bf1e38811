"""The activity stream of networks: what happened in their workspaces, as sentences.

It is read from the audit log (``core.AuditEntry``), which every service already writes; nothing
is stored twice. An audit entry names an object (content type and id) but not a network, so a
small registry says, per kind of object, how to find its network and which of its actions the
stream tells (``Source``). Each app registers its own sources (``register``); this module lists
those of the networks and events apps at the end, and the discussions and documents apps add
theirs the same way (see ``register`` for an example).

Reading costs a fixed number of queries: one for the entries (with their actors), then one per
registered kind of object to load the objects (and their network's id) in bulk, however many
entries there are and whatever their kinds. Only entries about objects that still exist are
found, so the stream does not tell deletions: a deleted object's entries stay in the audit log
only.

Who sees what: a network's stream is shown to the people who see its workspace; a person's
dashboard reads the streams of their own networks (``network_ids_for_dashboard``). Sources tell
only actions that everyone in the workspace may know of (not, for example, who registered for a
meeting).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils.functional import Promise
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.models import AuditEntry

# A sentence: a message with %(actor)s and %(object)s (and any names of its own ``params``).
Sentence = tuple[Promise | str, dict[str, object]]
Describe = Callable[[AuditEntry, models.Model | None], Sentence]


@dataclass(frozen=True)
class Source:
    """One kind of object whose audit entries belong to a network's stream.

    ``model``: "app_label.ModelName" (looked up when read, so a source of an app that is not
    installed is skipped). ``network_path``: the lookup from the object to its network's id
    ("network", "project__network"; "pk" for the network itself). ``actions``: the audit actions
    told, each with a message or a function of (entry, object) returning (message, params).
    ``url``: the object's address, from (object, network); None when it has none.
    ``select_related``: what ``url`` and the messages read of the object.
    """

    model: str
    network_path: str
    actions: dict[str, Promise | Describe]
    url: Callable[[models.Model, object], str | None] = lambda obj, network: None
    select_related: tuple[str, ...] = ()
    icon: str = "bi-dot"

    def model_class(self) -> type[models.Model] | None:
        try:
            return apps.get_model(self.model)
        except LookupError:  # the app is not installed
            return None


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    """Add (or replace) the source for ``source.model``. Call it from the app's ``ready()`` or at
    the end of this module, for example for the discussions app::

        activity.register(activity.Source(
            model="discussions.Thread",
            network_path="network",
            actions={
                "discussions.thread_started": _("%(actor)s started the discussion “%(object)s”"),
            },
            url=lambda thread, network: thread.get_absolute_url(),
            select_related=("programme",),
            icon="bi-chat-left-text",
        ))
    """
    _SOURCES[source.model] = source


def sources() -> list[tuple[Source, type[models.Model], ContentType]]:
    """The registered sources whose models exist, with their content types (cached by Django)."""
    found = []
    for source in _SOURCES.values():
        model = source.model_class()
        if model is not None:
            found.append((source, model, ContentType.objects.get_for_model(model)))
    return found


# Reading ----------------------------------------------------------------------------------------


def entries_for(network_ids) -> models.QuerySet[AuditEntry]:
    """The audit entries the streams of these networks tell, newest first. ``network_ids`` may
    be a list or a subquery of ids."""
    condition = Q()
    for source, model, content_type in sources():
        object_ids = (
            model._default_manager.filter(**{f"{source.network_path}__in": network_ids})
            .annotate(activity_key=Cast("pk", CharField()))
            .values("activity_key")
        )
        condition |= Q(
            content_type=content_type,
            action__in=list(source.actions),
            object_id__in=Subquery(object_ids),
        )
    if not condition:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(condition).select_related("actor").order_by("-created", "-id")


def last_activity(network_ids) -> dict[int, datetime.datetime]:
    """When each network's stream last told something: one query per source."""
    latest: dict[int, datetime.datetime] = {}
    for source, model, content_type in sources():
        newest = AuditEntry.objects.filter(
            content_type=content_type,
            action__in=list(source.actions),
            object_id=Cast(OuterRef("pk"), CharField()),
        ).order_by("-created")
        rows = (
            model._default_manager.filter(**{f"{source.network_path}__in": network_ids})
            .annotate(activity_network=F(source.network_path))
            .annotate(activity_last=Subquery(newest.values("created")[:1]))
            .filter(activity_last__isnull=False)
            .values_list("activity_network", "activity_last")
        )
        for network_id, moment in rows:
            if network_id not in latest or moment > latest[network_id]:
                latest[network_id] = moment
    return latest


def network_ids_for_dashboard(user) -> list[int]:
    """The networks whose activity a person's dashboard shows: those of their organisations and
    those of the programmes they coordinate (not every network a platform admin may open)."""
    from netzwerkstatt.events.queries import coordinated_programme_ids_of, network_ids_of

    from .models import Network

    ids = set(network_ids_of(user))
    coordinated = coordinated_programme_ids_of(user)
    if coordinated:
        ids |= set(
            Network.objects.filter(programme_id__in=coordinated).values_list("pk", flat=True)
        )
    return sorted(ids)


# Presenting -------------------------------------------------------------------------------------


@dataclass
class Activity:
    """One item of a stream, ready for a template."""

    entry: AuditEntry
    sentence: SafeString
    url: str | None
    network: object | None
    icon: str
    created: datetime.datetime = field(init=False)

    def __post_init__(self) -> None:
        self.created = self.entry.created


def actor_name(entry: AuditEntry) -> str:
    if entry.actor is None:
        return gettext("The platform")
    return entry.actor.display_name


def present(entries: Iterable[AuditEntry], networks: dict[int, object]) -> list[Activity]:
    """Turn entries into sentences in the active language, each with its object's address.
    ``networks``: the networks the entries may belong to, by id, each with its programme loaded
    (for the addresses). Loads the objects in bulk, one query per kind of object."""
    entries = list(entries)
    by_type: dict[int, set[str]] = defaultdict(set)
    for entry in entries:
        by_type[entry.content_type_id].add(entry.object_id)
    registry = {content_type.pk: (source, model) for source, model, content_type in sources()}
    objects: dict[tuple[int, str], models.Model] = {}
    for content_type_id, (source, model) in registry.items():
        # One query per registered source, also when no entry is of its kind (the id 0 exists
        # nowhere): a page costs the same queries whatever kinds of things happened.
        ids = [int(i) for i in by_type.get(content_type_id, ()) if i.isdigit()] or [0]
        found = model._default_manager.filter(pk__in=ids).annotate(
            activity_network=F(source.network_path)
        )
        if source.select_related:
            found = found.select_related(*source.select_related)
        for obj in found:
            objects[(content_type_id, str(obj.pk))] = obj
    items = []
    for entry in entries:
        if entry.content_type_id not in registry:
            continue
        source, _model = registry[entry.content_type_id]
        obj = objects.get((entry.content_type_id, entry.object_id))
        network = networks.get(obj.activity_network) if obj is not None else None
        describe = source.actions.get(entry.action)
        if describe is None:
            continue
        message, params = describe(entry, obj) if callable(describe) else (describe, {})
        params = dict(params)
        url = source.url(obj, network) if obj is not None and network is not None else None
        # A message may name its object otherwise than the object's own text.
        name = params.pop("object", None) or (str(obj) if obj is not None else entry.object_repr)
        link = format_html('<a href="{}">{}</a>', url, name) if url else conditional_escape(name)
        values = {key: conditional_escape(str(value)) for key, value in params.items()}
        values["actor"] = format_html('<span class="fw-semibold">{}</span>', actor_name(entry))
        values["object"] = link
        # The message is ours (translated), the values are escaped above.
        sentence = mark_safe(str(message) % values)
        items.append(
            Activity(entry=entry, sentence=sentence, url=url, network=network, icon=source.icon)
        )
    return items


def stream(networks: Iterable, *, limit: int) -> list[Activity]:
    """The latest ``limit`` items of these networks' streams (networks with their programmes
    loaded)."""
    by_id = {network.pk: network for network in networks}
    if not by_id:
        return []
    return present(entries_for(list(by_id))[:limit], by_id)


# The networks app's and the events app's sources ------------------------------------------------


def _changes(entry: AuditEntry) -> dict:
    return entry.changes if isinstance(entry.changes, dict) else {}


def _new(entry: AuditEntry, key: str):
    value = _changes(entry).get(key)
    return value.get("new") if isinstance(value, dict) else None


def _old(entry: AuditEntry, key: str):
    value = _changes(entry).get(key)
    return value.get("old") if isinstance(value, dict) else None


def _member_added(entry, obj) -> Sentence:
    return _("%(actor)s added %(member)s to the network"), {"member": _new(entry, "member") or ""}


def _member_removed(entry, obj) -> Sentence:
    return (
        _("%(actor)s removed %(member)s from the network"),
        {"member": _old(entry, "member") or ""},
    )


def _work_package_changed(entry, obj) -> Sentence:
    from .models import WorkPackage

    changes = _changes(entry)
    if _new(entry, "status") == WorkPackage.Status.DONE:
        return _("%(actor)s marked the work package “%(object)s” as done"), {}
    if _new(entry, "status") == WorkPackage.Status.CANCELLED:
        return _("%(actor)s cancelled the work package “%(object)s”"), {}
    if set(changes) == {"progress"} or (
        "progress" in changes and set(changes) <= {"progress", "status"}
    ):
        return (
            _("%(actor)s set the progress of the work package “%(object)s” to %(progress)s %%"),
            {"progress": _new(entry, "progress")},
        )
    return _("%(actor)s changed the work package “%(object)s”"), {}


def _is_deliverable(entry, obj) -> bool:
    kind = getattr(obj, "kind", None) or _new(entry, "kind")
    return kind == "deliverable"


def _milestone_added(entry, obj) -> Sentence:
    if _is_deliverable(entry, obj):
        return _("%(actor)s added the deliverable “%(object)s”"), {}
    return _("%(actor)s added the milestone “%(object)s”"), {}


def _milestone_changed(entry, obj) -> Sentence:
    deliverable = _is_deliverable(entry, obj)
    if "done_on" in _changes(entry) and _new(entry, "done_on"):
        if deliverable:
            return _("%(actor)s marked the deliverable “%(object)s” as handed in"), {}
        return _("%(actor)s marked the milestone “%(object)s” as reached"), {}
    if deliverable:
        return _("%(actor)s changed the deliverable “%(object)s”"), {}
    return _("%(actor)s changed the milestone “%(object)s”"), {}


def _step_added(entry, obj) -> Sentence:
    return (
        _("%(actor)s planned the step “%(step)s” in the development project “%(object)s”"),
        {"step": _new(entry, "step") or ""},
    )


def _step_status_set(entry, obj) -> Sentence:
    from .models import Step

    for key, value in _changes(entry).items():
        if key.startswith("step: ") and isinstance(value, dict):
            params = {"step": key.removeprefix("step: ")}
            if value.get("new") == Step.Status.DONE:
                return (
                    _("%(actor)s finished the step “%(step)s” of the development project "
                      "“%(object)s”"),
                    params,
                )  # fmt: skip
            if value.get("new") == Step.Status.IN_PROGRESS:
                return (
                    _("%(actor)s started the step “%(step)s” of the development project "
                      "“%(object)s”"),
                    params,
                )  # fmt: skip
            return (
                _("%(actor)s reopened the step “%(step)s” of the development project “%(object)s”"),
                params,
            )
    return _("%(actor)s changed the steps of the development project “%(object)s”"), {}


def _log_entry_added(entry, obj) -> Sentence:
    if obj is None:
        return _("%(actor)s wrote in a progress log"), {}
    return (
        _("%(actor)s wrote in the progress log of “%(project)s”: %(object)s"),
        {"project": obj.project.title, "object": obj.get_kind_display()},
    )


def _post_in_thread(message) -> Describe:
    """A post is named by its thread's title."""

    def describe(entry, obj) -> Sentence:
        return message, ({"object": obj.thread.title} if obj is not None else {})

    return describe


def _network_url(obj, network) -> str:
    return network.get_absolute_url()


def _item_url(name: str):
    return lambda obj, network: network.url(name, item_id=obj.pk)


def _register_own() -> None:
    register(
        Source(
            model="networks.Network",
            network_path="pk",
            actions={
                "network.created": _("%(actor)s created the network “%(object)s”"),
                "network.changed": _(
                    "%(actor)s changed the name, description or themes of the network"
                ),
                "network.member_added": _member_added,
                "network.member_removed": _member_removed,
            },
            url=_network_url,
            icon="bi-diagram-3",
        )
    )
    register(
        Source(
            model="networks.Goal",
            network_path="network",
            actions={
                "network.goal_added": _("%(actor)s added the goal “%(object)s”"),
                "network.goal_changed": _("%(actor)s changed the goal “%(object)s”"),
            },
            url=_item_url("goal"),
            icon="bi-bullseye",
        )
    )
    register(
        Source(
            model="networks.WorkPackage",
            network_path="network",
            actions={
                "network.work_package_added": _("%(actor)s added the work package “%(object)s”"),
                "network.work_package_changed": _work_package_changed,
            },
            url=_item_url("work_package"),
            icon="bi-list-check",
        )
    )
    register(
        Source(
            model="networks.Milestone",
            network_path="network",
            actions={
                "network.milestone_added": _milestone_added,
                "network.milestone_changed": _milestone_changed,
            },
            url=_item_url("milestone"),
            icon="bi-flag",
        )
    )
    register(
        Source(
            model="networks.DevelopmentProject",
            network_path="network",
            actions={
                "network.project_added": _(
                    "%(actor)s started the development project “%(object)s”"
                ),
                "network.project_changed": _(
                    "%(actor)s changed the development project “%(object)s”"
                ),
                "network.step_added": _step_added,
                "network.step_status_set": _step_status_set,
            },
            url=lambda obj, network: network.url("project", project_id=obj.pk),
            icon="bi-rocket-takeoff",
        )
    )
    register(
        Source(
            model="networks.LogEntry",
            network_path="project__network",
            actions={"network.log_entry_added": _log_entry_added},
            url=lambda obj, network: network.url("project", project_id=obj.project_id),
            select_related=("project",),
            icon="bi-journal-text",
        )
    )
    # A network's own meetings; programme events belong to no single network's stream.
    # Registrations and attendance are left out: they are about one person.
    register(
        Source(
            model="events.Event",
            network_path="network",
            actions={
                "event.created": _("%(actor)s scheduled the meeting “%(object)s”"),
                "event.changed": _("%(actor)s changed the meeting “%(object)s”"),
                "event.cancelled": _("%(actor)s cancelled the meeting “%(object)s”"),
                "event.invitations_sent": _(
                    "%(actor)s sent the invitations to the meeting “%(object)s”"
                ),
                "event.minutes_saved": _("%(actor)s wrote the minutes of “%(object)s”"),
                "event.decision_added": _(
                    "%(actor)s recorded a decision in the minutes of “%(object)s”"
                ),
                "event.task_added": _("%(actor)s assigned a follow-up task from “%(object)s”"),
                "event.attachment_added": _("%(actor)s added a file to the meeting “%(object)s”"),
            },
            url=lambda obj, network: obj.get_absolute_url(),
            select_related=("programme",),
            icon="bi-calendar-event",
        )
    )
    # Discussions of a network (a programme's own threads belong to no network's stream). A post
    # is told by its thread's title, never by its text, which may be hidden by a moderator.
    register(
        Source(
            model="discussions.Thread",
            network_path="network",
            actions={
                "discussion.thread_started": _("%(actor)s started the discussion “%(object)s”"),
                "discussion.thread_closed": _("%(actor)s closed the discussion “%(object)s”"),
                "discussion.thread_reopened": _("%(actor)s reopened the discussion “%(object)s”"),
            },
            url=lambda obj, network: obj.get_absolute_url(),
            select_related=("programme",),
            icon="bi-chat-left-text",
        )
    )
    register(
        Source(
            model="discussions.Post",
            network_path="thread__network",
            actions={
                "discussion.post_added": _post_in_thread(
                    _("%(actor)s wrote in the discussion “%(object)s”")
                ),
            },
            url=lambda obj, network: obj.get_absolute_url(),
            select_related=("thread__programme",),
            icon="bi-chat-left-text",
        )
    )
    # The document library.
    register(
        Source(
            model="networks.Document",
            network_path="network",
            actions={
                "network.document_uploaded": _("%(actor)s added the document “%(object)s”"),
                "network.document_version_uploaded": _(
                    "%(actor)s uploaded a new version of “%(object)s”"
                ),
                "network.document_moved": _("%(actor)s moved the document “%(object)s”"),
                "network.document_archived": _("%(actor)s archived the document “%(object)s”"),
                "network.document_restored": _("%(actor)s restored the document “%(object)s”"),
            },
            url=lambda obj, network: network.url("document", document_id=obj.pk),
            icon="bi-file-earmark-text",
        )
    )


_register_own()
