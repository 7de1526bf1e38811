"""Background work shared by all apps."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task()
def send_email(
    *, subject: str, body: str, to: list[str], html: str = "", from_email: str | None = None
) -> None:
    """Send one e-mail through the configured mail backend (run by ``db_worker``)."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, from_email=from_email)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
