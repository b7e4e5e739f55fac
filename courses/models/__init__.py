"""Course models, split by concern; callers import from `courses.models`.
Dependencies point one way: pages <- enrolment <- progress <- certificates
<- reports; live sessions stand on pages and enrolment."""

from .certificates import (
    Certificate,
    CertificateBatch,
    CertificateSequence,
    CertificateSettings,
)
from .enrolment import Enrolment
from .h5p import H5PLibrary, H5PPackage, H5PResult, H5PStatement, H5PUserData
from .pages import (
    Audience,
    CourseCatalogPage,
    CoursePage,
    LessonPage,
    ModulePage,
    Topic,
)
from .progress import LearningSession, LessonProgress, QuizAttempt
from .reports import EvidencePack
from .sessions import Attendance, AttendanceChange, AttendanceSettings, LiveSession

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
