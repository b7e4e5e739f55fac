"""Template filters for learner pages."""

from django import template

from courses import exports

register = template.Library()


@register.filter
def hours_minutes(value) -> str:
    """Seconds or a duration as h:mm."""
    return exports.hours_minutes(value)
