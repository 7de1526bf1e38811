"""Audit entries for account events that django-allauth carries out itself."""

from allauth.account.signals import email_changed, email_confirmed, user_signed_up
from django.dispatch import receiver

from netzwerkstatt.core import audit


@receiver(user_signed_up)
def record_sign_up(sender, request, user, **kwargs):
    audit.record(actor=user, action="person.signed_up", obj=user)


@receiver(email_confirmed)
def record_email_confirmed(sender, request, email_address, **kwargs):
    audit.record(actor=email_address.user, action="person.email_confirmed", obj=email_address.user)


@receiver(email_changed)
def record_email_changed(sender, request, user, from_email_address, to_email_address, **kwargs):
    if from_email_address is None:
        return  # the first address being confirmed, recorded as email_confirmed
    audit.record(
        actor=user,
        action="person.email_changed",
        obj=user,
        changes={
            "email": {
                "old": from_email_address.email,
                "new": to_email_address.email,
            }
        },
    )
