"""The page editor's views as this project uses them: the "add page" form
does not autosave, so leaving it without saving leaves no draft behind."""

from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page


class CreateWithoutAutosaveView(CreateView):
    """Wagtail 8 autosaves the create form, which creates the page as a
    draft the moment a title is typed. A page is created only when its
    author saves it; the edit form keeps autosaving."""

    @property
    def autosave_enabled(self) -> bool:
        return False

    @autosave_enabled.setter
    def autosave_enabled(self, value) -> None:
        """Wagtail sets it from WAGTAIL_AUTOSAVE_INTERVAL; ignored here."""


class ProjectPageViewSet(PageViewSet):
    model = Page
    add_view_class = CreateWithoutAutosaveView
