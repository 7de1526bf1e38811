"""Matching: from eligible actor groups to consortia of two groups from paired countries.

The pure engine (``engine.py``, ``text.py``, ``sets.py``, ``explain.py``) scores pairs with their
reasons and finds the globally optimal one-to-one matching under the coordinator's rules. This
app stores what came of it:

- ``MatchingRound``: one run of the engine for a call, with the rules and weights it ran with.
  ``proposed -> confirmed``, or ``proposed -> superseded`` when the coordinator proposes again
  before confirming. Only the latest proposed round can be confirmed; groups see a round only
  once it is confirmed.
- ``ProposedPair``: a pair of a round with its score and the engine's parts (key, weight, value,
  data) so the explanation can be rendered in any language later. Each side answers:
  ``pending -> accepted | declined``; the pair is ``proposed -> accepted`` (both accepted) or
  ``proposed -> declined`` (either declined). A decline frees both groups for the next round and
  the two are never proposed to each other again.
- ``Consortium``: two groups that accepted each other. Their expressions become ``matched``;
  joint applications (``selection``) build on it.

One service function per transition (``services.py``); the pages are in ``views.py``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MatchingRound(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        SUPERSEDED = "superseded", _("Superseded")

    call = models.ForeignKey("calls.Call", on_delete=models.CASCADE, related_name="matching_rounds")
    number = models.PositiveIntegerField(_("round"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    # {"must_match": [[left_id, right_id], ...], "must_not": [[left_id, right_id], ...],
    #  "min_score": 0.0, "excluded": [group_id, ...], "declined": [[left_id, right_id], ...]};
    # "declined" are the pairs that declined each other earlier, kept apart automatically.
    rules = models.JSONField(_("rules"), default=dict, blank=True)
    weights = models.JSONField(_("weights"), default=dict, blank=True)  # engine.Weights.as_dict
    # The groups the engine matched from: {"left": [ids], "right": [ids]}.
    pool = models.JSONField(_("groups considered"), default=dict, blank=True)
    total = models.DecimalField(_("total score"), max_digits=10, decimal_places=2, default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("proposed"), default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["call", "-number"]
        verbose_name = _("matching round")
        verbose_name_plural = _("matching rounds")
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="round_number_per_call"),
            models.UniqueConstraint(
                fields=["call"],
                condition=Q(status="proposed"),
                name="one_proposed_round_per_call",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Round %(number)s of %(call)s") % {"number": self.number, "call": self.call})

    def get_absolute_url(self) -> str:
        return reverse(
            "matching:round",
            kwargs={
                "programme": self.call.programme.slug,
                "call": self.call.slug,
                "number": self.number,
            },
        )

    @property
    def is_proposed(self) -> bool:
        return self.status == self.Status.PROPOSED


class ProposedPair(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for answers")
        ACCEPTED = "accepted", _("Accepted by both")
        DECLINED = "declined", _("Declined")

    class Answer(models.TextChoices):
        PENDING = "pending", _("No answer yet")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    SIDES = ("left", "right")

    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="pairs")
    left = models.ForeignKey(
        "calls.ActorGroup", on_delete=models.CASCADE, related_name="proposals_as_left"
    )
    right = models.ForeignKey(
        "calls.ActorGroup", on_delete=models.CASCADE, related_name="proposals_as_right"
    )
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    # The engine's parts: [{"key": ..., "weight": ..., "value": ..., "data": {...}}, ...].
    parts = models.JSONField(_("parts of the score"), default=list)
    forced = models.BooleanField(_("set by the coordinators"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    left_answer = models.CharField(
        _("answer of the first group"), max_length=10, choices=Answer.choices, default="pending"
    )
    left_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    left_answered_at = models.DateTimeField(null=True, blank=True)
    right_answer = models.CharField(
        _("answer of the second group"), max_length=10, choices=Answer.choices, default="pending"
    )
    right_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    right_answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "-score", "left_id", "right_id"]
        verbose_name = _("proposed pair")
        verbose_name_plural = _("proposed pairs")
        constraints = [
            models.UniqueConstraint(fields=["round", "left"], name="left_group_once_per_round"),
            models.UniqueConstraint(fields=["round", "right"], name="right_group_once_per_round"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=100), name="pair_score_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.left} – {self.right}"

    def side_of(self, group) -> str | None:
        """ "left" or "right" for one of the pair's groups, None for any other group."""
        group_id = getattr(group, "pk", group)
        if group_id == self.left_id:
            return "left"
        if group_id == self.right_id:
            return "right"
        return None

    def group(self, side: str):
        return self.left if side == "left" else self.right

    def other(self, side: str):
        return self.right if side == "left" else self.left

    def answer_of(self, side: str) -> str:
        return self.left_answer if side == "left" else self.right_answer

    def answer_label(self, side: str) -> str:
        return self.Answer(self.answer_of(side)).label


class Consortium(models.Model):
    """Two groups of paired countries that accepted each other; a group belongs to at most one."""

    call = models.ForeignKey("calls.Call", on_delete=models.CASCADE, related_name="consortia")
    left = models.OneToOneField(
        "calls.ActorGroup", on_delete=models.CASCADE, related_name="consortium_as_left"
    )
    right = models.OneToOneField(
        "calls.ActorGroup", on_delete=models.CASCADE, related_name="consortium_as_right"
    )
    # RESTRICT: a pair that formed a consortium stays, unless its call goes altogether.
    pair = models.OneToOneField(ProposedPair, on_delete=models.RESTRICT, related_name="consortium")
    created = models.DateTimeField(_("formed"), default=timezone.now)

    class Meta:
        ordering = ["call", "created"]
        verbose_name = _("consortium")
        verbose_name_plural = _("consortia")

    def __str__(self) -> str:
        return f"{self.left} – {self.right}"
