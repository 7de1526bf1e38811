from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from netzwerkstatt.core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter, with mail queued as a background task like all other mail."""

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []) or []:
            if mimetype == "text/html":
                html = content
        send_email.enqueue(
            subject=message.subject,
            body=message.body,
            to=list(message.to),
            html=html,
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        )

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name = form.cleaned_data.get("name", "")
        user.language = (getattr(request, "LANGUAGE_CODE", "") or "")[:2]
        if user.language not in dict(settings.LANGUAGES):
            user.language = ""
        if commit:
            user.save()
        return user
