"""What the API shows of networks: the public card of each network of a programme, and for the
people who see a network's workspace its work programme and its development projects (steps and
progress log; of attachments only their names and sizes, never their contents)."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema

from .models import LogEntry, Milestone, Network, NetworkMember, Step, WorkPackage

# Inlined enums of values, so the OpenAPI components of different "Kind"/"Status" classes do not
# collide.
NetworkKind = Literal[tuple(Network.Kind.values)]
MemberRole = Literal[tuple(NetworkMember.Role.values)]
WorkPackageStatus = Literal[tuple(WorkPackage.Status.values)]
MilestoneKind = Literal[tuple(Milestone.Kind.values)]
StepStatus = Literal[tuple(Step.Status.values)]
LogEntryKind = Literal[tuple(LogEntry.Kind.values)]


# The public card ------------------------------------------------------------------------------


class NetworkOrganisationOut(Schema):
    id: int
    slug: str
    name: str
    kind: str = Field(description="The kind of organisation (vocational school, company, ...).")
    country: str = Field(description="ISO 3166-1 alpha-2 code.")


class NetworkMemberOut(Schema):
    role: MemberRole
    organisation: NetworkOrganisationOut


class NetworkThemeOut(Schema):
    code: str
    name: str

    @staticmethod
    def resolve_name(obj) -> str:
        return str(obj.name)


class NetworkOut(Schema):
    id: int
    name: str
    kind: NetworkKind
    description: str
    members: list[NetworkMemberOut]
    themes: list[NetworkThemeOut]

    @staticmethod
    def resolve_members(obj: Network):
        return list(obj.members.all())

    @staticmethod
    def resolve_themes(obj: Network):
        return list(obj.themes.all())


# The work programme ---------------------------------------------------------------------------


class GoalOut(Schema):
    id: int
    position: int
    title: str
    description: str


class WorkPackageOut(Schema):
    id: int
    goal_id: int | None
    title: str
    description: str
    owner: NetworkOrganisationOut = Field(description="The responsible organisation.")
    starts_on: datetime.date
    ends_on: datetime.date
    status: WorkPackageStatus
    progress: int = Field(description="Per cent, 0 to 100.")
    overdue: bool

    @staticmethod
    def resolve_overdue(obj: WorkPackage) -> bool:
        return obj.is_overdue()


class MilestoneOut(Schema):
    id: int
    goal_id: int | None
    title: str
    kind: MilestoneKind
    due_on: datetime.date
    done_on: datetime.date | None
    overdue: bool

    @staticmethod
    def resolve_overdue(obj: Milestone) -> bool:
        return obj.is_overdue()


class WorkProgrammeOut(Schema):
    network_id: int
    goals: list[GoalOut]
    work_packages: list[WorkPackageOut]
    milestones: list[MilestoneOut]


# Development projects -------------------------------------------------------------------------


class StepOut(Schema):
    id: int
    position: int
    title: str
    status: StepStatus


class LogAttachmentOut(Schema):
    id: int
    name: str = Field(description="The file's name; the file is read on the workspace's page.")
    size: int = Field(description="In bytes.")

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.original_name


class LogEntryOut(Schema):
    id: int
    date: datetime.date
    kind: LogEntryKind
    step_id: int | None
    text: str
    links: list[str]
    author: str | None = Field(description="The author's display name.")
    attachments: list[LogAttachmentOut]

    @staticmethod
    def resolve_links(obj: LogEntry) -> list[str]:
        return [str(link) for link in obj.links or []]

    @staticmethod
    def resolve_author(obj: LogEntry) -> str | None:
        return obj.author.display_name if obj.author else None

    @staticmethod
    def resolve_attachments(obj: LogEntry):
        return list(obj.attachments.all())


class DevelopmentProjectOut(Schema):
    id: int
    title: str
    objective: str
    starting_situation: str
    created: datetime.datetime
    steps: list[StepOut]
    log_entries: list[LogEntryOut] = Field(description="Newest first.")

    @staticmethod
    def resolve_steps(obj):
        return list(obj.steps.all())

    @staticmethod
    def resolve_log_entries(obj):
        return list(obj.log_entries.all())
