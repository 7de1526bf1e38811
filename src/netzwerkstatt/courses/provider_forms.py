"""Forms of the provider pages: the cluster's declaration text, signing and revoking a
declaration, certifications and core competencies. Each form that changes an existing object
carries the version it was opened at (see ``core.exceptions.ConcurrentEdit``)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.calls.forms.setup import i18n_field
from netzwerkstatt.vocabularies.models import IscedField

from .certifications import EVIDENCE_MAX_BYTES
from .models import Certification


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DeclarationTextForm(forms.Form):
    """A new version of the cluster's declaration, filled in with the current one."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    requires_resigning = forms.BooleanField(
        label=_("Everyone signs again"),
        required=False,
        help_text=_(
            "Signatures under earlier versions stop counting: the providers leave the public "
            "database until they sign this version. Their admins are told by e-mail. Leave it "
            "unticked for corrections that do not change what providers commit to."
        ),
    )

    def __init__(self, *args, current=None, **kwargs):
        # Every interface language, whatever the cluster works in: providers' people read the
        # declaration in their own language where the cluster provides one.
        locales = [code for code, _name in settings.LANGUAGES]
        kwargs.setdefault(
            "initial",
            {
                "version": current.version if current else 0,
                "title": current.title if current else None,
                "text": current.text if current else None,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["title"] = i18n_field(_("Title"), locales, max_length=200)
        self.fields["text"] = i18n_field(
            _("Text of the declaration"),
            locales,
            textarea=True,
            rows=10,
            help_text=_("Markdown: **bold**, *italic*, headings, lists and links."),
        )
        self.order_fields(["title", "text", "requires_resigning", "version"])


class SignForm(forms.Form):
    text_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    signer_name = forms.CharField(label=_("Name of the signatory"), max_length=200)
    signer_position = forms.CharField(
        label=_("Position"),
        max_length=200,
        required=False,
        help_text=_("For example: managing director"),
    )
    signed_on = forms.DateField(label=_("Signed on"), widget=_date_input())
    accept = forms.BooleanField(
        label=_(
            "I accept this participation declaration on behalf of the organisation and may do so."
        ),
        error_messages={"required": _("Tick the box to accept the declaration.")},
    )

    def __init__(self, *args, user=None, text=None, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "text_version": text.version if text else None,
                "signer_name": user.name if user is not None else "",
                "signed_on": timezone.localdate(),
            },
        )
        super().__init__(*args, **kwargs)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The cluster's coordinators read it."),
    )


class CertificationForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    kind = forms.ChoiceField(label=_("Certification"), choices=Certification.Kind.choices)
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("Needed for a regional seal or another certification."),
    )
    issuer = forms.CharField(
        label=_("Issued by"),
        max_length=200,
        help_text=_("For example the certification body"),
    )
    reference = forms.CharField(label=_("Certificate number"), max_length=100, required=False)
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=_date_input())
    valid_until = forms.DateField(label=_("Valid until"), widget=_date_input())
    evidence = forms.FileField(
        label=_("Evidence"),
        required=False,
        help_text=_("The certificate as PDF, JPEG or PNG, at most %(size)s MB.")
        % {"size": EVIDENCE_MAX_BYTES // (1024 * 1024)},
        widget=forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    remove_evidence = forms.BooleanField(label=_("Remove the evidence file"), required=False)

    def __init__(self, *args, certification: Certification | None = None, **kwargs):
        if certification is not None:
            kwargs.setdefault(
                "initial",
                {
                    "version": certification.version,
                    "kind": certification.kind,
                    "name": certification.name,
                    "issuer": certification.issuer,
                    "reference": certification.reference,
                    "valid_from": certification.valid_from,
                    "valid_until": certification.valid_until,
                },
            )
        super().__init__(*args, **kwargs)
        if certification is None:
            del self.fields["remove_evidence"]
        else:
            self.fields["version"].required = True
            if not certification.evidence:
                del self.fields["remove_evidence"]

    def clean(self):
        data = super().clean()
        valid_from, valid_until = data.get("valid_from"), data.get("valid_until")
        if valid_from and valid_until and valid_until < valid_from:
            self.add_error("valid_until", _("The end of validity comes after its start."))
        if data.get("kind") in ("regional_seal", "other") and not data.get("name", "").strip():
            self.add_error("name", _("Name the seal or certification."))
        return data

    def data_for_service(self) -> dict:
        return {
            name: self.cleaned_data.get(name)
            for name in ("kind", "name", "issuer", "reference", "valid_from", "valid_until")
        }


class CompetencyForm(forms.Form):
    """Fields of education and training, narrow ISCED-F fields grouped by their broad field, and
    the free text."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    competency_fields = forms.MultipleChoiceField(
        label=_("Fields of education and training (ISCED-F 2013)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    core_competencies = forms.CharField(
        label=_("Core competencies in your own words"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One competency per line. Shown on your organisation's profile, too."),
    )

    def __init__(self, *args, organisation, selected: list[str] = (), **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "version": organisation.version,
                "competency_fields": list(selected),
                "core_competencies": organisation.core_competencies,
            },
        )
        super().__init__(*args, **kwargs)
        vocabulary = list(
            IscedField.objects.filter(
                level__in=(IscedField.Level.BROAD, IscedField.Level.NARROW)
            ).order_by("code")
        )
        self._narrow = {f.code: f for f in vocabulary if f.level == IscedField.Level.NARROW}
        groups: dict[str, tuple[str, list]] = {}
        for item in vocabulary:
            if item.level == IscedField.Level.BROAD:
                groups[item.code] = (str(item.name), [])
        for code, item in self._narrow.items():
            groups.setdefault(code[:2], (code[:2], []))[1].append((code, str(item.name)))
        self.groups = [(code, label, options) for code, (label, options) in groups.items()]
        self.fields["competency_fields"].choices = [
            (c, n) for _code, _label, options in self.groups for c, n in options
        ]

    def field_groups(self) -> list[dict]:
        """The narrow fields by broad field, with the ticked ones, for the template."""
        if self.is_bound:
            chosen = set(self.data.getlist(self.add_prefix("competency_fields")))
        else:
            chosen = set(self.initial.get("competency_fields") or [])
        return [
            {
                "code": code,
                "label": label,
                "options": [
                    {"code": c, "label": name, "checked": c in chosen} for c, name in options
                ],
                "chosen": sum(1 for c, _name in options if c in chosen),
            }
            for code, label, options in self.groups
            if options
        ]

    def chosen_fields(self) -> list[IscedField]:
        return [self._narrow[code] for code in self.cleaned_data["competency_fields"]]
