"""The demo's TOML files (lms/demo_data) parse and hold what the builders need;
a broken one is refused with the file and the key to fix, before anything is built."""

import pytest

from lms.demo_data import (
    COURSE_SCHEMA,
    DEMO_DATA,
    SITE_SCHEMA,
    DemoDataError,
    catalogue_data,
    course_data,
    demo_data_read,
    site_data,
)


def test_every_demo_data_file_parses_and_has_the_required_keys():
    catalogue = catalogue_data()
    assert [course["slug"] for course in catalogue["courses"]] == [
        "bezpieczna-praca-zdalna",
        "pakiet-biurowy-i-dokumenty-w-chmurze",
        "wideokonferencje-i-lekcje-zdalne",
        "cyberhigiena-w-urzedzie-i-szkole",
        "serwer-ups-i-przelacznik-sieciowy",
    ]
    for course in catalogue["courses"]:
        assert course["lessons"], course["slug"]
        assert course["checkpoint"]["answers"], course["slug"]
    site = site_data()
    assert site["home"]["title"] == "Cyfrowa Akademia Powiatu Bolesławieckiego"
    assert {page["kind"] for page in site["pages"]} == {
        "content",
        "privacy_notice",
        "accessibility_statement",
    }
    assert len(site["settings"]["funding_logos"]) == 3


def _broken_copy(tmp_path, name, old, new):
    text = (DEMO_DATA / name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name.rsplit("/", 1)[-1]
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


COURSE = "courses/bezpieczna-praca-zdalna.toml"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('\nlevel = "basic"\n', "\n", "missing key 'level'"),
        (
            'type = "heading"\ntext = "Dlaczego aktualizacje są tak ważne"\n',
            'type = "heading"\n',
            "lessons[0].body[0]: missing key 'text'",
        ),
        ("pass_mark = 70", 'pass_mark = "70"', "pass_mark: expected int, got '70'"),
        ('type = "callout"', 'type = "calout"', "'type' is 'calout', expected one of"),
        ('kind = "tip"', 'kynd = "tip"', "unknown key 'kynd'"),
        ("hours = 4", "hours = 4\nhours = 5", "Cannot overwrite a value"),
    ],
)
def test_a_course_file_without_what_the_builder_needs_names_file_and_key(
    tmp_path, old, new, message
):
    path = _broken_copy(tmp_path, COURSE, old, new)
    with pytest.raises(DemoDataError) as error:
        demo_data_read(path=path, schema=COURSE_SCHEMA)
    assert str(error.value).startswith("bezpieczna-praca-zdalna.toml: ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'screenshot = "windows_update"',
            'screenshot = "windows_updat"',
            "lessons[0]: no 'windows_updat' in [images]",
        ),
        (
            'module = "Praca poza urzędem"',
            'module = "Praca poza urzedem"',
            "module 'Praca poza urzedem' is not in 'modules'",
        ),
        (
            'slug = "bezpieczna-praca-zdalna"',
            'slug = "bezpieczna-praca"',
            "'slug' is 'bezpieczna-praca', not the file's name",
        ),
    ],
)
def test_a_course_file_naming_what_it_lacks_is_refused(tmp_path, old, new, message):
    path = _broken_copy(tmp_path, COURSE, old, new)
    with pytest.raises(DemoDataError) as error:
        course_data(path)
    assert str(error.value).startswith("bezpieczna-praca-zdalna.toml: ")
    assert message in str(error.value)


def test_the_site_file_without_the_organiser_names_file_and_key(tmp_path):
    path = _broken_copy(
        tmp_path,
        "site.toml",
        'organiser_name = "Powiat Bolesławiecki – Starostwo Powiatowe w Bolesławcu"\n',
        "",
    )
    with pytest.raises(DemoDataError) as error:
        demo_data_read(path=path, schema=SITE_SCHEMA)
    assert str(error.value) == "site.toml: settings: missing key 'organiser_name'"
