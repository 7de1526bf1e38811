"""Good practice in the demo, written through ``practices.services`` and ``practices.assessment``
and then moved to its days.

Twelve partners' practices in Practice in Motion, each in its organisation's language
(``data_practices``): seven published (three of them "ready for transfer", which
``publish_practice`` computes from the transferability scores), two in assessment, one sent back
for revision with the owner's answers to the assessors, two drafts. Two of PonteDuale's model
networks documented a practice too (``data_practices_more``), so their public cards show it under
"Published results". Assessors come from organisations in other countries; the programme's
coordinator assigns them and concludes at the consensus meeting.

Each practice's story runs in the order of its days: created, saved a second time (facets and
links), submitted, assessors assigned, assessments saved and submitted, answered, concluded,
translated. The services date everything "now"; after each step, the audit entries and versions it
wrote are moved to the step's moment, and at the end of a practice its own dates, its assessments',
conclusion's and translation's. The audit entries are therefore already in the past when
``audit_dates.move_audit_entries`` runs, and it leaves them alone.
"""

from __future__ import annotations

import bisect
import datetime
import zoneinfo
from typing import TYPE_CHECKING

from django.utils import timezone

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.networks.models import Network
from netzwerkstatt.practices import assessment as assessment_services
from netzwerkstatt.practices import services as practice_services
from netzwerkstatt.practices.models import (
    Assessment,
    AssessmentCriterion,
    Conclusion,
    Practice,
    PracticeTranslation,
    PracticeVersion,
)

from .data_erasmus import PRACTICE_IN_MOTION
from .data_ponteduale import PONTEDUALE
from .data_practices import PRACTICES, PracticeSpec
from .data_practices_more import NETWORK_PRACTICES, TRANSLATIONS

if TYPE_CHECKING:
    from .loader import _Loader

ZONE = zoneinfo.ZoneInfo("Europe/Berlin")
# A draft assessment was last saved this long after the practice was submitted.
DRAFT_SAVED_AFTER = datetime.timedelta(days=12)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=ZONE)


def load_practices(loader: _Loader) -> None:
    writer = _Writer(loader)
    programme = loader.programmes[PRACTICE_IN_MOTION.name]
    coordinator = loader.user(PRACTICE_IN_MOTION.coordinators[0])
    for spec in PRACTICES:
        writer.write(programme, spec, coordinator=coordinator)
    programme = loader.programmes[PONTEDUALE.name]
    coordinator = loader.user(PONTEDUALE.coordinators[0])
    for spec in NETWORK_PRACTICES:
        network = network_of(programme, [loader.created[key] for key in spec.network])
        writer.write(programme, spec, coordinator=coordinator, network=network)
    writer.date_everything()


def network_of(programme, leads) -> Network:
    """The model network these organisations lead together."""
    networks = Network.objects.filter(programme=programme, kind=Network.Kind.MODEL_NETWORK)
    for organisation in leads:
        networks = networks.filter(members__organisation=organisation, members__role="lead")
    network = networks.order_by("pk").first()
    if network is None:
        names = ", ".join(o.name for o in leads)
        raise ValueError(f"No model network of {names}: did the selection change?")
    return network


class _Writer:
    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.since = timezone.now()
        # (when the service call began, the moment of the story it belongs to), in order.
        self.steps: list[tuple[datetime.datetime, datetime.datetime]] = []

    def step(self, moment: datetime.datetime) -> datetime.datetime:
        """What the next service calls write to the audit log and the versions belongs to
        ``moment`` of the story; ``date_everything`` moves it there."""
        self.steps.append((timezone.now(), moment))
        return moment

    def date_everything(self) -> None:
        """Move the audit entries and versions written while loading the practices to the
        moments of the steps that wrote them, with one read and one write per table."""
        began = [step[0] for step in self.steps]
        for model in (AuditEntry, PracticeVersion):
            rows = list(model.objects.filter(created__gte=self.since).only("pk", "created"))
            for row in rows:
                row.created = self.steps[bisect.bisect_right(began, row.created) - 1][1]
            model.objects.bulk_update(rows, ["created"], batch_size=500)

    def write(self, programme, spec: PracticeSpec, *, coordinator, network=None) -> Practice:
        owner = self.loader.member_of(spec.organisation)
        created = self.step(at(spec.created, 9, 10))
        practice = practice_services.create_practice(
            actor=owner,
            programme=programme,
            organisation=self.loader.created[spec.organisation],
            data={**spec.text, "language": spec.language, "network": network},
        )
        last = self.step(at(spec.changed, 14, 30))
        practice = practice_services.update_practice(
            actor=owner,
            practice=practice,
            data={
                "themes": [self.loader.themes[code] for code in spec.themes],
                "countries": list(spec.countries),
                "organisation_kinds": list(spec.organisation_kinds),
                "target_groups": list(spec.target_groups),
                "media_links": list(spec.media_links),
            },
            expected_version=practice.version,
        )
        submitted = None
        if spec.submitted:
            last = submitted = self.step(at(spec.submitted, 10, 0))
            practice = practice_services.submit_practice(actor=owner, practice=practice)
            last = self._assess(practice, spec, coordinator=coordinator, owner=owner)
        translation = TRANSLATIONS.get(spec.key)
        if translation and spec.status == Practice.Status.PUBLISHED:
            language, day, text = translation
            last = self.step(at(day, 11, 20))
            added = practice_services.add_translation(
                actor=owner, practice=practice, language=language, data=text
            )
            PracticeTranslation.objects.filter(pk=added.pk).update(created=last, updated=last)
        published = spec.status == Practice.Status.PUBLISHED
        Practice.objects.filter(pk=practice.pk).update(
            created=created,
            submitted_at=submitted,
            published_at=at(spec.concluded, 16, 0) if published else None,
            updated=last,
        )
        return practice

    def _assess(self, practice: Practice, spec: PracticeSpec, *, coordinator, owner):
        """Assign, score, answer and conclude in the order of their days; returns the last
        moment."""
        criteria = list(practice.programme.assessment_criteria.order_by("position", "pk"))
        plan = []
        assigned_on = spec.submitted + datetime.timedelta(days=2)
        for number, item in enumerate(spec.assessments):
            plan.append((at(assigned_on, 9, 5 * number), "assign", item))
            if item.submitted:
                plan.append((at(item.submitted, 15, 10 + number), "submit", item))
            elif item.scores:
                plan.append((at(spec.submitted + DRAFT_SAVED_AFTER, 17, number), "save", item))
            if item.reply:
                plan.append((at(item.replied, 12, number), "reply", item))
        if spec.concluded:
            plan.append((at(spec.concluded, 16, 0), "conclude", None))
        plan.sort(key=lambda row: row[0])
        assessments: dict[int, Assessment] = {}
        dates: dict[int, dict[str, datetime.datetime]] = {}
        last = at(spec.submitted, 10, 0)
        for moment, action, item in plan:
            last = self.step(moment)
            key = id(item)
            if action == "assign":
                assessments[key] = assessment_services.assign_assessor(
                    actor=coordinator,
                    practice=practice,
                    assessor=self.loader.member_of(item.organisation),
                )
                dates[key] = {"assigned": moment}
            elif action in ("save", "submit"):
                assessment = assessments[key]
                scores = {
                    criterion.pk: (
                        value,
                        item.transfer_comment
                        if criterion.code == AssessmentCriterion.TRANSFERABILITY
                        else "",
                    )
                    for criterion, value in zip(criteria, item.scores, strict=False)
                }
                assessment = assessment_services.save_assessment(
                    actor=assessment.assessor,
                    assessment=assessment,
                    scores=scores,
                    comment=item.comment,
                    expected_version=assessment.version,
                )
                if action == "submit":
                    assessment = assessment_services.submit_assessment(
                        actor=assessment.assessor, assessment=assessment
                    )
                    dates[key]["submitted_at"] = moment
                assessments[key] = assessment
            elif action == "reply":
                assessment_services.answer_assessment(
                    actor=owner, assessment=assessments[key], reply=item.reply
                )
                dates[key]["replied_at"] = moment
            elif spec.outcome == Practice.Status.PUBLISHED:
                assessment_services.publish_practice(
                    actor=coordinator, practice=practice, note=spec.note
                )
                Conclusion.objects.filter(practice=practice).update(created=moment)
            else:
                assessment_services.request_revision(
                    actor=coordinator, practice=practice, note=spec.note
                )
                Conclusion.objects.filter(practice=practice).update(created=moment)
        for key, fields in dates.items():
            Assessment.objects.filter(pk=assessments[key].pk).update(**fields)
        return last
