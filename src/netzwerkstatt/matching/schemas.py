"""What the API shows of matching: a call's rounds, and one round with its pairs, their scores and
every part of each score with its explanation in the request's language."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.utils import timezone
from ninja import Field, Schema

from .models import MatchingRound, ProposedPair

# Inlined enums of values, so the OpenAPI components of different "Status" classes do not collide.
RoundStatus = Literal[tuple(MatchingRound.Status.values)]
PairStatus = Literal[tuple(ProposedPair.Status.values)]
PairAnswer = Literal[tuple(ProposedPair.Answer.values)]
OFFSET = "ISO 8601 in the platform's time zone, with its offset."


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(moment) if moment is not None else None


class RoundOut(Schema):
    number: int
    status: RoundStatus = Field(
        description="proposed (not seen by the groups yet), confirmed or superseded."
    )
    total: float = Field(description="The sum of the pairs' scores.")
    pair_count: int
    rules: dict[str, Any] = Field(
        description=(
            "The coordinators' rules, by group id: must_match, must_not, declined (pairs kept "
            "apart because one side declined earlier), excluded, min_score."
        )
    )
    weights: dict[str, float] = Field(description="Weight of each part of the score, 0-1.")
    created: datetime.datetime = Field(description=OFFSET)
    confirmed_at: datetime.datetime | None = Field(description=OFFSET)
    url: str = Field(description="Path of the round's page.")

    @staticmethod
    def resolve_pair_count(round_: MatchingRound) -> int:
        # Annotated by queries.rounds_of; counted for a single round.
        count = getattr(round_, "pair_count", None)
        return count if count is not None else round_.pairs.count()

    @staticmethod
    def resolve_created(round_: MatchingRound) -> datetime.datetime:
        return _local(round_.created)

    @staticmethod
    def resolve_confirmed_at(round_: MatchingRound) -> datetime.datetime | None:
        return _local(round_.confirmed_at)

    @staticmethod
    def resolve_url(round_: MatchingRound) -> str:
        return round_.get_absolute_url()


class PairGroupOut(Schema):
    id: int
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    lead: str = Field(description="The lead organisation's slug.")

    @staticmethod
    def resolve_lead(group) -> str:
        return group.lead.slug


class PartOut(Schema):
    key: str = Field(
        description="themes, complementarity, kinds, sector_mix, regions, languages or text."
    )
    title: str = Field(description="In the request's language.")
    sentence: str = Field(description="Why the pair scores so, in the request's language.")
    weight: float = Field(description="Applied weight, 0-1.")
    nominal_weight: float = Field(
        description="The weight set; differs when a missing description's weight was shared out."
    )
    value: float = Field(description="How well the pair meets this part, 0-1.")
    points: float = Field(description="What the part adds to the score, 0-100.")
    data: dict[str, Any] = Field(description="The engine's facts behind the sentence.")


class PairOut(Schema):
    id: int
    left: PairGroupOut
    right: PairGroupOut
    score: float = Field(description="0-100.")
    forced: bool = Field(description="Set by the coordinators' rules.")
    status: PairStatus
    left_answer: PairAnswer
    right_answer: PairAnswer
    parts: list[PartOut]

    @staticmethod
    def resolve_parts(pair: ProposedPair) -> list[dict[str, Any]]:
        # The view attaches the explained parts (``reasons``), rendered by one explainer.
        return [
            {
                "key": reason.key,
                "title": reason.title,
                "sentence": reason.sentence,
                "weight": reason.weight,
                "nominal_weight": reason.nominal_weight,
                "value": reason.value,
                "points": reason.points,
                "data": part.get("data", {}),
            }
            for part, reason in zip(pair.parts, pair.reasons, strict=True)
        ]


class UnmatchedOut(Schema):
    left: list[PairGroupOut] = Field(description="Groups of the left side without a partner.")
    right: list[PairGroupOut] = Field(description="Groups of the right side without a partner.")
    excluded: list[PairGroupOut] = Field(description="Groups the coordinators left out.")


class RoundDetailOut(RoundOut):
    pairs: list[PairOut] = Field(description="The best score first.")
    unmatched: UnmatchedOut

    @staticmethod
    def resolve_pairs(round_: MatchingRound) -> list[ProposedPair]:
        # The view attaches the pairs with their explained parts and the unmatched groups.
        return round_.shown_pairs

    @staticmethod
    def resolve_unmatched(round_: MatchingRound):
        return round_.unmatched
