"""Write the demo calls (``data_calls``) through the calls services, as people would have.

A coordinator creates each call, adds its questions, screening checklist and rubric and publishes
it. For each actor group a member of the lead organisation starts the expression of interest,
invites the partners (a member of each partner confirms), saves the profile and the answers and
submits; coordinators tick the checklist, hold decisions, decide the eligible ones in one go and,
for the closed call, send the decisions. States, audit entries and e-mails are the real ones.

The services work in the present only: a call whose closing date has passed cannot be
published, and nobody can start, answer or submit outside the call's dates. So the closed call is
loaded while it is open (from just before loading until a day later), and then it and everything
that happened in it are moved to their real dates with direct updates (``_Timeline``), as the
loader does with the day participants joined a programme. The audit log is left alone: it says
when the rows were written.
"""

from __future__ import annotations

import datetime
import random
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

from netzwerkstatt.accounts.models import User
from netzwerkstatt.calls.models import (
    ActorGroup,
    Call,
    ExpressionOfInterest,
    GroupMember,
    Question,
)
from netzwerkstatt.calls.services import expressions as expression_services
from netzwerkstatt.calls.services import screening as screening_services
from netzwerkstatt.calls.services import setup as setup_services
from netzwerkstatt.programmes import services as programme_services
from netzwerkstatt.programmes.models import ProgrammeRole
from netzwerkstatt.vocabularies.regions import WORKING_LANGUAGES

from .data_calls import CALLS
from .matching import load_matching
from .spec import CallSpec, GroupSpec, Org

if TYPE_CHECKING:
    from .loader import _Loader

SEED = 2024
SUBMITTED, STARTED = "submitted", "started"  # GroupSpec.stage; "draft" is the rest
MAX_THEMES = 4
_MARKUP = re.compile(r"\*+")


def load_calls(loader: _Loader) -> None:
    for spec in CALLS:
        _CallLoader(loader, spec).run()


def _plain(markdown: str) -> str:
    """An organisation's self-description as a group pastes it into a plain text answer."""
    return _MARKUP.sub("", markdown).strip()


class _CallLoader:
    def __init__(self, loader: _Loader, spec: CallSpec) -> None:
        self.loader = loader
        self.spec = spec
        self.programme = loader.programmes[spec.programme]
        self.author = loader.user(spec.author)
        self.call: Call | None = None
        self.questions: dict[str, Question] = {}
        # (spec, expression, partner rows) of each group, in the order of the data
        self.groups: list[tuple[GroupSpec, ExpressionOfInterest, list[GroupMember]]] = []

    def run(self) -> None:
        first_coordinator = self.loader.user(
            self.loader.programme_specs[self.spec.programme].coordinators[0]
        )
        for person in self.spec.coordinators:
            programme_services.grant_role(
                actor=first_coordinator,
                programme=self.programme,
                user=self.loader.user(person),
                role=ProgrammeRole.Role.COORDINATOR,
            )
        self._set_up()
        for group in self.spec.groups:
            self._answer(group)
        self._screen()
        # The closed call goes on: matching, joint applications, review and selection.
        if self.spec.released_at is not None:
            load_matching(self)
        _Timeline(self).apply()

    # The call ---------------------------------------------------------------------------------

    def _dates_while_loading(self) -> tuple[datetime.datetime, datetime.datetime]:
        now = timezone.now()
        if self.spec.closes_at is not None:
            return now - datetime.timedelta(hours=1), now + datetime.timedelta(days=1)
        today = timezone.localdate()
        zone = timezone.get_current_timezone()
        opens = datetime.datetime.combine(
            today - datetime.timedelta(days=self.spec.opened_days_ago),
            datetime.time(9),
            tzinfo=zone,
        )
        closing_day = today + datetime.timedelta(days=self.spec.closes_in_days)
        while closing_day.weekday() >= 5:  # a call closes on a working day
            closing_day += datetime.timedelta(days=1)
        closes = datetime.datetime.combine(closing_day, datetime.time(23, 59), tzinfo=zone)
        return opens, closes

    def _refreshed_call(self) -> Call:
        self.call.refresh_from_db(fields=["version"])
        return self.call

    def _set_up(self) -> None:
        spec = self.spec
        opens, closes = self._dates_while_loading()
        self.call = setup_services.create_call(
            actor=self.author,
            programme=self.programme,
            data={
                "title": spec.title,
                "text": spec.text,
                "opens_at": opens,
                "closes_at": closes,
                "eligible_countries": list(spec.eligible_countries),
                "eligible_kinds": list(spec.eligible_kinds),
                "pairings": [list(pair) for pair in spec.pairings],
                "themes": [self.loader.themes[code] for code in spec.themes],
            },
        )
        if self.call.slug != spec.slug:
            raise ValueError(f"The call {spec.slug} was given the address {self.call.slug}.")
        for question in spec.questions:
            self.questions[question.key] = setup_services.save_question(
                actor=self.author,
                call=self.call,
                data={
                    "label": question.label,
                    "help_text": question.help_text,
                    "kind": question.kind,
                    "required": question.required,
                    "choices": [
                        {"value": value, "label": label} for value, label in question.choices
                    ],
                    "max_words": question.max_words,
                    "min_value": _decimal(question.min_value),
                    "max_value": _decimal(question.max_value),
                    "file_types": list(question.file_types),
                },
            )
        setup_services.save_screening_criteria(
            actor=self.author,
            call=self.call,
            criteria=[{"id": None, "text": text} for text in spec.criteria],
            expected_version=self._refreshed_call().version,
        )
        setup_services.save_rubric(
            actor=self.author,
            call=self.call,
            criteria=[
                {"id": None, "title": title, "description": description, "weight": weight}
                for title, description, weight in spec.rubric
            ],
            score_min=spec.score_range[0],
            score_max=spec.score_range[1],
            expected_version=self._refreshed_call().version,
        )
        self.call = setup_services.publish_call(actor=self.author, call=self.call)

    # The groups -------------------------------------------------------------------------------

    def _orgs(self, group: GroupSpec) -> list[Org]:
        return [self.loader.organisations[key] for key in group.organisations]

    def _answer(self, group: GroupSpec) -> None:
        actor = self.loader.member_of(group.lead)
        expression = expression_services.start_expression(
            actor=actor,
            call=self.call,
            lead=self.loader.created[group.lead],
            name=group.name,
        )
        partners = [
            self._invite(expression.group, actor, key, confirm=True) for key in group.partners
        ]
        partners += [
            self._invite(expression.group, actor, key, confirm=False) for key in group.invited
        ]
        expression_services.update_profile(
            actor=actor,
            group=expression.group,
            data=self._profile(group),
            expected_version=expression.group.version,
        )
        answers = self._answers(group)
        if answers:
            expression = expression_services.save_draft_answers(
                actor=actor,
                expression=expression,
                answers=answers,
                expected_version=expression.version,
            )
        if group.stage == SUBMITTED:
            expression = expression_services.submit_expression(actor=actor, expression=expression)
        self.groups.append((group, expression, partners))

    def _invite(self, group: ActorGroup, actor: User, key: str, *, confirm: bool) -> GroupMember:
        partner = self.loader.member_of(key)
        member = expression_services.invite_partner(
            actor=actor,
            group=group,
            organisation=self.loader.created[key],
            email=partner.email,
        )
        if confirm:
            member = expression_services.answer_partner_invitation(
                actor=partner, member=member, confirm=True
            )
        return member

    def _profile(self, group: GroupSpec) -> dict[str, object]:
        orgs = self._orgs(group)
        # The lead's themes and what each partner adds first: a profile names a few themes.
        themes = dict.fromkeys(orgs[0].themes)
        for org in orgs[1:]:
            themes.update(dict.fromkeys([code for code in org.themes if code not in themes][:1]))
        languages = dict.fromkeys(
            code for org in orgs for code in org.language_list if code in WORKING_LANGUAGES
        )
        return {
            "name": group.name,
            "themes": [self.loader.themes[code] for code in list(themes)[:MAX_THEMES]],
            "offers": group.offers
            or "\n".join(competency for org in orgs for competency in org.competencies[:3]),
            "seeks": group.seeks,
            "preferred_regions": list(group.regions),
            "working_languages": list(languages),
        }

    def _answers(self, group: GroupSpec) -> dict[str, object]:
        """The answers by question id, as the answer form stores them."""
        if group.stage == STARTED:
            return {}
        orgs = self._orgs(group)
        answers: dict[str, object] = {}
        for spec in self.spec.questions:
            if spec.derived_from == "descriptions":
                texts = [_plain(org.description) for org in orgs]
                if len(orgs) > 1:
                    texts = [f"{org.name}: {text}" for org, text in zip(orgs, texts, strict=True)]
                value: object = "\n\n".join(texts)
            elif spec.derived_from == "kinds":
                kinds = {org.kind for org in orgs}
                value = [choice for choice, _label in spec.choices if choice in kinds]
            elif spec.key in group.answers:
                value = group.answers[spec.key]
            else:
                continue
            # Numbers as the answer form stores them: as text.
            answers[str(self.questions[spec.key].pk)] = (
                str(value) if isinstance(value, int) else value
            )
        return answers

    # Screening ----------------------------------------------------------------------------------

    def _screener(self, group: GroupSpec) -> User:
        country = self.loader.organisations[group.lead].country
        return self.loader.user(self.spec.screeners.get(country, self.spec.screeners["*"]))

    def _screen(self) -> None:
        criteria = list(self.call.screening_criteria.order_by("position"))
        eligible = []
        for index, (group, expression, partners) in enumerate(self.groups):
            if group.stage != SUBMITTED or not group.screened:
                continue
            ineligible = group.decision == ExpressionOfInterest.Decision.INELIGIBLE
            expression = screening_services.record_screening(
                actor=self._screener(group),
                expression=expression,
                checks=[c.pk for n, c in enumerate(criteria, start=1) if n not in group.unmet],
                notes=group.note,
                decision=group.decision if ineligible else "",
                reason=group.reason,
                expected_version=expression.version,
                expected_screening_version=expression.screening_version,
            )
            self.groups[index] = (group, expression, partners)
            if group.decision == ExpressionOfInterest.Decision.ELIGIBLE:
                eligible.append(expression)
        decider = self.loader.user(self.spec.screeners["*"])
        if eligible:
            screening_services.decide_many(
                actor=decider,
                expressions=eligible,
                decision=ExpressionOfInterest.Decision.ELIGIBLE,
                reason="",
            )
        if self.spec.released_at is not None:
            screening_services.release_decisions(actor=decider, call=self.call)


def _decimal(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


class _Timeline:
    """When things happened: the services stamp everything with the moment of loading, so the
    call, its groups, invitations, submissions and released decisions are moved to plausible
    moments within the call's dates (on weekdays' office hours, in a seeded order)."""

    def __init__(self, loaded: _CallLoader) -> None:
        self.loaded = loaded
        self.spec = loaded.spec
        self.call = loaded.call
        self.random = random.Random(f"{SEED}-{self.spec.slug}")
        self.zone = timezone.get_current_timezone()
        if self.spec.closes_at is not None:
            self.opens, self.closes = self.spec.opens_at, self.spec.closes_at
            self.end = self.closes
        else:
            self.opens, self.closes = self.call.opens_at, self.call.closes_at
            self.end = timezone.now() - datetime.timedelta(hours=1)

    def apply(self) -> None:
        created = self.spec.created_at or self.opens - datetime.timedelta(days=7)
        Call.objects.filter(pk=self.call.pk).update(
            created=created, opens_at=self.opens, closes_at=self.closes
        )
        span = (self.end - self.opens).days
        for group, expression, partners in self.loaded.groups:
            self._move_group(group, expression, partners, span)

    def _office_hours(self, earliest: datetime.datetime, days: int) -> datetime.datetime:
        """A moment on a working day ``days`` after ``earliest`` (or later on the same day)."""
        day = earliest.astimezone(self.zone).date() + datetime.timedelta(days=days)
        while day.weekday() >= 5:
            day += datetime.timedelta(days=1)
        moment = datetime.datetime.combine(
            day,
            datetime.time(self.random.randint(8, 17), self.random.randrange(60)),
            tzinfo=self.zone,
        )
        return max(moment, earliest + datetime.timedelta(minutes=self.random.randint(10, 90)))

    def _move_group(self, group, expression, partners, span: int) -> None:
        started = self._office_hours(self.opens, self.random.randint(0, span // 2))
        last = started
        for member in partners:
            invited = self._office_hours(last, self.random.randint(0, 2))
            answered = None
            if member.status != GroupMember.Status.INVITED:
                answered = self._office_hours(invited, self.random.randint(0, 4))
            GroupMember.objects.filter(pk=member.pk).update(
                invited_at=invited, answered_at=answered
            )
            last = answered or invited
        ActorGroup.objects.filter(pk=expression.group_id).update(created=started)
        GroupMember.objects.filter(group_id=expression.group_id, role=GroupMember.Role.LEAD).update(
            invited_at=started, answered_at=started
        )
        changes: dict[str, object] = {}
        if group.stage == SUBMITTED:
            days_left = max(0, (self.end - last).days - 1)
            delay = self.random.randint(min(2, days_left), min(max(3, span // 4), days_left))
            submitted = self._office_hours(last, delay)
            if submitted >= self.end:  # the weekend after ``last`` reaches past the end
                submitted = last + datetime.timedelta(minutes=self.random.randint(10, 60))
            changes = {"submitted_at": submitted, "updated": submitted}
            if self.spec.released_at is not None:
                changes.update(
                    decision_released_at=self.spec.released_at, updated=self.spec.released_at
                )
        else:
            changes = {"updated": min(self._office_hours(last, 1), self.end)}
        ExpressionOfInterest.objects.filter(pk=expression.pk).update(**changes)
