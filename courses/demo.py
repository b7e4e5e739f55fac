"""Demo courses built from lms/demo_data (catalogue.toml and one
courses/<slug>.toml per course) through the same services the app uses:
pages, illustrations (drawn with Pillow), text documents, short captioned
videos (rendered with the ffmpeg that imageio-ffmpeg carries) with their first
frame as the player's poster, and the demo learners enrolled with a spread of
progress.

Idempotent: existing courses and lessons are kept as they are (so quiz ids
and learners' attempts stay valid); only what is missing is created."""

import io
import math
import os
import shutil
import tempfile
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import F
from django.http import QueryDict
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from accounts import roles
from accounts.models import User
from courses.catalogue import quiz
from courses.catalogue import services as catalogue_services
from courses.catalogue.blocks import LessonStreamBlock, stream_with_ids
from courses.catalogue.permissions import catalogue_grant_permissions
from courses.certificates import services as certificates
from courses.competences import services as competence_services
from courses.competences.blocks import CompetenceTestBlock
from courses.h5p import content_type, xapi
from courses.h5p import services as h5p_services
from courses.h5p.packages import h5p_package_create
from courses.live import services as live_sessions
from courses.models import (
    Audience,
    CertificateSettings,
    Competence,
    CompetenceTest,
    CourseCatalogPage,
    CoursePage,
    Enrolment,
    H5PPackage,
    LearningSession,
    LessonPage,
    LessonProgress,
    LiveSession,
    ModulePage,
    OutcomeAlignment,
    ScormPackage,
    Topic,
)
from courses.progress import services as progress_services
from courses.scorm import packages as scorm_packages
from courses.scorm import samples as scorm_samples
from courses.scorm import validation as scorm_validation
from lms.demo import ADMIN_EMAIL, demo_font, demo_media
from lms.demo_data import catalogue_data
from lms.models import HomePage
from lms.slugs import slug_from_text

# The sample packages a course file may name (`type = "scorm"`, `package = ...`).
SCORM_SAMPLES = {
    "scorm12": scorm_samples.scorm12_package,
    "scorm2004": scorm_samples.scorm2004_package,
}
VIDEO_SIZE = (640, 360)
VIDEO_FPS = 4
FFMPEG_MISSING = (
    "The demo videos are rendered with imageio-ffmpeg, the `demo` extra, which the production "
    "image leaves out. Install requirements/demo.lock (as `make run` does) to load the demo data."
)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def _illustration(key: str, spec: dict):
    """A mock-up of a dialog window with the given lines, as a Wagtail image."""
    title = f"Demo: {spec['title']}"
    image_model = get_image_model()
    existing, collection = demo_media(image_model, title=title)
    if existing:
        return existing
    canvas = PILImage.new("RGB", (900, 120 + 48 * len(spec["lines"])), "#f2f4f8")
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, canvas.width, 56), fill="#0b3d91")
    draw.text((20, 14), spec["title"], fill="white", font=demo_font(24))
    for index, line in enumerate(spec["lines"]):
        draw.text((28, 84 + 48 * index), line, fill="#1b1b1f", font=demo_font(22))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=f"{key}.png"), collection=collection
    )


def _document(title: str, filename: str, content: bytes):
    document_model = get_document_model()
    existing, collection = demo_media(document_model, title=title)
    if existing:
        return existing
    document = document_model(
        title=title, file=ContentFile(content, name=filename), collection=collection
    )
    document._set_document_file_metadata()  # size and hash, as an upload through the admin sets
    document.save()
    return document


def _timestamp(seconds: int) -> str:
    return f"00:{seconds // 60:02d}:{seconds % 60:02d}.000"


def _ffmpeg():
    """imageio-ffmpeg, only installed with the demo extra: without it, a clear
    message instead of an import traceback."""
    try:
        import imageio_ffmpeg
    except ImportError:
        raise CommandError(FFMPEG_MISSING) from None
    return imageio_ffmpeg


def _poster(key: str, title: str, video):
    """The video's first frame, read back from the stored file, as a Wagtail
    image: the player shows it until the video plays (not a black box)."""
    image_model = get_image_model()
    existing, collection = demo_media(image_model, title=title)
    if existing:
        return existing
    imageio_ffmpeg = _ffmpeg()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"{key}.mp4")
        with video.file.open("rb") as source, open(path, "wb") as target:
            shutil.copyfileobj(source, target)
        frames = imageio_ffmpeg.read_frames(path)
        meta, first = next(frames), next(frames)
        frames.close()
    buffer = io.BytesIO()
    PILImage.frombytes("RGB", meta["size"], first).save(buffer, format="PNG")
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=f"{key}-poster.png"), collection=collection
    )


def _video(key: str, spec: dict):
    """A slideshow video, its WebVTT captions from the same sentences and its
    poster frame."""
    video_title = f"Film: {spec['title']}"
    captions_title = f"Napisy: {spec['title']}"
    cues, start = ["WEBVTT", ""], 0
    for number, slide in enumerate(spec["slides"], start=1):
        end = start + slide["seconds"]
        cues += [str(number), f"{_timestamp(start)} --> {_timestamp(end)}", slide["text"], ""]
        start = end
    captions = _document(captions_title, f"{key}.vtt", "\n".join(cues).encode())

    document_model = get_document_model()
    video, _collection = demo_media(document_model, title=video_title)
    if video is None:
        imageio_ffmpeg = _ffmpeg()
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, f"{key}.mp4")
            writer = imageio_ffmpeg.write_frames(
                path, VIDEO_SIZE, fps=VIDEO_FPS, codec="libx264", pix_fmt_out="yuv420p",
                output_params=["-movflags", "+faststart"], macro_block_size=8,
            )  # fmt: skip
            writer.send(None)
            for slide in spec["slides"]:
                frame = PILImage.new("RGB", VIDEO_SIZE, "#0b3d91")
                draw = ImageDraw.Draw(frame)
                draw.text((24, 20), spec["title"], fill="#ffd400", font=demo_font(22))
                for index, line in enumerate(_wrap(slide["text"], 40)):
                    draw.text((24, 120 + 40 * index), line, fill="white", font=demo_font(28))
                for _frame in range(slide["seconds"] * VIDEO_FPS):
                    writer.send(frame.tobytes())
            writer.close()
            with open(path, "rb") as handle:
                video = _document(video_title, f"{key}.mp4", handle.read())
    poster = _poster(key, f"Kadr filmu: {spec['title']}", video)
    return video, captions, poster, spec["transcript"]


def _h5p_package(key: str, spec: dict) -> H5PPackage:
    """The course's checkpoint question as an uploaded H5P package (built
    from the project's content type, uploaded by the administrator so its
    library is installed and approved)."""
    existing = H5PPackage.objects.filter(title=spec["title"]).first()
    if existing:
        return existing
    data = content_type.build_package(
        title=spec["title"], question=spec["question"], answers=spec["answers"]
    )
    admin = User.objects.get(email=ADMIN_EMAIL)
    upload = ContentFile(data, name=f"{key}.h5p")
    return h5p_package_create(file=upload, by=admin, title=spec["title"]).package


def _scorm_package(key: str) -> ScormPackage:
    """A sample SCORM package (courses/scorm/samples), uploaded by the
    administrator, so it is approved."""
    upload = ContentFile(SCORM_SAMPLES[key](), name=f"{key}.zip")
    info = scorm_validation.validate_package(upload)
    existing = ScormPackage.objects.filter(title=info.manifest.title).first()
    if existing:
        return existing
    admin = User.objects.get(email=ADMIN_EMAIL)
    return scorm_packages.scorm_package_create(file=upload, by=admin, info=info)


def _checkpoint_lesson(spec: dict) -> dict:
    """catalogue.toml's checkpoint lesson: its text, then the course's H5P question."""
    return {
        "slug": spec["slug"],
        "title": spec["title"],
        "intro": spec["intro"],
        "body": [{"type": "paragraph", "text": spec["text"]}, {"type": "h5p"}],
    }


def _raw_body(blocks: list[dict], course: dict) -> list[dict]:
    """A course file's blocks -> the raw StreamField data of LessonStreamBlock."""
    raw = []
    for block in blocks:
        kind = block["type"]
        value = {name: item for name, item in block.items() if name != "type"}
        if kind == "heading":
            value = {"text": block["text"], "level": "h2"}
        elif kind == "paragraph":
            value = block["text"]
        elif kind == "image":
            value = {
                "image": _illustration(block["image"], course["images"][block["image"]]).pk,
                "alt_text": block["alt"],
                "caption": block.get("caption", ""),
            }
        elif kind == "steps":
            value = {
                "title": "",
                "steps": [
                    {
                        "text": step["text"],
                        "screenshot": _illustration(
                            step["screenshot"], course["images"][step["screenshot"]]
                        ).pk
                        if step.get("screenshot")
                        else None,
                        "alt_text": step.get("alt", ""),
                    }
                    for step in block["steps"]
                ],
            }
        elif kind == "document":
            spec = course["documents"][block["document"]]
            document = _document(spec["title"], spec["filename"], spec["text"].encode())
            value = {"document": document.pk, "title": block["title"]}
        elif kind == "video":
            video, captions, poster, transcript = _video(
                block["video"], course["videos"][block["video"]]
            )
            value = {
                "video": video.pk,
                "poster": poster.pk,
                "captions": captions.pk,
                "captions_language": "pl",
                "transcript": transcript,
            }
        elif kind == "scorm":
            value = {"package": _scorm_package(block["package"]).pk, "required": False}
        elif kind == "h5p":
            value = {
                "package": _h5p_package(course["slug"], course["checkpoint"]).pk,
                "required": True,
                "pass_mark": 100,
                "complete_on_view": False,
            }
        raw.append({"type": kind, "value": value})
    return raw


def _lesson(parent, spec: dict, course: dict) -> LessonPage:
    existing = LessonPage.objects.child_of(parent).filter(slug=spec["slug"]).first()
    if existing:
        return existing
    has_quiz = any(block["type"] == "quiz" for block in spec["body"])
    has_h5p = any(block["type"] == "h5p" for block in spec["body"])
    lesson = LessonPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        # Every question and option gets an id, stored with it (stream_with_ids).
        body=stream_with_ids(LessonStreamBlock().to_python(_raw_body(spec["body"], course))),
        complete_by_button=not (has_quiz or has_h5p),
        complete_by_quiz=has_quiz,
        complete_by_h5p=has_h5p,
    )
    parent.add_child(instance=lesson)
    lesson.save_revision().publish()
    return lesson


def _course(catalogue, spec: dict, trainer, data: dict) -> CoursePage:
    course = CoursePage.objects.child_of(catalogue).filter(slug=spec["slug"]).first()
    topic, _created = Topic.objects.get_or_create(
        name=spec["topic"], defaults={"slug": slug_from_text(spec["topic"])}
    )
    fields = {
        "title": spec["title"],
        "summary": spec["summary"],
        "topic": topic,
        "level": spec["level"],
        "hours": Decimal(spec["hours"]),
        "outcomes_knowledge": "\n".join(spec["outcomes_knowledge"]),
        "outcomes_skills": "\n".join(spec["outcomes_skills"]),
        "outcomes_social": "\n".join(spec["outcomes_social"]),
        "self_enrolment": spec["self_enrolment"],
        "completion_min_time_percent": spec["completion_min_time_percent"],
        "default_deadline_days": data["default_deadline_days"],
    }
    if course is None:
        course = CoursePage(slug=spec["slug"], **fields)
        catalogue.add_child(instance=course)
    else:
        for name, value in fields.items():
            setattr(course, name, value)
    course.audiences.set(Audience.objects.filter(key__in=spec["audiences"]))
    course.trainers.set([trainer])
    course.save_revision().publish()
    for title in spec.get("modules", []):
        module = ModulePage.objects.child_of(course).filter(title=title).first()
        if module is None:
            module = ModulePage(title=title, slug=slug_from_text(title))
            course.add_child(instance=module)
            module.save_revision().publish()
        for lesson_spec in spec["lessons"]:
            if lesson_spec.get("module") == title:
                _lesson(module, lesson_spec, spec)
    for lesson_spec in spec["lessons"]:
        if "module" not in lesson_spec:
            _lesson(course, lesson_spec, spec)
    if "checkpoint" in spec:
        _lesson(course, _checkpoint_lesson(data["checkpoint_lesson"]), spec)
    return course


def _competence_items(items: list[dict]) -> list[dict]:
    """A test's items from the course file as CompetenceTestBlock's raw data
    (lists in the plain format: stream_with_ids gives their items ids)."""
    return [
        {"type": item["type"], "value": {k: v for k, v in item.items() if k != "type"}}
        for item in items
    ]


def _competences(course: CoursePage, spec: dict) -> None:
    """The course's standard from its file ([competences]): the outcome
    alignments and the pre- and post-test, set on the page and published like
    a trainer's edit. Set once: a course that has them already keeps its own
    (a trainer may have changed them, and participants' versions refer to them)."""
    standard = spec.get("competences")
    if standard is None:
        return
    course = CoursePage.objects.get(pk=course.pk)
    if course.outcome_alignments.exists() or course.competence_tests.exists():
        return
    competences = {
        competence.code: competence
        for competence in Competence.objects.filter(area__framework__code=standard["framework"])
    }
    course.outcome_alignments = [
        OutcomeAlignment(
            outcome=row["outcome"], competence=competences[row["competence"]],
            target_level=row["target_level"], pass_percent=row["pass_percent"],
        )
        for row in standard["alignments"]
    ]  # fmt: skip
    block = CompetenceTestBlock()
    tests = []
    if "pre_test" in standard:
        pre = standard["pre_test"]
        tests.append(
            CompetenceTest(
                kind=CompetenceTest.Kind.PRE, optional=pre["optional"],
                questions=stream_with_ids(block.to_python(_competence_items(pre["questions"]))),
            )
        )  # fmt: skip
    if "post_test" in standard:
        post = standard["post_test"]
        tests.append(
            CompetenceTest(
                kind=CompetenceTest.Kind.POST, min_gain=post["min_gain"],
                questions=stream_with_ids(block.to_python(_competence_items(post["questions"]))),
            )
        )  # fmt: skip
    course.competence_tests = tests
    course.save_revision().publish()


def _catalogue(home, spec: dict) -> CourseCatalogPage:
    catalogue = CourseCatalogPage.objects.first()
    if catalogue is None:
        catalogue = CourseCatalogPage(show_in_menus=True, **spec)
        home.add_child(instance=catalogue)
        catalogue.save_revision().publish()
        # Move the catalogue to the front of the main navigation.
        first = home.get_first_child()
        if first and first.pk != catalogue.pk:
            catalogue.move(first, pos="left")
    catalogue_grant_permissions(catalogue=catalogue)
    return catalogue


def _right_answers(lesson, quiz_id) -> QueryDict:
    data = QueryDict(mutable=True)
    value = dict(lesson.quizzes())[quiz_id]
    for qid, _question, options in quiz.questions(value):
        data.setlist(f"q-{qid}", [oid for oid, option in options if option["correct"]])
    return data


def _study(opening: progress_services.LessonOpening, seconds: int) -> None:
    """What the heartbeats of `seconds` of active learning in the opened
    lesson leave behind (the demo cannot wait for them): its session lasts
    that long and the learner's progress in the lesson holds the time."""
    session = opening.session
    LearningSession.objects.filter(pk=session.pk).update(
        started_at=session.started_at - timedelta(seconds=seconds), active_seconds=seconds
    )
    LessonProgress.objects.filter(user_id=session.user_id, lesson_id=session.lesson_id).update(
        effective_seconds=F("effective_seconds") + seconds
    )


def _learn(user, course, lessons_done: int) -> None:
    """Work through the first lessons of a course as a learner would, each
    for its part of the planned hours (so whoever completes the course has
    learned more than its share), and open the one after them."""
    lessons = list(course.lessons().specific())
    enrolment = Enrolment.objects.active().get(user=user, course=course)
    measured = course.competence_tests.exists()
    if measured:  # the pre-test first, or its skip by every third learner
        _competence_test(enrolment, CompetenceTest.Kind.PRE, right=False, skip=user.pk % 3 == 0)
    if lessons_done < len(lessons):
        progress_services.lesson_open(user=user, lesson=lessons[lessons_done])
    seconds = math.ceil(course.hours * 3600 / len(lessons)) if lessons else 0
    for lesson in lessons[:lessons_done]:
        _study(progress_services.lesson_open(user=user, lesson=lesson), seconds)
        for quiz_id, _value in lesson.quizzes():
            progress_services.quiz_attempt_submit(
                user=user, lesson=lesson, quiz_id=quiz_id, data=_right_answers(lesson, quiz_id)
            )
        for activity_id in lesson.h5p_activities():
            h5p_services.h5p_statement_record(
                user=user, lesson=lesson, activity_id=activity_id,
                statement=_right_answer_statement(lesson, activity_id),
            )  # fmt: skip
        if lesson.complete_by_button:
            progress_services.lesson_mark_done(user=user, lesson=lesson)
    if measured and lessons and lessons_done == len(lessons):  # the course waits for it
        _competence_test(enrolment, CompetenceTest.Kind.POST, right=True)


def _competence_test(enrolment: Enrolment, kind: str, *, right: bool, skip: bool = False) -> None:
    """Take the course's pre- or post-test as the learner would: every answer
    right and every "I can" ticked, or a wrong option in each question and
    nothing ticked (a pre-test before learning); or skip an optional pre-test."""
    assessment = competence_services.assessment_start(enrolment=enrolment)
    test = competence_services.competence_test_open(assessment=assessment, kind=kind)
    if skip and kind == CompetenceTest.Kind.PRE and test["optional"]:
        competence_services.pre_test_skip(enrolment=enrolment)
        return
    data = QueryDict(mutable=True)
    for qid, _item, options in competence_services.graded_items(test):
        right_ones = [oid for oid, option in options if option["correct"]]
        wrong_ones = [oid for oid, option in options if not option["correct"]]
        data.setlist(f"{quiz.FIELD_PREFIX}{qid}", right_ones if right else wrong_ones[:1])
    for item in test["questions"] if right else ():
        for statement in item.get("statements", ()):
            data[f"{competence_services.STATEMENT_PREFIX}{statement['id']}"] = "1"
    competence_services.competence_attempt_submit(enrolment=enrolment, kind=kind, data=data)


def _right_answer_statement(lesson, activity_id) -> dict:
    """What the player posts when a checkpoint question is answered right."""
    return {
        "verb": {"id": f"{xapi.ADL}answered"},
        "object": {"id": xapi.activity_iri(lesson.pk, activity_id), "objectType": "Activity"},
        "result": {"score": {"min": 0, "max": 1, "raw": 1}, "completion": True, "success": True},
    }


def _certificate_signatory(spec: dict) -> None:
    """Who signs the demo certificates (kept if an administrator changed it)."""
    settings = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    if not settings.signatory_name:
        settings.signatory_name = spec["name"]
        settings.signatory_title = spec["title"]
        settings.issue_place = spec["place"]
        settings.save()


def _live_sessions(course: CoursePage, trainer: User, spec: dict) -> None:
    """A past session with attendance (marked by the trainer through the
    register's service) and a future one; kept as they are once created."""
    today = timezone.localdate()
    statuses_in_turn = spec["statuses"]
    for session_spec in spec["sessions"]:
        title, days = session_spec["title"], session_spec["days"]
        if LiveSession.objects.filter(course=course, title=title).exists():
            continue
        starts = timezone.make_aware(datetime.combine(today + timedelta(days=days), time(10)))
        session = LiveSession.objects.create(
            course=course, title=title, trainer=trainer, starts_at=starts,
            ends_at=starts + timedelta(minutes=spec["minutes"]), capacity=spec["capacity"],
            meeting_url=spec["meeting_url"].format(slug=course.slug),
        )  # fmt: skip
        if days < 0:
            learners = session.expected_learners().order_by("email")
            statuses = {
                learner.pk: statuses_in_turn[index % len(statuses_in_turn)]
                for index, learner in enumerate(learners)
            }
            live_sessions.attendance_mark(session=session, by=trainer, statuses=statuses)


@transaction.atomic
def build_courses() -> list[CoursePage]:
    data = catalogue_data()
    _certificate_signatory(data["signatory"])
    home = HomePage.objects.get()
    catalogue = _catalogue(home, data["page"])
    trainer = User.objects.get(email="trainer@example.org")
    coordinator = User.objects.get(email="coordinator@example.org")
    courses = [_course(catalogue, spec, trainer, data) for spec in data["courses"]]
    for course, spec in zip(courses, data["courses"], strict=True):
        _competences(course, spec)

    learners = list(
        User.objects.filter(groups=roles.role_group(roles.LEARNER), is_active=True)
        .exclude(email="learner@example.org")
        .order_by("email")
    )
    if not Enrolment.objects.exists():
        for index, course in enumerate(courses[:4]):
            chosen = learners[index::2]
            catalogue_services.enrolment_assign(
                course=course, users=chosen, by=coordinator, method=Enrolment.Method.ASSIGNED,
                deadline=None, notify=False,
            )  # fmt: skip
            lesson_count = course.lessons().count()
            for number, learner in enumerate(chosen):
                _learn(learner, course, lessons_done=number % (lesson_count + 1))
        learner = User.objects.get(email="learner@example.org")
        for course, done in ((courses[0], 2), (courses[3], 0)):
            catalogue_services.enrolment_self(user=learner, course=course)
            _learn(learner, course, lessons_done=done)
    for course in courses:
        _live_sessions(course, trainer, data["live"])
    # Completions from before certificates existed get theirs too (issuing is
    # idempotent), except those of a demo loaded before the courses asked
    # for a share of their hours, with less time than that.
    for enrolment in Enrolment.objects.filter(completed_at__isnull=False, certificates=None):
        try:
            with transaction.atomic():
                certificates.certificate_issue(enrolment=enrolment)
        except certificates.CertificateError:
            continue
    return courses
