"""Admin panels for course pages."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail.admin.panels import HelpPanel


class CompletionImpactPanel(HelpPanel):
    """Tells the author, next to the completion rules, how many learners a
    change of those rules would affect: completions already stored stay."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            course = self.instance
            if not course.pk:
                self.content = ""
                return
            active = course.enrolments.filter(withdrawn_at__isnull=True)
            completed = active.filter(completed_at__isnull=False).count()
            in_progress = active.filter(completed_at__isnull=True).count()
            self.content = format_html(
                "<p>{}</p>",
                _(
                    "Changing the completion rules does not take completion away: "
                    "%(completed)d learners have completed this course and keep it. "
                    "The new rules would apply to %(in_progress)d learners still enrolled."
                )
                % {"completed": completed, "in_progress": in_progress},
            )
            self.content += self._share_confirmation()

        def _share_confirmation(self) -> str:
            """The hidden confirmation of a refused change of the needed time
            (CoursePageForm): the seconds the form told the count for, so the
            same save again goes through, and a different one asks again."""
            form = self.form
            if form is None or "share_confirmed" not in form.fields:
                return ""
            pending = getattr(form, "share_pending", None)
            value = pending if pending is not None else form["share_confirmed"].value() or ""
            return format_html(
                '<input type="hidden" name="{}" value="{}">',
                form.add_prefix("share_confirmed"),
                value,
            )


class OutcomeSymbolsPanel(HelpPanel):
    """Lists the course's learning outcomes with the symbols (W1, U1, K1)
    that alignments and test questions name, as the page was last saved."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            outcomes = self.instance.numbered_outcomes()
            if not outcomes:
                self.content = format_html(
                    "<p>{}</p>",
                    _("Save the learning outcomes first: they are numbered W1, U1, K1."),
                )
                return
            self.content = format_html(
                "<p>{}</p><ul>{}</ul>",
                _("Name the learning outcomes by these symbols:"),
                format_html_join(
                    "", "<li><strong>{}</strong>: {}</li>", [(c, t) for c, _k, t in outcomes]
                ),
            )
