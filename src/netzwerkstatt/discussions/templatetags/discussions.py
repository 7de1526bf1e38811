from django import template

register = template.Library()


@register.simple_tag
def thread_url(thread, name: str, post=None) -> str:
    """The address of a thread's page (``reply``, ``edit``, ``history``, ``moderate`` take a
    post), under its network when it has one."""
    return thread.url(name, **({"post_id": post.pk} if post is not None else {}))
