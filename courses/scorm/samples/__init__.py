"""Sample e-learning packages, SCORM 1.2, SCORM 2004 and cmi5, built in memory.

The demo courses need packages to show and the tests need valid packages to start from
(tests/fixtures/scorm.py breaks them in every way an upload can be broken). Exports of
authoring tools cannot be shipped with the project, so the project writes its own: small
but real packages whose Polish, accessible content talks to the platform through the
SCORM 1.2 API, the SCORM 2004 API or the cmi5 launch protocol, and writes every step into
the page, so that a browser test can wait for it. The pages have no inline scripts, styles
or event handlers: they run under the platform's strict Content-Security-Policy.

The content files sit beside this module: the scripts (sco.js, sco2004.js, au.js), one
stylesheet and the HTML pages, in which `$title` is replaced by the escaped title. The
archives are deterministic (fixed member order and timestamps, ZIP_DEFLATED), so the
same arguments give the same bytes.

The identifiers, launch files and objective ids below are part of the contract with the
package parser and its tests; change them together.
"""

import io
import zipfile
from collections.abc import Mapping
from html import escape as html_escape
from pathlib import Path
from string import Template
from textwrap import indent
from xml.sax.saxutils import escape as xml_escape

TIMESTAMP = (2026, 1, 1, 0, 0, 0)
SOURCE = Path(__file__).resolve().parent

MANIFEST = "imsmanifest.xml"
CMI5_STRUCTURE = "cmi5.xml"

# SCORM 1.2: one organization, one item, one SCO.
SCORM12_MANIFEST_ID = "akademia-scorm12-bezpieczne-hasla"
SCORM12_ORGANIZATION = "ORG"
SCORM12_ITEM = "ITEM-1"
SCORM12_RESOURCE = "RES-1"
SCORM12_LAUNCH = "index.html"
SCORM12_FILES = ("index.html", "sco.js", "style.css")

# SCORM 2004: one organization, two items (SCOs) and an asset resource both depend on.
SCORM2004_MANIFEST_ID = "akademia-scorm2004-praca-zdalna"
SCORM2004_ORGANIZATION = "ORG"
SCORM2004_SCHEMA_VERSIONS = {2: "CAM 1.3", 3: "2004 3rd Edition", 4: "2004 4th Edition"}
SCORM2004_PARTS = (
    # item, resource, title, launch file, page template
    ("ITEM-1", "RES-1", "Część 1: Sprzęt", "sco1/index.html", "scorm2004_part1.html"),
    ("ITEM-2", "RES-2", "Część 2: Spotkania online", "sco2/index.html", "scorm2004_part2.html"),
)
SCORM2004_SHARED_RESOURCE = "RES-SHARED"
SCORM2004_SHARED_FILES = ("shared/sco2004.js", "shared/style.css")
# Part 1's primary objective writes its satisfied status to the global objective; part 2
# reads it through a local objective, and its precondition rule disables part 2 until
# part 1 is satisfied.
SCORM2004_PART1_OBJECTIVE = "obj-1"
SCORM2004_PART2_OBJECTIVE = "obj-2"
SCORM2004_PART2_PART1_OBJECTIVE = "obj-part1"
GLOBAL_OBJECTIVE = "urn:akademia:obj-part1"

# cmi5: one course with one assignable unit (AU).
CMI5_NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
CMI5_COURSE_ID = "https://akademia.example/cmi5/cyberhigiena"
CMI5_AU_ID = "https://akademia.example/cmi5/cyberhigiena/au1"
CMI5_AU_URL = "au1/index.html"
CMI5_FILES = ("au1/index.html", "au1/au.js", "au1/style.css")
CMI5_MOVE_ON = "CompletedAndPassed"
CMI5_LAUNCH_METHOD = "AnyWindow"

SCORM12_NAMESPACES = {
    "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
}
SCORM2004_NAMESPACES = {
    "": "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
    "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
    "imsss": "http://www.imsglobal.org/xsd/imsss",
}


def _source(name: str) -> bytes:
    return (SOURCE / name).read_bytes()


def _page(template: str, title: str) -> bytes:
    text = Template((SOURCE / template).read_text(encoding="utf-8"))
    return text.substitute(title=html_escape(title, quote=True)).encode("utf-8")


def _namespaces(namespaces: Mapping[str, str]) -> str:
    return " ".join(
        f'xmlns{":" + prefix if prefix else ""}="{uri}"' for prefix, uri in namespaces.items()
    )


def _title(title: str) -> str:
    title = title.strip()
    if not title:
        raise ValueError("A package needs a title.")
    return title


def _pack(files: Mapping[str, bytes]) -> bytes:
    """A zip of the files: the manifest first, then the rest in name order."""
    buffer = io.BytesIO()
    order = sorted(files, key=lambda name: (name not in (MANIFEST, CMI5_STRUCTURE), name))
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever the builder runs on
            archive.writestr(info, files[name])
    return buffer.getvalue()


# --- SCORM 1.2 --------------------------------------------------------------------------


def _scorm12_manifest(title: str, mastery_score: int) -> bytes:
    text = xml_escape(title)
    files = "\n".join(f'      <file href="{name}"/>' for name in SCORM12_FILES)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{SCORM12_MANIFEST_ID}" version="1.0" {_namespaces(SCORM12_NAMESPACES)}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{SCORM12_ORGANIZATION}">
    <organization identifier="{SCORM12_ORGANIZATION}">
      <title>{text}</title>
      <item identifier="{SCORM12_ITEM}" identifierref="{SCORM12_RESOURCE}" isvisible="true">
        <title>{text}</title>
        <adlcp:masteryscore>{mastery_score}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{SCORM12_RESOURCE}" type="webcontent" adlcp:scormtype="sco" \
href="{SCORM12_LAUNCH}">
{files}
    </resource>
  </resources>
</manifest>
""".encode()


def scorm12_package(*, title: str = "Bezpieczne hasła", mastery_score: int = 80) -> bytes:
    """A single-SCO SCORM 1.2 package: a three-page lesson on safe passwords with a
    one-question quiz; `mastery_score` (0-100) goes into `adlcp:masteryscore`."""
    title = _title(title)
    if isinstance(mastery_score, bool) or not isinstance(mastery_score, int):
        raise TypeError("mastery_score is a whole number from 0 to 100.")
    if not 0 <= mastery_score <= 100:
        raise ValueError("mastery_score is a whole number from 0 to 100.")
    return _pack(
        {
            MANIFEST: _scorm12_manifest(title, mastery_score),
            "index.html": _page("scorm12.html", title),
            "sco.js": _source("sco.js"),
            "style.css": _source("style.css"),
        }
    )


# --- SCORM 2004 -------------------------------------------------------------------------


DELIVERY_CONTROLS = (
    '<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>'
)


def _scorm2004_sequencing(item: str) -> str:
    """The item's <imsss:sequencing>: part 1 writes the global objective, part 2 reads
    it and is disabled while it is not (known to be) satisfied."""
    if item == "ITEM-1":
        return f"""<imsss:sequencing>
  <imsss:objectives>
    <imsss:primaryObjective objectiveID="{SCORM2004_PART1_OBJECTIVE}" satisfiedByMeasure="false">
      <imsss:mapInfo targetObjectiveID="{GLOBAL_OBJECTIVE}" readSatisfiedStatus="false" \
writeSatisfiedStatus="true"/>
    </imsss:primaryObjective>
  </imsss:objectives>
  {DELIVERY_CONTROLS}
</imsss:sequencing>"""
    local = SCORM2004_PART2_PART1_OBJECTIVE
    return f"""<imsss:sequencing>
  <imsss:sequencingRules>
    <imsss:preConditionRule>
      <imsss:ruleConditions conditionCombination="any">
        <imsss:ruleCondition condition="satisfied" referencedObjective="{local}" operator="not"/>
        <imsss:ruleCondition condition="objectiveStatusKnown" referencedObjective="{local}" \
operator="not"/>
      </imsss:ruleConditions>
      <imsss:ruleAction action="disabled"/>
    </imsss:preConditionRule>
  </imsss:sequencingRules>
  <imsss:objectives>
    <imsss:primaryObjective objectiveID="{SCORM2004_PART2_OBJECTIVE}" satisfiedByMeasure="false"/>
    <imsss:objective objectiveID="{local}">
      <imsss:mapInfo targetObjectiveID="{GLOBAL_OBJECTIVE}" readSatisfiedStatus="true" \
writeSatisfiedStatus="false"/>
    </imsss:objective>
  </imsss:objectives>
  {DELIVERY_CONTROLS}
</imsss:sequencing>"""


def _scorm2004_manifest(title: str, edition: int) -> bytes:
    items = "\n".join(
        f"""<item identifier="{item}" identifierref="{resource}">
  <title>{xml_escape(part_title)}</title>
{indent(_scorm2004_sequencing(item), "  ")}
</item>"""
        for item, resource, part_title, _launch, _template in SCORM2004_PARTS
    )
    resources = "\n".join(
        f"""<resource identifier="{resource}" type="webcontent" adlcp:scormType="sco" \
href="{launch}">
  <file href="{launch}"/>
  <dependency identifierref="{SCORM2004_SHARED_RESOURCE}"/>
</resource>"""
        for _item, resource, _title, launch, _template in SCORM2004_PARTS
    )
    shared = "\n".join(f'<file href="{name}"/>' for name in SCORM2004_SHARED_FILES)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{SCORM2004_MANIFEST_ID}" version="1.0" \
{_namespaces(SCORM2004_NAMESPACES)}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>{SCORM2004_SCHEMA_VERSIONS[edition]}</schemaversion>
  </metadata>
  <organizations default="{SCORM2004_ORGANIZATION}">
    <organization identifier="{SCORM2004_ORGANIZATION}">
      <title>{xml_escape(title)}</title>
{indent(items, " " * 6)}
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
{indent(resources, " " * 4)}
    <resource identifier="{SCORM2004_SHARED_RESOURCE}" type="webcontent" \
adlcp:scormType="asset">
{indent(shared, " " * 6)}
    </resource>
  </resources>
</manifest>
""".encode()


def scorm2004_package(*, title: str = "Praca zdalna bez tajemnic", edition: int = 4) -> bytes:
    """A two-SCO SCORM 2004 package (`edition` 2, 3 or 4) on remote work: part 2 is
    disabled by a sequencing precondition until part 1 is satisfied, through the global
    objective `GLOBAL_OBJECTIVE`. Both SCOs share one script and stylesheet (an asset
    resource)."""
    title = _title(title)
    if edition not in SCORM2004_SCHEMA_VERSIONS:
        raise ValueError(f"SCORM 2004 edition must be one of {sorted(SCORM2004_SCHEMA_VERSIONS)}.")
    files = {
        MANIFEST: _scorm2004_manifest(title, edition),
        "shared/sco2004.js": _source("sco2004.js"),
        "shared/style.css": _source("style.css"),
    }
    for _item, _resource, _title_text, launch, template in SCORM2004_PARTS:
        files[launch] = _page(template, title)
    return _pack(files)


# --- cmi5 -------------------------------------------------------------------------------


def _decimal(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _cmi5_structure(title: str, mastery_score: float) -> bytes:
    text = xml_escape(title)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="{CMI5_NAMESPACE}">
  <course id="{CMI5_COURSE_ID}">
    <title>
      <langstring lang="pl">{text}</langstring>
    </title>
    <description>
      <langstring lang="pl">Krótki kurs o bezpiecznej pracy z pocztą, linkami \
i nośnikami danych w urzędzie.</langstring>
    </description>
  </course>
  <au id="{CMI5_AU_ID}" moveOn="{CMI5_MOVE_ON}" masteryScore="{_decimal(mastery_score)}" \
launchMethod="{CMI5_LAUNCH_METHOD}">
    <title>
      <langstring lang="pl">{text}</langstring>
    </title>
    <description>
      <langstring lang="pl">Phishing, zgłaszanie incydentów, aktualizacje i nośniki \
– z krótkim testem na końcu.</langstring>
    </description>
    <url>{CMI5_AU_URL}</url>
  </au>
</courseStructure>
""".encode()


def cmi5_package(*, title: str = "Cyberhigiena w urzędzie", mastery_score: float = 0.8) -> bytes:
    """A cmi5 course with one AU (`CMI5_AU_ID`, launched at the relative `CMI5_AU_URL`):
    a three-page lesson with a one-question quiz; `mastery_score` (0-1) goes into the
    AU's `masteryScore`."""
    title = _title(title)
    if not 0 <= mastery_score <= 1:
        raise ValueError("mastery_score is a decimal from 0 to 1.")
    return _pack(
        {
            CMI5_STRUCTURE: _cmi5_structure(title, mastery_score),
            "au1/index.html": _page("cmi5_au.html", title),
            "au1/au.js": _source("au.js"),
            "au1/style.css": _source("style.css"),
        }
    )
