from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from netzwerkstatt.core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter, with mail queued as a background task like all other mail."""

    def send_mail(self, template_prefix, email, context):
        # Written in the recipient's saved language, not in the language of whoever is browsing.
        from .models import User

        recipient = User.objects.filter(email__iexact=email).only("language").first()
        language = recipient.language if recipient and recipient.language else None
        with translation.override(language or translation.get_language()):
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

    def login(self, request, user):
        """Switch to the person's saved language at once, so the welcome message and the first
        page after signing in are already in it."""
        super().login(request, user)
        if user.language in dict(settings.LANGUAGES):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name = form.cleaned_data.get("name", "")
        user.language = (getattr(request, "LANGUAGE_CODE", "") or "")[:2]
        if user.language not in dict(settings.LANGUAGES):
            user.language = ""
        if commit:
            user.save()
        return user
