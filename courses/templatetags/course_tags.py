"""Template filters for learner pages."""

from django import template

register = template.Library()


@register.filter
def hours_minutes(seconds) -> str:
    """Seconds as h:mm, the way attendance lists state effective time."""
    minutes = int(seconds or 0) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"
