"""Ids taken from requests (paths, query strings, form fields) checked
against the range the database can hold, so a huge, negative or junk id is a
404 or a form error instead of an OverflowError (SQLite) or a DataError
(PostgreSQL) answered as a 500."""

import re
from collections.abc import Iterable

import django_filters
from django import forms
from django.core.exceptions import ValidationError

# The smallest positive range among our ids and the counters stored next to
# them: Wagtail's page ids (so our courses and lessons) and PositiveIntegerFields
# are 32-bit integers on PostgreSQL; our own BigAutoField ids are wider.
MAX_ID = 2**31 - 1

DIGITS = re.compile(r"[0-9]{1,10}")


def parse_id(value) -> int | None:
    """The id in value (text or int) when it is one the database can hold
    (1..MAX_ID, ASCII digits only), else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if 1 <= number <= MAX_ID else None


def parse_ids(values: Iterable) -> set[int]:
    """The valid ids among values; the others are ignored."""
    return {number for number in map(parse_id, values) if number is not None}


class IdConverter:
    """`<id:name>` in a URL: digits that fit the database, else a 404."""

    regex = DIGITS.pattern

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # Django tries the next pattern, then answers 404
        return number

    def to_url(self, value) -> str:
        return str(value)


def _refused(field, value) -> bool:
    """True for a submitted value that cannot be one of the field's ids."""
    return not isinstance(value, field.queryset.model) and parse_id(value) is None


class IdModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses ids the database cannot hold with the
    usual "invalid choice" error instead of querying with them."""

    def to_python(self, value):
        if value not in self.empty_values and _refused(self, value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """The multiple-choice counterpart of IdModelChoiceField."""

    def _check_values(self, value):
        for item in value:
            if _refused(self, item):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super()._check_values(value)


class IdFilterChoiceField(django_filters.fields.ModelChoiceField, IdModelChoiceField):
    """The field of IdModelChoiceFilter: an id out of range makes the filter
    form invalid, and Wagtail's listings then show everything unfiltered."""


class IdModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A listing filter by a related object that never queries with an id
    the database cannot hold."""

    field_class = IdFilterChoiceField
