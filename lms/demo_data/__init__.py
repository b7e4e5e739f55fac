"""The demo's content as TOML files (described in README.md here), read and
checked against a schema before the builders (lms/demo.py, courses/demo.py)
touch the database, so that whoever edits the demo reads which file and key to
fix instead of a KeyError halfway through a half-built site."""

import datetime
import tomllib
from pathlib import Path

DEMO_DATA = Path(__file__).resolve().parent


class DemoDataError(ValueError):
    """A demo data file that does not hold what the builders need; the message
    names the file and the key."""


class Choice:
    """The schema of a table that depends on one of its keys (a block's `type`)."""

    def __init__(self, key: str, schemas: dict[str, dict]):
        self.key, self.schemas = key, schemas


def demo_data_read(*, path: Path, schema: dict) -> dict:
    """The TOML file at `path`, checked against `schema`: a table maps each
    key to a type, a one-item list (an array of that), a nested table or a
    `Choice`; a key ending in "?" may be left out, and {"*": item} is a table
    of any keys (media by their key). Any fault is a DemoDataError naming the
    file and where in it."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        _check(data, schema, where="")
    except (OSError, tomllib.TOMLDecodeError, DemoDataError) as error:
        raise DemoDataError(f"{path.name}: {error}") from error
    return data


def _check(value, schema, *, where: str) -> None:
    at = f"{where}: " if where else ""
    if isinstance(schema, Choice):
        kind = value.get(schema.key) if isinstance(value, dict) else None
        if kind not in schema.schemas:
            raise DemoDataError(
                f"{at}'{schema.key}' is {kind!r}, expected one of {sorted(schema.schemas)}"
            )
        schema = {schema.key: str, **schema.schemas[kind]}
    if isinstance(schema, dict):
        _check_table(value, schema, where=where)
    elif isinstance(schema, list):
        if not isinstance(value, list):
            raise DemoDataError(f"{at}expected an array, got {value!r}")
        for index, item in enumerate(value):
            _check(item, schema[0], where=f"{where}[{index}]")
    elif not isinstance(value, schema) or (schema is int and isinstance(value, bool)):
        raise DemoDataError(f"{at}expected {schema.__name__}, got {value!r}")


def _check_table(value, schema: dict, *, where: str) -> None:
    at, prefix = (f"{where}: ", f"{where}.") if where else ("", "")
    if not isinstance(value, dict):
        raise DemoDataError(f"{at}expected a table, got {value!r}")
    if "*" in schema:
        for key, item in value.items():
            _check(item, schema["*"], where=f"{prefix}{key}")
        return
    unknown = sorted(value.keys() - {key.rstrip("?") for key in schema})
    if unknown:
        raise DemoDataError(f"{at}unknown key '{unknown[0]}'")
    for key, item_schema in schema.items():
        name = key.rstrip("?")
        if name in value:
            _check(value[name], item_schema, where=f"{prefix}{name}")
        elif not key.endswith("?"):
            raise DemoDataError(f"{at}missing key '{name}'")


# The demo pages' blocks: lms.blocks' StreamField data, with lists as their own block.
PAGE_BODY = [
    Choice(
        "type",
        {
            "heading": {"text": str},
            "paragraph": {"text": str},
            "list": {"items": [str]},
            "institutions": {},
        },
    )
]
LOGO = {"title": str, "lines": [str], "colour": str}
SITE_SCHEMA = {
    "institutions": [str],
    "home": {"title": str, "lead": str, "body": PAGE_BODY},
    "pages": [
        Choice(
            "kind",
            {
                "content": {
                    "slug": str,
                    "title": str,
                    "show_in_menus": bool,
                    "lead": str,
                    "body": PAGE_BODY,
                },
                "privacy_notice": {
                    "slug": str,
                    "title": str,
                    "version": str,
                    "valid_from": datetime.date,
                    "body": PAGE_BODY,
                },
                "accessibility_statement": {
                    "slug": str,
                    "title": str,
                    "entity_name": str,
                    "status": str,
                    "published_on": datetime.date,
                    "updated_on": datetime.date,
                    "prepared_on": datetime.date,
                    "non_accessible_content": str,
                    "assessment": str,
                    "keyboard_shortcuts": str,
                    "contact_person": str,
                    "contact_email": str,
                    "contact_phone": str,
                    "procedure": str,
                    "architecture": str,
                },
            },
        )
    ],
    "settings": {
        "organiser_name": str,
        "organiser_address": str,
        "funding_statement": str,
        "contact_email": str,
        "contact_phone": str,
        "organiser_logo": LOGO,
        "funding_logos": [{**LOGO, "alt_text": str}],
    },
}


def site_data() -> dict:
    """The site shell's data (site.toml), checked, with the one privacy notice
    and accessibility statement the site settings point to."""
    site = demo_data_read(path=DEMO_DATA / "site.toml", schema=SITE_SCHEMA)
    kinds = [page["kind"] for page in site["pages"]]
    for kind in ("privacy_notice", "accessibility_statement"):
        if kinds.count(kind) != 1:
            raise DemoDataError(f"site.toml: pages: {kinds.count(kind)} of kind {kind!r}, not 1")
    return site


# The lessons' blocks: LessonStreamBlock's, with media named by their key in the
# course file's [images], [documents] and [videos] tables.
BLOCK = Choice(
    "type",
    {
        "heading": {"text": str},
        "paragraph": {"text": str},
        "callout": {"kind": str, "text": str},
        "image": {"image": str, "alt": str, "caption?": str},
        "steps": {"steps": [{"text": str, "screenshot?": str, "alt?": str}]},
        "document": {"document": str, "title": str},
        "video": {"video": str},
        # One of the sample packages of courses/scorm/samples (courses.demo.SCORM_SAMPLES).
        "scorm": {"package": str},
        "quiz": {
            "title": str,
            "pass_mark": int,
            "max_attempts?": int,
            "shuffle": bool,
            "questions": [
                {
                    "text": str,
                    "kind": str,
                    "options": [{"text": str, "correct": bool, "feedback": str}],
                }
            ],
        },
    },
)
ANSWER = {"text": str, "correct": bool, "feedback": str}
# A pre- or post-test item (courses.competences.blocks), naming its outcome (W1, U1, K1).
COMPETENCE_ITEM = Choice(
    "type",
    {
        "question": {"outcome": str, "kind": str, "text": str, "options": [ANSWER]},
        "self_assessment": {"outcome": str, "statements": [{"text": str, "level": int}]},
    },
)
# The course's standard: outcomes aligned with competences of one framework, both tests.
COMPETENCES = {
    "framework": str,
    "alignments": [{"outcome": str, "competence": str, "target_level": int, "pass_percent": int}],
    "pre_test?": {"optional": bool, "questions": [COMPETENCE_ITEM]},
    "post_test?": {"min_gain": int, "questions": [COMPETENCE_ITEM]},
}
COURSE_SCHEMA = {
    "slug": str,
    "title": str,
    "summary": str,
    "audiences": [str],
    "topic": str,
    "level": str,
    "hours": int,
    "self_enrolment": bool,
    "completion_min_time_percent": int,
    "outcomes_knowledge": [str],
    "outcomes_skills": [str],
    "outcomes_social": [str],
    "modules?": [str],
    "checkpoint?": {"title": str, "question": str, "answers": [ANSWER]},
    "competences?": COMPETENCES,
    "lessons": [{"module?": str, "slug": str, "title": str, "intro": str, "body": [BLOCK]}],
    "images?": {"*": {"title": str, "lines": [str]}},
    "documents?": {"*": {"title": str, "filename": str, "text": str}},
    "videos?": {"*": {"title": str, "slides": [{"text": str, "seconds": int}], "transcript": str}},
}
CATALOGUE_SCHEMA = {
    "courses": [str],
    "default_deadline_days": int,
    "page": {"title": str, "slug": str, "intro": str},
    "signatory": {"name": str, "title": str, "place": str},
    "checkpoint_lesson": {"slug": str, "title": str, "intro": str, "text": str},
    "live": {
        "minutes": int,
        "capacity": int,
        "meeting_url": str,
        "statuses": [str],
        "sessions": [{"title": str, "days": int}],
    },
}


def catalogue_data() -> dict:
    """catalogue.toml, checked, with its courses read from their files (in its order)."""
    catalogue = demo_data_read(path=DEMO_DATA / "catalogue.toml", schema=CATALOGUE_SCHEMA)
    files = sorted(path.stem for path in (DEMO_DATA / "courses").glob("*.toml"))
    differ = sorted(set(files) ^ set(catalogue["courses"]))
    if differ:
        raise DemoDataError(f"catalogue.toml: 'courses' and the files in courses/ differ: {differ}")
    catalogue["courses"] = [
        course_data(DEMO_DATA / "courses" / f"{slug}.toml") for slug in catalogue["courses"]
    ]
    return catalogue


def course_data(path: Path) -> dict:
    """A course file (courses/<slug>.toml), checked, including that what its
    lessons name exists."""
    course = demo_data_read(path=path, schema=COURSE_SCHEMA)
    for number, lesson in enumerate(course["lessons"]):
        where = f"{path.name}: lessons[{number}]"
        if "module" in lesson and lesson["module"] not in course.get("modules", []):
            raise DemoDataError(f"{where}: module {lesson['module']!r} is not in 'modules'")
        for table, key in _media_keys(lesson["body"]):
            if key not in course.get(table, {}):
                raise DemoDataError(f"{where}: no {key!r} in [{table}]")
    if course["slug"] != path.stem:
        raise DemoDataError(f"{path.name}: 'slug' is {course['slug']!r}, not the file's name")
    return course


def _media_keys(blocks: list[dict]):
    """(table, key) of every medium the blocks name."""
    for block in blocks:
        if block["type"] == "image":
            yield "images", block["image"]
        elif block["type"] == "steps":
            yield from (
                ("images", step["screenshot"]) for step in block["steps"] if "screenshot" in step
            )
        elif block["type"] in ("document", "video"):
            yield f"{block['type']}s", block[block["type"]]
