from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from accounts import personal_data
        from courses import personal_data as course_data

        personal_data.SECTIONS.update(course_data.SECTIONS)
