"""The overall score of a practice's assessments weighs each criterion's mean by its weight."""

from decimal import Decimal
from types import SimpleNamespace

from netzwerkstatt.practices.assessment import weighted_mean


def criterion(pk, weight):
    return SimpleNamespace(pk=pk, weight=weight)


def test_each_criterions_mean_counts_by_its_weight():
    criteria = [criterion(1, 2), criterion(2, 1), criterion(3, 1)]
    means = {1: Decimal("5"), 2: Decimal("2"), 3: Decimal("3")}
    # (2*5 + 2 + 3) / 4
    assert weighted_mean(criteria, means) == Decimal("3.75")


def test_criteria_without_a_mean_or_weight_are_left_out():
    criteria = [criterion(1, 3), criterion(2, 1), criterion(3, 0)]
    assert weighted_mean(criteria, {1: Decimal("4"), 3: Decimal("1")}) == Decimal("4.00")
    assert weighted_mean(criteria, {}) is None
