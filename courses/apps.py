from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        """Fill in the registries lower packages own, so that they never
        import the packages above them (tests/courses/test_layout.py): every
        contribution is listed here, in the order it runs. Assigning whole
        lists keeps a second call harmless."""
        from django.core import checks

        from accounts import personal_data
        from courses import personal_data as course_data
        from courses.catalogue import form_checks, impact
        from courses.certificates import checks as certificate_checks
        from courses.certificates import selectors as certificate_selectors
        from courses.certificates import services as certificate_services
        from courses.competences import selectors as competence_selectors
        from courses.competences import validation as competence_validation
        from courses.h5p import frame as h5p_frame
        from courses.h5p import selectors as h5p_selectors
        from courses.live import selectors as live_selectors
        from courses.progress import rules, sections
        from courses.progress import selectors as progress_selectors
        from courses.scorm import selectors as scorm_selectors

        personal_data.SECTIONS.update(course_data.SECTIONS)
        # `check --deploy`: production seals what it issues.
        checks.register(certificate_checks.seal_check, "seal", deploy=True)
        checks.register(certificate_checks.credential_key_check, "credentials", deploy=True)
        # The course page form's competence checks.
        form_checks.COURSE_PAGE_CHECKS[:] = [competence_validation.course_form_check]
        # Completion: the H5P and package lesson rules, the live-attendance and post-test
        # course rules, and the certificate issued in the completion's own transaction.
        rules.LESSON_RULES[:] = [h5p_selectors.h5p_rule_met, scorm_selectors.package_rule_met]
        rules.COURSE_RULES[:] = [
            live_selectors.live_attendance_rule,
            competence_selectors.post_test_rule,
        ]
        rules.COURSE_COMPLETED[:] = [certificate_services.certificate_issue]
        # The course editor's count of learners a change of the time share affects.
        impact.SHARE_IMPACT[:] = [progress_selectors.share_impact]
        # The learner's pages and the progress grid.
        sections.COURSE_PAGE[:] = [
            competence_selectors.course_page_section,
            live_selectors.course_page_section,
            certificate_selectors.course_page_section,
        ]
        sections.MY_COURSES[:] = [
            live_selectors.my_courses_section,
            certificate_selectors.my_courses_section,
        ]
        sections.LESSON_RESPONSE[:] = [h5p_frame.lesson_response_allow]
        sections.GRID_CELLS[:] = [h5p_selectors.grid_cells, scorm_selectors.grid_cells]
