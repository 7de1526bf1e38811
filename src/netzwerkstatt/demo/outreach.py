"""Transfer and outreach in the demo (``data_outreach``), written through ``outreach.services``
and then moved to its days.

Practice in Motion has no network of its own yet, so its coordinator creates the working group
"Transfer and capacity building" with the partners (``networks.services``); the capacity-building
plans belong to it. As in ``practices``, each service call is tied to the moment of the story it
belongs to; at the end the audit entries written since are moved there, and the rows' own dates
(created, done) are set with direct updates. None of these services sends e-mail or queues a task.
"""

from __future__ import annotations

import bisect
import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.networks import services as network_services
from netzwerkstatt.networks.models import Network, NetworkMember
from netzwerkstatt.outreach.models import (
    CapacityPlan,
    CapacityStep,
    DisseminationActivity,
    StakeholderEngagement,
    Transfer,
    TransferStep,
)
from netzwerkstatt.outreach.services import capacity, logs, transfers
from netzwerkstatt.practices.models import Practice

from .data_erasmus import PRACTICE_IN_MOTION
from .data_outreach import (
    ACTIVITIES,
    ENGAGEMENTS,
    NETWORK_ACTIVITIES,
    NETWORK_ENGAGEMENTS,
    PLANS,
    TRANSFERS,
    WORKING_GROUP,
    ActivitySpec,
    EngagementSpec,
    StepSpec,
)
from .data_ponteduale import PONTEDUALE
from .data_practices import PRACTICES
from .practices import at, network_of

if TYPE_CHECKING:
    from .loader import _Loader


def load_outreach(loader: _Loader) -> None:
    _Writer(loader).run()


class _Writer:
    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.since = timezone.now()
        self.steps: list[tuple[datetime.datetime, datetime.datetime]] = []
        self.created: list[tuple[type, int, datetime.datetime]] = []
        programme = loader.programmes[PRACTICE_IN_MOTION.name]
        self.programme = programme
        by_title = {
            p.title: p
            for p in Practice.objects.filter(programme=programme).select_related("organisation")
        }
        self.practices = {spec.key: by_title[spec.text["title"]] for spec in PRACTICES}

    def step(self, moment: datetime.datetime) -> datetime.datetime:
        self.steps.append((timezone.now(), moment))
        return moment

    def run(self) -> None:
        network = self._working_group()
        for spec in TRANSFERS:
            self._transfer(spec)
        for spec in PLANS:
            self._plan(network, spec)
        for spec in ENGAGEMENTS:
            self._engagement(self.programme, spec)
        for spec in ACTIVITIES:
            self._activity(self.programme, spec)
        ponteduale = self.loader.programmes[PONTEDUALE.name]
        for spec in NETWORK_ENGAGEMENTS:
            self._engagement(ponteduale, spec)
        for spec in NETWORK_ACTIVITIES:
            self._activity(ponteduale, spec)
        self._date_everything()

    def _date_everything(self) -> None:
        for model, pk, moment in self.created:
            model.objects.filter(pk=pk).update(created=moment)
        began = [step[0] for step in self.steps]
        rows = list(AuditEntry.objects.filter(created__gte=self.since).only("pk", "created"))
        for row in rows:
            row.created = self.steps[bisect.bisect_right(began, row.created) - 1][1]
        AuditEntry.objects.bulk_update(rows, ["created"], batch_size=500)

    def _working_group(self) -> Network:
        coordinator = self.loader.user(PRACTICE_IN_MOTION.coordinators[0])
        created = self.step(at(WORKING_GROUP["created"], 10, 0))
        network = network_services.create_network(
            actor=coordinator,
            programme=self.programme,
            name=WORKING_GROUP["name"],
            kind=Network.Kind.WORKING_GROUP,
            description=WORKING_GROUP["description"],
            themes=[self.loader.themes[code] for code in WORKING_GROUP["themes"]],
        )
        for key in PRACTICE_IN_MOTION.participants:
            role = (
                NetworkMember.Role.LEAD
                if key == WORKING_GROUP["lead"]
                else NetworkMember.Role.PARTNER
            )
            network_services.add_member(
                actor=coordinator, network=network, organisation=self.loader.created[key], role=role
            )
        Network.objects.filter(pk=network.pk).update(created=created)
        NetworkMember.objects.filter(network=network).update(joined_on=WORKING_GROUP["created"])
        return network

    def _step_data(self, spec: StepSpec, key: str) -> dict:
        return {
            "what": spec.what,
            "who_person": self.loader.member_of(key) if spec.by_member else None,
            "who_text": spec.who,
            "due_on": spec.due,
            "status": spec.status,
            "done_on": spec.done,
        }

    def _transfer(self, spec) -> None:
        actor = self.loader.member_of(spec.organisation)
        created = self.step(at(spec.created, 9, 30))
        transfer = transfers.start_transfer(
            actor=actor,
            practice=self.practices[spec.practice],
            organisation=self.loader.created[spec.organisation],
            data={"adaptation": spec.adaptation},
        )
        self.created.append((Transfer, transfer.pk, created))
        if spec.started:
            self.step(at(spec.started, 8, 45))
            transfer = transfers.begin_transfer(
                actor=actor,
                transfer=transfer,
                expected_version=transfer.version,
                started_on=spec.started,
            )
        for number, item in enumerate(spec.steps):
            # Planned the day the transfer began, one after the other.
            moment = self.step(at(spec.started or spec.created, 9, number))
            step = transfers.save_transfer_step(
                actor=actor, transfer=transfer, data=self._step_data(item, spec.organisation)
            )
            self.created.append((TransferStep, step.pk, moment))
        if spec.completed:
            self.step(at(spec.completed, 15, 0))
            transfers.complete_transfer(
                actor=actor,
                transfer=transfer,
                expected_version=transfer.version,
                outcome=spec.outcome,
                lessons=spec.lessons,
                completed_on=spec.completed,
            )

    def _plan(self, network: Network, spec) -> None:
        actor = self.loader.member_of(spec.organisation)
        created = self.step(at(spec.created, 10, 30))
        plan = capacity.create_capacity_plan(
            actor=actor,
            network=network,
            organisation=self.loader.created[spec.organisation],
            data={
                "title": spec.title,
                "goal": spec.goal,
                "starts_on": spec.starts,
                "ends_on": spec.ends,
            },
        )
        self.created.append((CapacityPlan, plan.pk, created))
        for number, item in enumerate(spec.steps):
            moment = self.step(at(spec.created, 10, 35 + number))
            step = capacity.save_capacity_step(
                actor=actor,
                plan=plan,
                data={
                    **self._step_data(item, spec.organisation),
                    "practices": [self.practices[key] for key in item.practices],
                    "events": [],
                },
            )
            self.created.append((CapacityStep, step.pk, moment))

    def _network(self, programme, leads: tuple[str, ...]) -> Network | None:
        if not leads:
            return None
        return network_of(programme, [self.loader.created[key] for key in leads])

    def _engagement(self, programme, spec: EngagementSpec) -> None:
        moment = self.step(at(spec.date + datetime.timedelta(days=1), 9, 15))
        entry = logs.record_engagement(
            actor=self.loader.member_of(spec.organisation),
            programme=programme,
            organisation=self.loader.created[spec.organisation],
            data={
                "network": self._network(programme, spec.network),
                "stakeholder": spec.stakeholder,
                "group": spec.group,
                "level": spec.level,
                "date": spec.date,
                "topic": spec.topic,
                "outcome": spec.outcome,
                "follow_up": spec.follow_up,
                "follow_up_due": spec.follow_up_due,
            },
        )
        self.created.append((StakeholderEngagement, entry.pk, moment))

    def _activity(self, programme, spec: ActivitySpec) -> None:
        moment = self.step(at(spec.date + datetime.timedelta(days=1), 9, 40))
        entry = logs.record_dissemination(
            actor=self.loader.member_of(spec.organisation),
            programme=programme,
            organisation=self.loader.created[spec.organisation],
            data={
                "network": self._network(programme, spec.network),
                "kind": spec.kind,
                "title": spec.title,
                "date": spec.date,
                "audience": spec.audience,
                "estimated_reach": spec.reach,
                "links": list(spec.links),
                "practices": [self.practices[key] for key in spec.practices],
            },
        )
        self.created.append((DisseminationActivity, entry.pk, moment))
