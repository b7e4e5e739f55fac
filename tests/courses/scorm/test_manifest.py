"""Reading manifests: versions told apart, units found with their launch
files and mastery scores, and every unsafe or broken manifest refused with
its own message (never expanded, never fetched)."""

import pytest

from courses.archives import PackageError
from courses.scorm import manifest as m

SCORM12 = """<?xml version="1.0"?>
<manifest identifier="kurs-12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG">
    <organization identifier="ORG"><title>Hasła</title>
      <item identifier="I1" identifierref="R1" parameters="?strona=1">
        <title>Lekcja</title><adlcp:masteryscore>80</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="sco/index.html?tryb=1">
      <file href="sco/index.html"/>
    </resource>
  </resources>
</manifest>""".encode()

SCORM2004 = """<?xml version="1.0"?>
<manifest identifier="kurs-2004" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>{version}</schemaversion></metadata>
  <organizations default="A">
    <organization identifier="A"><title>Praca zdalna</title>
      <item identifier="P1" identifierref="R1"><title>Część 1</title>
        <imsss:sequencing><imsss:objectives>
          <imsss:primaryObjective objectiveID="o1" satisfiedByMeasure="true">
            <imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>
          </imsss:primaryObjective>
        </imsss:objectives></imsss:sequencing>
      </item>
      <item identifier="P2" identifierref="R2"><title>Część 2</title></item>
    </organization>
  </organizations>
  <resources xml:base="tresc/">
    <resource identifier="R1" adlcp:scormType="sco" href="a.html"/>
    <resource identifier="R2" adlcp:scormType="asset" href="b.html"/>
  </resources>
</manifest>"""

CMI5 = """<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://akademia.example/kurs">
    <title>
      <langstring lang="en-US">Hygiene</langstring><langstring lang="pl-PL">Higiena</langstring>
    </title>
  </course>
  <block id="https://akademia.example/kurs/b1">
    <title><langstring lang="pl">Blok</langstring></title>
    <au id="https://akademia.example/kurs/au1" moveOn="CompletedAndPassed" masteryScore="0.8">
      <title><langstring lang="pl">Moduł 1</langstring></title>
      <url>au1/index.html?x=1</url>
    </au>
  </block>
</courseStructure>""".encode()


def refused(function, data, members) -> PackageError:
    with pytest.raises(PackageError) as caught:
        function(data, frozenset(members))
    return caught.value


def test_scorm12_units_launch_and_mastery():
    manifest = m.scorm_manifest(SCORM12, frozenset({"sco/index.html"}))
    assert manifest.version == m.SCORM12 and manifest.version_label == "SCORM 1.2"
    assert manifest.title == "Hasła" and not manifest.sequencing
    (unit,) = manifest.units
    assert (unit.identifier, unit.path, unit.query) == ("I1", "sco/index.html", "tryb=1&strona=1")
    assert unit.kind == "sco" and unit.mastery == 0.8


@pytest.mark.parametrize(
    ("schema_version", "version"),
    [("CAM 1.3", m.SCORM2004_2), ("2004 3rd Edition", m.SCORM2004_3),
     ("2004 4th Edition", m.SCORM2004_4)],
)  # fmt: skip
def test_scorm2004_editions_xml_base_and_sequencing(schema_version, version):
    data = SCORM2004.format(version=schema_version).encode()
    manifest = m.scorm_manifest(data, frozenset({"tresc/a.html", "tresc/b.html"}))
    assert manifest.version == version and manifest.sequencing
    assert [(u.identifier, u.path, u.kind) for u in manifest.units] == [
        ("P1", "tresc/a.html", "sco"),
        ("P2", "tresc/b.html", "asset"),
    ]
    assert manifest.units[0].mastery == 0.7 and manifest.units[1].mastery is None
    assert [node["unit"] for node in manifest.tree] == ["P1", "P2"]


def test_cmi5_aus_in_blocks_in_polish():
    manifest = m.cmi5_manifest(CMI5, frozenset({"au1/index.html"}))
    assert manifest.version == m.CMI5 and manifest.title == "Higiena"
    (unit,) = manifest.units
    assert unit.kind == "au" and unit.move_on == "CompletedAndPassed" and unit.mastery == 0.8
    assert (unit.path, unit.query, unit.title) == ("au1/index.html", "x=1", "Moduł 1")
    assert manifest.tree[0]["children"][0]["unit"] == unit.identifier


def test_entity_bombs_and_external_entities_are_refused_unexpanded():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><manifest>&b;</manifest>'
    )
    assert refused(m.scorm_manifest, bomb, []).template == m.ENTITIES
    external = (
        b'<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<manifest><organizations><organization><title>&x;</title></organization>"
        b"</organizations></manifest>"
    )
    error = refused(m.scorm_manifest, external, [])
    assert error.template == m.ENTITIES and "root:" not in error.message


def test_broken_xml_says_the_line():
    error = refused(m.scorm_manifest, b"<manifest>\n<organizations>\n</manifest>", [])
    assert error.template == m.NOT_XML and error.params["line"] == 3


def test_unknown_version_wrong_root_and_nothing_to_play():
    unknown = SCORM12.replace(b"<schemaversion>1.2", b"<schemaversion>1.1")
    assert refused(m.scorm_manifest, unknown, ["sco/index.html"]).template == m.UNKNOWN_VERSION
    assert refused(m.scorm_manifest, b"<html/>", []).template == m.WRONG_ROOT
    assert refused(m.cmi5_manifest, b"<manifest/>", []).template == m.WRONG_ROOT
    no_org = b"<manifest><organizations/><resources/></manifest>"
    assert refused(m.scorm_manifest, no_org, []).template == m.NO_ORGANIZATION
    no_url = CMI5.replace(b"<url>au1/index.html?x=1</url>", b"<url/>")
    assert refused(m.cmi5_manifest, no_url, []).template == m.MISSING_FIELD


def test_launch_files_must_be_inside_and_present():
    assert refused(m.scorm_manifest, SCORM12, []).template == m.MISSING_LAUNCH
    outside = SCORM12.replace(b'href="sco/index.html?tryb=1"', b'href="https://evil.example/x"')
    assert refused(m.scorm_manifest, outside, ["sco/index.html"]).template == m.EXTERNAL_LAUNCH
    climbing = SCORM12.replace(b'href="sco/index.html?tryb=1"', b'href="../../etc/passwd"')
    assert refused(m.scorm_manifest, climbing, ["sco/index.html"]).template == m.UNSAFE_LAUNCH
    external_au = CMI5.replace(b"au1/index.html?x=1", b"https://elsewhere.example/au")
    assert refused(m.cmi5_manifest, external_au, ["au1/index.html"]).template == m.EXTERNAL_LAUNCH


def test_bad_values_are_named():
    bad = SCORM12.replace(b"<adlcp:masteryscore>80", b"<adlcp:masteryscore>180")
    error = refused(m.scorm_manifest, bad, ["sco/index.html"])
    assert error.template == m.BAD_VALUE and error.params["field"] == "masteryscore"
    move_on = CMI5.replace(b'moveOn="CompletedAndPassed"', b'moveOn="Whenever"')
    assert refused(m.cmi5_manifest, move_on, ["au1/index.html"]).params["field"] == "moveOn"
    missing = SCORM12.replace(b'identifierref="R1"', b'identifierref="R9"')
    assert refused(m.scorm_manifest, missing, ["sco/index.html"]).template == m.UNKNOWN_RESOURCE
