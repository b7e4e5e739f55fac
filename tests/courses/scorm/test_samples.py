"""The sample packages (courses/scorm/samples) and their broken variants
(tests/fixtures/scorm.py) are what they claim: valid packages whose manifests name the
right version and only files that are in the zip, pages that run under a strict CSP,
and variants that are broken in exactly the announced way. Read with defusedxml and
zipfile only, so these checks do not depend on the package parser they serve."""

import io
import posixpath
import shutil
import stat
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import pytest

from courses.scorm import samples
from tests.conftest import require_or_skip
from tests.fixtures import scorm as fixtures

IMSCP12 = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP12 = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
IMSCP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_v1p3}"
IMSSS = "{http://www.imsglobal.org/xsd/imsss}"
CMI5 = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
SCRIPTS = ("sco.js", "sco2004.js", "au.js")

BUILDERS = {
    "scorm12": (samples.scorm12_package, samples.MANIFEST),
    "scorm2004": (samples.scorm2004_package, samples.MANIFEST),
    "cmi5": (samples.cmi5_package, samples.CMI5_STRUCTURE),
}


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def parsed(xml: bytes):
    return defusedxml.ElementTree.fromstring(xml, forbid_dtd=True)


def named_files(root) -> set[str]:
    """Every file a manifest names: resource and file hrefs, cmi5 AU urls."""
    hrefs = {
        element.get("href")
        for element in root.iter()
        if element.tag.endswith(("}resource", "}file")) and element.get("href")
    }
    return hrefs | {element.text for element in root.iter(f"{CMI5}url")}


class PageReader(HTMLParser):
    """What matters about a page under a strict CSP: its scripts, styles and handlers."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.references: list[str] = []
        self.problems: list[str] = []
        self.texts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        for name in attributes:
            if name.startswith("on") or name == "style":
                self.problems.append(f"<{tag} {name}>")
        if tag == "style":
            self.problems.append("<style>")
        if tag == "script":
            self._in_script = True
            if "src" not in attributes:
                self.problems.append("inline <script>")
        for name in ("src", "href"):
            if attributes.get(name):
                self.references.append(attributes[name])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append("inline script text")
        self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())


def read_page(content: bytes) -> PageReader:
    reader = PageReader()
    reader.feed(content.decode("utf-8"))
    return reader


# --- Every sample -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", BUILDERS)
def test_sample_is_a_deterministic_zip_naming_only_its_own_files(kind):
    builder, manifest_name = BUILDERS[kind]
    data = builder()
    assert data == builder()
    files = members(data)
    assert next(iter(files)) == manifest_name
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            assert info.date_time == samples.TIMESTAMP
            assert info.compress_type == zipfile.ZIP_DEFLATED
            path = PurePosixPath(info.filename)
            assert not path.is_absolute() and ".." not in path.parts
    named = named_files(parsed(files[manifest_name]))
    assert named and named <= set(files)
    if manifest_name == samples.MANIFEST:
        # SCORM lists every file of its resources (cmi5 names only the launch page).
        assert set(files) - named == {manifest_name}


@pytest.mark.parametrize("kind", BUILDERS)
def test_pages_are_polish_and_run_under_a_strict_csp(kind):
    builder, _ = BUILDERS[kind]
    files = members(builder())
    pages = [name for name in files if name.endswith(".html")]
    assert pages
    for name in pages:
        page = read_page(files[name])
        assert page.lang == "pl", name
        assert page.problems == [], name
        folder = posixpath.dirname(name)
        for reference in page.references:
            assert posixpath.normpath(posixpath.join(folder, reference)) in files, reference
        for label in ("Dalej", "Wstecz", "Sprawdź", "Zakończ"):
            assert label in page.text, (name, label)


def test_titles_are_escaped_in_manifests_and_pages():
    title = 'Hasła <b> & "cudzysłowy"'
    for builder, manifest_name in BUILDERS.values():
        files = members(builder(title=title))
        root = parsed(files[manifest_name])
        assert title in {" ".join("".join(e.itertext()).split()) for e in root.iter()}
        for name in (n for n in files if n.endswith(".html")):
            assert b"<b>" not in files[name]
            assert "&lt;b&gt; &amp; &quot;cudzysłowy&quot;".encode() in files[name]


def test_builders_refuse_nonsense():
    with pytest.raises(ValueError):
        samples.scorm12_package(mastery_score=101)
    with pytest.raises(TypeError):
        samples.scorm12_package(mastery_score=0.8)
    with pytest.raises(ValueError):
        samples.scorm2004_package(edition=1)
    with pytest.raises(ValueError):
        samples.cmi5_package(mastery_score=80)
    with pytest.raises(ValueError):
        samples.scorm12_package(title="  ")


# --- SCORM 1.2 --------------------------------------------------------------------------


def test_scorm12_manifest():
    files = members(samples.scorm12_package(mastery_score=65))
    root = parsed(files[samples.MANIFEST])
    assert root.tag == f"{IMSCP12}manifest" and root.get("version") == "1.0"
    assert root.findtext(f"{IMSCP12}metadata/{IMSCP12}schema") == "ADL SCORM"
    assert root.findtext(f"{IMSCP12}metadata/{IMSCP12}schemaversion") == "1.2"
    organizations = root.find(f"{IMSCP12}organizations")
    assert organizations.get("default") == "ORG"
    (organization,) = organizations.findall(f"{IMSCP12}organization")
    assert organization.get("identifier") == "ORG"
    assert organization.findtext(f"{IMSCP12}title") == "Bezpieczne hasła"
    (item,) = organization.findall(f"{IMSCP12}item")
    assert (item.get("identifier"), item.get("identifierref")) == ("ITEM-1", "RES-1")
    assert item.findtext(f"{ADLCP12}masteryscore") == "65"
    (resource,) = root.findall(f"{IMSCP12}resources/{IMSCP12}resource")
    assert resource.get("identifier") == "RES-1" and resource.get("type") == "webcontent"
    assert resource.get(f"{ADLCP12}scormtype") == "sco"
    assert resource.get("href") == samples.SCORM12_LAUNCH == "index.html"
    assert [f.get("href") for f in resource] == ["index.html", "sco.js", "style.css"]
    assert b"<adlcp:masteryscore>80<" in members(samples.scorm12_package())[samples.MANIFEST]


# --- SCORM 2004 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edition", "schema_version"),
    [(2, "CAM 1.3"), (3, "2004 3rd Edition"), (4, "2004 4th Edition")],
)
def test_scorm2004_editions(edition, schema_version):
    root = parsed(members(samples.scorm2004_package(edition=edition))[samples.MANIFEST])
    assert root.tag == f"{IMSCP}manifest"
    assert root.findtext(f"{IMSCP}metadata/{IMSCP}schemaversion") == schema_version


def test_scorm2004_two_scos_with_a_meaningful_precondition():
    files = members(samples.scorm2004_package())
    root = parsed(files[samples.MANIFEST])
    organization = root.find(f"{IMSCP}organizations/{IMSCP}organization")
    assert organization.findtext(f"{IMSCP}title") == "Praca zdalna bez tajemnic"
    control = organization.find(f"{IMSSS}sequencing/{IMSSS}controlMode")
    assert (control.get("choice"), control.get("flow")) == ("true", "true")
    part1, part2 = organization.findall(f"{IMSCP}item")
    assert [part1.findtext(f"{IMSCP}title"), part2.findtext(f"{IMSCP}title")] == [
        "Część 1: Sprzęt",
        "Część 2: Spotkania online",
    ]
    resources = {r.get("identifier"): r for r in root.iter(f"{IMSCP}resource")}
    for item, launch in ((part1, "sco1/index.html"), (part2, "sco2/index.html")):
        resource = resources[item.get("identifierref")]
        assert resource.get(f"{ADLCP}scormType") == "sco" and resource.get("href") == launch
        for dependency in resource.iter(f"{IMSCP}dependency"):
            assert resources[dependency.get("identifierref")].get(f"{ADLCP}scormType") == "asset"
        delivery = item.find(f"{IMSSS}sequencing/{IMSSS}deliveryControls")
        assert delivery.get("completionSetByContent") == "true"
        assert delivery.get("objectiveSetByContent") == "true"

    primary = part1.find(f"{IMSSS}sequencing/{IMSSS}objectives/{IMSSS}primaryObjective")
    assert primary.get("objectiveID") == "obj-1" and primary.get("satisfiedByMeasure") == "false"
    written = primary.find(f"{IMSSS}mapInfo")
    assert written.get("targetObjectiveID") == samples.GLOBAL_OBJECTIVE
    assert written.get("writeSatisfiedStatus") == "true"

    sequencing = part2.find(f"{IMSSS}sequencing")
    rule = sequencing.find(f"{IMSSS}sequencingRules/{IMSSS}preConditionRule")
    assert rule.find(f"{IMSSS}ruleAction").get("action") == "disabled"
    conditions = rule.find(f"{IMSSS}ruleConditions")
    assert conditions.get("conditionCombination") == "any"
    referenced = {c.get("referencedObjective") for c in conditions}
    assert {c.get("operator") for c in conditions} == {"not"}
    assert {c.get("condition") for c in conditions} == {"satisfied", "objectiveStatusKnown"}
    # The rule refers to an objective of part 2 that reads part 1's global objective.
    local = {o.get("objectiveID"): o for o in sequencing.iter(f"{IMSSS}objective")}
    assert referenced == {"obj-part1"} and "obj-part1" in local
    read = local["obj-part1"].find(f"{IMSSS}mapInfo")
    assert read.get("targetObjectiveID") == samples.GLOBAL_OBJECTIVE
    assert read.get("readSatisfiedStatus") == "true"

    assert b'data-part="1"' in files["sco1/index.html"]
    assert "Następna część".encode() in files["sco1/index.html"]
    assert "Następna część".encode() not in files["sco2/index.html"]


# --- cmi5 -------------------------------------------------------------------------------


def test_cmi5_course_structure():
    files = members(samples.cmi5_package())
    root = parsed(files[samples.CMI5_STRUCTURE])
    assert root.tag == f"{CMI5}courseStructure"
    course = root.find(f"{CMI5}course")
    assert course.get("id") == samples.CMI5_COURSE_ID
    title = course.find(f"{CMI5}title/{CMI5}langstring")
    assert (title.get("lang"), title.text) == ("pl", "Cyberhigiena w urzędzie")
    assert course.find(f"{CMI5}description/{CMI5}langstring").get("lang") == "pl"
    (au,) = root.findall(f"{CMI5}au")
    assert au.get("id") == samples.CMI5_AU_ID == "https://akademia.example/cmi5/cyberhigiena/au1"
    assert au.get("moveOn") == "CompletedAndPassed"
    assert au.get("masteryScore") == "0.8"
    assert au.get("launchMethod") == "AnyWindow"
    assert au.findtext(f"{CMI5}url") == samples.CMI5_AU_URL == "au1/index.html"
    assert au.find(f"{CMI5}title/{CMI5}langstring").get("lang") == "pl"
    assert samples.CMI5_AU_URL in files
    masteries = parsed(members(samples.cmi5_package(mastery_score=0.75))[samples.CMI5_STRUCTURE])
    assert masteries.find(f"{CMI5}au").get("masteryScore") == "0.75"


# --- The scripts ------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCRIPTS)
def test_scripts_are_valid_javascript(name):
    node = shutil.which("node")
    require_or_skip(node is not None, "Node.js is not installed")
    path = Path(samples.__file__).parent / name
    subprocess.run([node, "--check", str(path)], check=True, capture_output=True)


@pytest.mark.parametrize(
    ("name", "calls"),
    [
        (
            "sco.js",
            ["window.opener", "LMSInitialize", "cmi.core.entry", "cmi.core.lesson_location",
             "cmi.suspend_data", "LMSCommit", "cmi.student_data.mastery_score",
             "cmi.core.score.raw", "cmi.core.lesson_status", "cmi.interactions.0.student_response",
             "cmi.core.session_time", "cmi.core.exit", "LMSFinish", "Wznowiono od strony",
             "Nie znaleziono platformy szkoleniowej (API SCORM)."],
        ),
        (
            "sco2004.js",
            ["API_1484_11", "window.opener", "Initialize", "cmi.entry", "cmi.location",
             "cmi.scaled_passing_score", "cmi.score.scaled", "cmi.success_status",
             "cmi.completion_status", "cmi.progress_measure",
             "cmi.interactions.0.learner_response", "cmi.session_time", "adl.nav.request",
             "continue", "cmi.exit", "Terminate", "Wznowiono od strony"],
        ),
        (
            "au.js",
            ["location.search", "auth-token", "LMS.LaunchData", "X-Experience-API-Version",
             "1.0.3", "contextTemplate", "masteryScore", "returnURL",
             "https://w3id.org/xapi/cmi5/context/categories/cmi5",
             "https://w3id.org/xapi/cmi5/context/categories/moveon",
             "http://adlnet.gov/expapi/verbs/", "initialized", "completed", "terminated"],
        ),
    ],
)  # fmt: skip
def test_scripts_use_the_runtime_they_are_written_for(name, calls):
    source = (Path(samples.__file__).parent / name).read_text(encoding="utf-8")
    assert [call for call in calls if call not in source] == []
    assert "eval(" not in source and "innerHTML" not in source


# --- The broken variants ----------------------------------------------------------------


def test_archive_variants():
    assert samples.MANIFEST not in members(fixtures.without_manifest())

    files = members(fixtures.missing_launch_file())
    assert "index.html" in named_files(parsed(files[samples.MANIFEST]))
    assert "index.html" not in files

    assert "../evil.html" in members(fixtures.path_traversal())
    assert "/tmp/evil.html" in members(fixtures.absolute_path())

    with zipfile.ZipFile(io.BytesIO(fixtures.symlink_member())) as archive:
        info = archive.getinfo("passwd.html")
        assert stat.S_ISLNK(info.external_attr >> 16)
        assert archive.read(info) == b"/etc/passwd"

    with zipfile.ZipFile(io.BytesIO(fixtures.encrypted_member())) as archive:
        assert archive.getinfo("sco.js").flag_bits & 1
        with pytest.raises(RuntimeError, match="encrypted"):
            archive.read("sco.js")

    with zipfile.ZipFile(io.BytesIO(fixtures.duplicate_members())) as archive:
        assert archive.namelist().count("index.html") == 2

    data = fixtures.not_a_zip()
    assert not zipfile.is_zipfile(io.BytesIO(data))
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(data))


def test_zip_bomb_is_small_and_expands_hugely():
    bomb = fixtures.zip_bomb()
    assert len(bomb) < 400_000
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        info = archive.getinfo("big.html")
        assert info.file_size == fixtures.BOMB_SIZE == 200 * 1024 * 1024
        assert info.compress_size * 500 < info.file_size
        with archive.open(info) as member:
            assert member.read(4096) == bytes(4096)
        assert samples.MANIFEST in archive.namelist()
    smaller = fixtures.zip_bomb(size=3 * 1024 * 1024 + 7)
    with zipfile.ZipFile(io.BytesIO(smaller)) as archive:
        assert archive.testzip() is None
        assert archive.getinfo("big.html").file_size == 3 * 1024 * 1024 + 7


def variant_manifest(data: bytes) -> bytes:
    return members(data)[samples.MANIFEST]


def test_entity_bombs_and_external_references_are_refused_by_defusedxml():
    bomb = variant_manifest(fixtures.entity_expansion_manifest())
    assert len(bomb) < 3000 and b"&lol9;" in bomb
    with pytest.raises(defusedxml.EntitiesForbidden):
        defusedxml.ElementTree.fromstring(bomb)

    external = variant_manifest(fixtures.external_entity_manifest())
    assert b'SYSTEM "file:///etc/passwd"' in external and b"<title>&x;</title>" in external
    with pytest.raises(defusedxml.EntitiesForbidden):
        defusedxml.ElementTree.fromstring(external)

    parameter = variant_manifest(fixtures.parameter_entity_manifest())
    with pytest.raises(defusedxml.EntitiesForbidden):
        defusedxml.ElementTree.fromstring(parameter)

    # A bare external DTD declares no entity: defusedxml's defaults parse it without
    # fetching anything; refusing it takes forbid_dtd=True.
    dtd = variant_manifest(fixtures.external_dtd_manifest())
    assert b'<!DOCTYPE manifest SYSTEM "http://akademia.example/evil.dtd">' in dtd
    assert defusedxml.ElementTree.fromstring(dtd).tag == f"{IMSCP12}manifest"
    with pytest.raises(defusedxml.DTDForbidden):
        defusedxml.ElementTree.fromstring(dtd, forbid_dtd=True)


def test_manifest_variants():
    with pytest.raises(ParseError):
        defusedxml.ElementTree.fromstring(variant_manifest(fixtures.malformed_manifest()))

    root = parsed(variant_manifest(fixtures.unknown_schema_version()))
    assert root.findtext(f"{IMSCP12}metadata/{IMSCP12}schemaversion") == "1.1"

    files = members(fixtures.cmi5_foreign_au_url())
    au = parsed(files[samples.CMI5_STRUCTURE]).find(f"{CMI5}au")
    assert au.findtext(f"{CMI5}url") == "https://evil.example/au1/index.html"

    files = members(fixtures.cmi5_without_au())
    root = parsed(files[samples.CMI5_STRUCTURE])
    assert root.find(f"{CMI5}course") is not None and root.findall(f"{CMI5}au") == []
    assert samples.CMI5_AU_URL in files
