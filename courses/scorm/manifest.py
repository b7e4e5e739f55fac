"""Reading a package's manifest: `imsmanifest.xml` (SCORM 1.2, SCORM 2004
2nd, 3rd and 4th edition) or `cmi5.xml` (a cmi5 course structure).

Manifests come from many authoring tools and are loose with namespaces, so
elements and attributes are matched by their local names. They are parsed
with defusedxml: entity declarations (the "billion laughs" bomb) and
external references (XXE) are refused, never expanded or fetched. Pure:
bytes in, a `Manifest` out, or `PackageError` saying what is wrong."""

import posixpath
import urllib.parse
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field

import defusedxml
import defusedxml.ElementTree
from django.utils.translation import gettext_lazy as _

from courses.archives import PackageError, check_path
from courses.scorm import sequencing as sequencing_rules
from courses.scorm.xml_elements import attribute as _attribute
from courses.scorm.xml_elements import child as _child
from courses.scorm.xml_elements import children as _children
from courses.scorm.xml_elements import local as _local
from courses.scorm.xml_elements import text as _text
from courses.scorm.xml_elements import title_of

SCORM_MANIFEST = "imsmanifest.xml"
CMI5_MANIFEST = "cmi5.xml"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"

SCORM12 = "scorm12"
SCORM2004_2 = "scorm2004-2"
SCORM2004_3 = "scorm2004-3"
SCORM2004_4 = "scorm2004-4"
CMI5 = "cmi5"
VERSION_LABELS = {
    SCORM12: "SCORM 1.2",
    SCORM2004_2: "SCORM 2004 2nd Edition",
    SCORM2004_3: "SCORM 2004 3rd Edition",
    SCORM2004_4: "SCORM 2004 4th Edition",
    CMI5: "cmi5",
}
SCHEMA_VERSIONS = {
    "1.2": SCORM12,
    "cam 1.3": SCORM2004_2,
    "2004 2nd edition": SCORM2004_2,
    "2004 3rd edition": SCORM2004_3,
    "2004 4th edition": SCORM2004_4,
}
# cmi5's moveOn criteria (cmi5 spec, section 13.1.4).
MOVE_ON = ("Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable")

NO_MANIFEST = _(
    "The package has neither imsmanifest.xml (SCORM) nor cmi5.xml (cmi5) at the top level."
)
ENTITIES = _(
    "%(name)s declares XML entities or refers to external files; such manifests are "
    "refused for safety."
)
NOT_XML = _("%(name)s is not well-formed XML (line %(line)s): correct the file and upload again.")
WRONG_ROOT = _("%(name)s does not start with the element “%(element)s”.")
UNKNOWN_VERSION = _(
    "The manifest names the SCORM version “%(version)s”, which is not supported: "
    "SCORM 1.2 and SCORM 2004 (2nd, 3rd and 4th edition) are."
)
NO_ORGANIZATION = _("The manifest has no organization (the table of contents) to play.")
NO_UNITS = _("The manifest names nothing to launch: no item refers to a resource with a file.")
UNKNOWN_RESOURCE = _("The item “%(item)s” refers to the resource “%(resource)s”, which is missing.")
EXTERNAL_LAUNCH = _(
    "“%(unit)s” starts at “%(href)s”, outside the package; only content inside the "
    "package can be played."
)
UNSAFE_LAUNCH = _("“%(unit)s” starts at an unsafe path: “%(href)s”.")
MISSING_LAUNCH = _("“%(unit)s” starts at the file “%(href)s”, which is not in the package.")
MISSING_FIELD = _("%(name)s: the element “%(element)s” has no “%(field)s”.")
BAD_VALUE = _("%(name)s: “%(value)s” is not a valid %(field)s.")


@dataclass(frozen=True)
class Unit:
    """Something a learner launches: a SCO (or asset) of a SCORM package, an
    AU of a cmi5 course. `path` is the file inside the package, `query` what
    follows it in the launch address; `mastery` a scaled score (0 to 1) the
    package asks for, when it names one."""

    identifier: str
    title: str
    path: str
    query: str = ""
    kind: str = "sco"
    mastery: float | None = None
    move_on: str = ""
    launch_data: str = ""


@dataclass(frozen=True)
class Manifest:
    """What a package holds: its version, title, the units in the order of its
    table of contents, and the tree of that table of contents (items with
    their children and, for SCORM 2004, whether sequencing rules apply)."""

    version: str
    title: str
    identifier: str
    units: tuple[Unit, ...]
    tree: list[dict] = field(default_factory=list)
    sequencing: bool = False
    # SCORM 2004 with more than one SCO or with sequencing rules: the
    # organization as the runtime's activity tree, and the shared
    # sequencing definitions it refers to (courses.scorm.sequencing).
    activity_tree: dict | None = None
    collections: dict = field(default_factory=dict)

    @property
    def version_label(self) -> str:
        return VERSION_LABELS[self.version]


def _parse(data: bytes, name: str):
    try:
        return defusedxml.ElementTree.fromstring(data)
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise PackageError(ENTITIES, name=name) from None
    except ElementTree.ParseError as error:
        raise PackageError(NOT_XML, name=name, line=error.position[0]) from None
    except (ValueError, UnicodeError):
        raise PackageError(NOT_XML, name=name, line=1) from None


def _number(value: str, name: str, label: str, *, low: float, high: float) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise PackageError(BAD_VALUE, name=name, value=value[:40], field=label) from None
    if not low <= number <= high:
        raise PackageError(BAD_VALUE, name=name, value=value[:40], field=label)
    return number


def _launch_target(href: str, unit: str, members: frozenset[str]) -> tuple[str, str]:
    """(path inside the package, query) of a launch address; refused when it
    leaves the package or names a file that is not there."""
    parsed = urllib.parse.urlsplit(href)
    if parsed.scheme or parsed.netloc or href.startswith("//"):
        raise PackageError(EXTERNAL_LAUNCH, unit=unit, href=href[:200])
    path = posixpath.normpath(urllib.parse.unquote(parsed.path)) if parsed.path else ""
    try:
        check_path(path)
    except PackageError:
        raise PackageError(UNSAFE_LAUNCH, unit=unit, href=href[:200]) from None
    if path not in members:
        raise PackageError(MISSING_LAUNCH, unit=unit, href=path)
    return path, parsed.query


def _joined_query(query: str, parameters: str) -> str:
    """The resource's query with the item's `parameters` added (SCORM CAM:
    a leading `?` or `&` is dropped, a `#` fragment is not sent)."""
    parameters = parameters.split("#", 1)[0].lstrip("?&")
    return "&".join(part for part in (query, parameters) if part)


def scorm_manifest(data: bytes, members: frozenset[str]) -> Manifest:
    """An `imsmanifest.xml`; `members` are the package's file names."""
    root = _parse(data, SCORM_MANIFEST)
    if _local(root.tag) != "manifest":
        raise PackageError(WRONG_ROOT, name=SCORM_MANIFEST, element="manifest")
    version = _scorm_version(root)
    organizations = _child(root, "organizations")
    choices = _children(organizations, "organization") if organizations is not None else []
    default = _attribute(organizations, "default") if organizations is not None else ""
    organization = next(
        (item for item in choices if _attribute(item, "identifier") == default),
        choices[0] if choices else None,
    )
    if organization is None:
        raise PackageError(NO_ORGANIZATION)
    resources = _resources(root)
    units: list[Unit] = []
    tree = [
        _item(item, version, resources, members, units) for item in _children(organization, "item")
    ]
    if not units:
        raise PackageError(NO_UNITS)
    sequencing = version != SCORM12 and any(
        _local(element.tag) == "sequencing" for element in root.iter()
    )
    sequenced = sequencing or (version != SCORM12 and sum(u.kind != "asset" for u in units) > 1)
    return Manifest(
        version=version,
        title=_text(_child(organization, "title")) or _attribute(root, "identifier"),
        identifier=_attribute(root, "identifier"),
        units=tuple(units),
        tree=tree,
        sequencing=sequencing,
        activity_tree=sequencing_rules.activity_tree(organization) if sequenced else None,
        collections=sequencing_rules.collections(root) if sequenced else {},
    )


def _scorm_version(root) -> str:
    metadata = _child(root, "metadata")
    schema_version = _text(_child(metadata, "schemaversion")) if metadata is not None else ""
    if schema_version:
        version = SCHEMA_VERSIONS.get(schema_version.lower())
        if version is None:
            raise PackageError(UNKNOWN_VERSION, version=schema_version[:40])
        return version
    # No <schemaversion>: told by the namespaces the manifest uses.
    namespaces = {element.tag.split("}", 1)[0] for element in root.iter() if "}" in element.tag}
    attributes = {key.split("}", 1)[0] for element in root.iter() for key in element.attrib}
    if any("v1p3" in namespace for namespace in namespaces | attributes):
        return SCORM2004_3
    return SCORM12


def _resources(root) -> dict[str, tuple[str, str]]:
    """identifier -> (href with xml:base applied, scorm type)."""
    found: dict[str, tuple[str, str]] = {}
    base = root.get(XML_BASE, "")
    resources = _child(root, "resources")
    if resources is None:
        return found
    base += resources.get(XML_BASE, "")
    for resource in _children(resources, "resource"):
        href = _attribute(resource, "href")
        if href:
            href = base + resource.get(XML_BASE, "") + href
        found[_attribute(resource, "identifier")] = (href, _attribute(resource, "scormtype"))
    return found


def _item(item, version, resources, members, units: list[Unit]) -> dict:
    identifier = _attribute(item, "identifier")
    title = title_of(item)
    node: dict = {"identifier": identifier, "title": title, "children": []}
    reference = _attribute(item, "identifierref")
    if reference:
        if reference not in resources:
            raise PackageError(UNKNOWN_RESOURCE, item=identifier, resource=reference)
        href, kind = resources[reference]
        if href:
            path, query = _launch_target(href, title, members)
            units.append(
                Unit(
                    identifier=identifier,
                    title=title,
                    path=path,
                    query=_joined_query(query, _attribute(item, "parameters")),
                    kind=(kind or "sco").lower(),
                    mastery=_mastery(item, version),
                    launch_data=_text(_child(item, "datafromlms")),
                )
            )
            node["unit"] = identifier
    node["children"] = [
        _item(child, version, resources, members, units) for child in _children(item, "item")
    ]
    return node


def _mastery(item, version: str) -> float | None:
    """SCORM 1.2's masteryscore (0 to 100), or SCORM 2004's minimum normalized
    measure of a primary objective satisfied by measure, as a scaled score."""
    if version == SCORM12:
        score = _number(
            _text(_child(item, "masteryscore")),
            SCORM_MANIFEST,
            "masteryscore",
            low=0,
            high=100,
        )
        return None if score is None else score / 100
    sequencing = _child(item, "sequencing")
    objectives = _child(sequencing, "objectives") if sequencing is not None else None
    primary = _child(objectives, "primaryObjective") if objectives is not None else None
    if primary is None or _attribute(primary, "satisfiedByMeasure").lower() != "true":
        return None
    return _number(
        _text(_child(primary, "minNormalizedMeasure")) or "1",
        SCORM_MANIFEST,
        "minNormalizedMeasure",
        low=-1,
        high=1,
    )


def _langstring(element) -> str:
    """A cmi5 title or description: the Polish text, else the first."""
    if element is None:
        return ""
    strings = _children(element, "langstring")
    polish = next((s for s in strings if _attribute(s, "lang").lower().startswith("pl")), None)
    return _text(polish if polish is not None else (strings[0] if strings else element))


def cmi5_manifest(data: bytes, members: frozenset[str]) -> Manifest:
    """A `cmi5.xml` course structure; AUs in blocks are taken in order."""
    root = _parse(data, CMI5_MANIFEST)
    if _local(root.tag) != "courseStructure":
        raise PackageError(WRONG_ROOT, name=CMI5_MANIFEST, element="courseStructure")
    course = _child(root, "course")
    if course is None or not _attribute(course, "id"):
        raise PackageError(MISSING_FIELD, name=CMI5_MANIFEST, element="course", field="id")
    units: list[Unit] = []
    tree = [
        _cmi5_node(child, members, units) for child in root if _local(child.tag) in ("au", "block")
    ]
    if not units:
        raise PackageError(NO_UNITS)
    return Manifest(
        version=CMI5,
        title=_langstring(_child(course, "title")) or _attribute(course, "id"),
        identifier=_attribute(course, "id"),
        units=tuple(units),
        tree=tree,
    )


def _cmi5_node(element, members, units: list[Unit]) -> dict:
    identifier = _attribute(element, "id")
    title = _langstring(_child(element, "title")) or identifier
    kind = _local(element.tag)
    if not identifier:
        raise PackageError(MISSING_FIELD, name=CMI5_MANIFEST, element=kind, field="id")
    node: dict = {"identifier": identifier, "title": title, "children": []}
    if kind == "block":
        node["children"] = [
            _cmi5_node(child, members, units)
            for child in element
            if _local(child.tag) in ("au", "block")
        ]
        return node
    url = _text(_child(element, "url"))
    if not url:
        raise PackageError(MISSING_FIELD, name=CMI5_MANIFEST, element="au", field="url")
    path, query = _launch_target(url, title, members)
    move_on = _attribute(element, "moveOn") or "NotApplicable"
    if move_on not in MOVE_ON:
        raise PackageError(BAD_VALUE, name=CMI5_MANIFEST, value=move_on[:40], field="moveOn")
    units.append(
        Unit(
            identifier=identifier,
            title=title,
            path=path,
            query=query,
            kind="au",
            mastery=_number(
                _attribute(element, "masteryScore"),
                CMI5_MANIFEST,
                "masteryScore",
                low=0,
                high=1,
            ),
            move_on=move_on,
            launch_data=_text(_child(element, "launchParameters")),
        )
    )
    node["unit"] = identifier
    return node
