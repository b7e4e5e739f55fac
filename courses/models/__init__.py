"""Course models, split by concern; callers import from `courses.models`.
Dependencies point one way: pages <- enrolment <- progress <- certificates
<- reports; live sessions stand on pages and enrolment."""

from courses.catalogue.models import (
    Audience,
    CourseCatalogPage,
    CoursePage,
    Enrolment,
    LessonPage,
    ModulePage,
    Topic,
)
from courses.certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateSequence,
    CertificateSettings,
)
from courses.h5p.models import H5PLibrary, H5PPackage, H5PResult, H5PStatement, H5PUserData
from courses.live.models import Attendance, AttendanceChange, AttendanceSettings, LiveSession
from courses.progress.models import LearningSession, LessonProgress, QuizAttempt
from courses.reports.models import EvidencePack

__all__ = [
    "Attendance",
    "AttendanceChange",
    "AttendanceSettings",
    "Audience",
    "Certificate",
    "CertificateBatch",
    "CertificateSequence",
    "CertificateSettings",
    "CourseCatalogPage",
    "CoursePage",
    "Enrolment",
    "EvidencePack",
    "H5PLibrary",
    "H5PPackage",
    "H5PResult",
    "H5PStatement",
    "H5PUserData",
    "LearningSession",
    "LessonPage",
    "LessonProgress",
    "LiveSession",
    "ModulePage",
    "QuizAttempt",
    "Topic",
]
