"""What h5p-standalone writes into each player's frame that our
Content-Security-Policy must allow: the frame is an about:blank document
that inherits the lesson page's policy, and the player writes one inline
script into it that cannot carry our nonce. Lesson pages with H5P
activities allow exactly this script by its hash (lms.csp); an upgrade of
h5p-standalone that changes it fails tests/lms/test_csp.py."""

from lms import csp

FRAME_SCRIPT = (
    "H5PIntegration = window.parent.H5PIntegration; var H5P = H5P || {}; H5P.externalEmbed = false;"
)


def lesson_response_allow(lesson, response) -> None:
    """Allow the frame script on a lesson page with H5P activities (a hook
    of courses.progress.sections)."""
    if lesson.h5p_activities():
        csp.allow_inline_script(response, FRAME_SCRIPT)
