"""The reference data's admin: the "Digital competences" menu group with
the frameworks (and their proficiency levels) and the areas (and their
competences). DigComp 2.2 and 3.0 come with the app; administrators add a
framework, a later version or a correction here, without code. Access goes
by the models' add/change/delete permissions, which only administrators
hold (migration 0015): trainers choose competences on the course page but
never edit the framework."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from courses.models import CompetenceArea, CompetenceFramework


class CompetenceFrameworkViewSet(ModelViewSet):
    model = CompetenceFramework
    icon = "doc-full"
    menu_label = _("Frameworks")
    url_prefix = "competences/frameworks"
    list_display = ["name", "code", "year"]
    search_fields = ["name", "name_en", "code"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False


class CompetenceAreaIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("framework")


class CompetenceAreaViewSet(ModelViewSet):
    model = CompetenceArea
    icon = "list-ul"
    menu_label = _("Areas and competences")
    url_prefix = "competences/areas"
    list_display = ["code", "name", "framework"]
    list_filter = ["framework"]
    search_fields = ["name", "name_en", "code"]
    search_backend_name = None
    copy_view_enabled = False

    index_view_class = CompetenceAreaIndexView


class CompetenceViewSetGroup(ModelViewSetGroup):
    menu_label = _("Digital competences")
    menu_icon = "tasks"
    menu_order = 250
    items = (CompetenceFrameworkViewSet, CompetenceAreaViewSet)
