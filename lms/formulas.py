"""Text that spreadsheet programs take for a formula (OWASP's CSV injection
list): what our exports neutralise and what the participant import warns
about. Shared by the apps, so the list is kept in one place."""

# A text cell starting with one of these is read as a formula by spreadsheet
# programs (tab and carriage return can hide such a start).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """Text that a spreadsheet would take for a formula, made literal with a
    leading apostrophe; anything else is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For a view built on Wagtail's `SpreadsheetExportMixin` (its listings'
    CSV and XLSX downloads), which writes text cells as they are: they get
    the same escape as our own exports."""

    def preprocess_field_value(self, field, value, export_format):
        return escape_formula(super().preprocess_field_value(field, value, export_format))
