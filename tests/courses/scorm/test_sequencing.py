"""SCORM 2004 sequencing: the manifest's rules read into the activity tree
the runtime evaluates (control modes, rules, limits, rollup, objectives
with their global maps, shared definitions), invalid rules refused by name
at upload; the learner's sequencing state kept per lesson activity, only
for the enrolled learner's own lesson, nothing stored for a bad state."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from courses.archives import PackageError
from courses.models import Enrolment, ScormSequencingState
from courses.personal_data import SECTIONS
from courses.scorm import manifest as m
from courses.scorm import packages, samples, sequencing
from tests import factories
from tests.courses.scorm.helpers import add_package_block, log_in

MANIFEST = """<?xml version="1.0"?>
<manifest identifier="kurs" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="ORG">
    <organization identifier="ORG"><title>Kurs</title>
      <item identifier="M1"><title>Moduł</title>
        <item identifier="S1" identifierref="R1"><title>Wstęp</title>
          <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>
          <adlnav:presentation><adlnav:navigationInterface>
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
          </adlnav:navigationInterface></adlnav:presentation>
          <imsss:sequencing IDRef="wspolne">
            <imsss:limitConditions attemptLimit="2"/>
            <imsss:sequencingRules>
              <imsss:postConditionRule>
                <imsss:ruleConditions>
                  <imsss:ruleCondition condition="objectiveMeasureLessThan" measureThreshold="0.5"/>
                </imsss:ruleConditions>
                <imsss:ruleAction action="retry"/>
              </imsss:postConditionRule>
            </imsss:sequencingRules>
          </imsss:sequencing>
        </item>
        <item identifier="S2" identifierref="R1" isvisible="false"><title>Test</title>
          <imsss:sequencing>
            <imsss:objectives>
              <imsss:primaryObjective objectiveID="test" satisfiedByMeasure="true">
                <imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>
                <imsss:mapInfo targetObjectiveID="urn:global" writeSatisfiedStatus="true"/>
              </imsss:primaryObjective>
            </imsss:objectives>
            <adlseq:objectives>
              <adlseq:objective objectiveID="test">
                <adlseq:mapInfo targetObjectiveID="urn:global" writeRawScore="true"/>
              </adlseq:objective>
            </adlseq:objectives>
          </imsss:sequencing>
        </item>
        <imsss:sequencing>
          <imsss:controlMode choice="false" flow="true" forwardOnly="true"/>
          <imsss:rollupRules objectiveMeasureWeight="0.5">
            <imsss:rollupRule childActivitySet="atLeastCount" minimumCount="1">
              <imsss:rollupConditions><imsss:rollupCondition condition="satisfied"/>
              </imsss:rollupConditions>
              <imsss:rollupAction action="satisfied"/>
            </imsss:rollupRule>
          </imsss:rollupRules>
          <adlseq:rollupConsiderations requiredForSatisfied="ifAttempted"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources><resource identifier="R1" adlcp:scormType="sco" href="a.html"/></resources>
  <imsss:sequencingCollection>
    <imsss:sequencing ID="wspolne">
      <imsss:deliveryControls tracked="true" completionSetByContent="true"/>
      <imsss:controlMode choiceExit="false"/>
    </imsss:sequencing>
  </imsss:sequencingCollection>
</manifest>"""


def read(text: str = MANIFEST) -> m.Manifest:
    return m.scorm_manifest(text.encode(), frozenset({"a.html"}))


def test_the_organization_becomes_the_runtimes_activity_tree():
    manifest = read()
    tree = manifest.activity_tree
    assert (tree["id"], tree["title"]) == ("ORG", "Kurs")
    (module,) = tree["children"]
    assert module["sequencingControls"] == {
        "choice": False, "flow": True, "forwardOnly": True, "objectiveMeasureWeight": 0.5,
    }  # fmt: skip
    assert module["rollupRules"] == {
        "rules": [
            {"action": "satisfied", "consideration": "atLeastCount",
             "conditionCombination": "any", "conditions": [{"condition": "satisfied"}],
             "minimumCount": 1}
        ]
    }  # fmt: skip
    assert module["rollupConsiderations"] == {"requiredForSatisfied": "ifAttempted"}
    intro, test = module["children"]
    assert intro["attemptLimit"] == 2 and intro["sequencingCollectionRefs"] == "wspolne"
    assert intro["sequencingRules"]["postConditionRules"] == [
        {"action": "retry", "conditionCombination": "all",
         "conditions": [{"condition": "objectiveMeasureLessThan",
                         "parameters": {"threshold": 0.5}}]}
    ]  # fmt: skip
    assert intro["completionThreshold"] == {"completedByMeasure": True, "minProgressMeasure": 0.8}
    assert intro["hideLmsUi"] == ["previous"]
    assert test["isVisible"] is False
    assert test["primaryObjective"] == {
        "objectiveID": "test", "satisfiedByMeasure": True, "minNormalizedMeasure": 0.6,
        "mapInfo": [
            {"targetObjectiveID": "urn:global", "writeSatisfiedStatus": True},
            {"targetObjectiveID": "urn:global", "writeRawScore": True},
        ],
    }  # fmt: skip
    assert manifest.collections == {
        "wspolne": {
            "sequencingControls": {"choiceExit": False},
            "deliveryControls": {"tracked": True, "completionSetByContent": True},
        }
    }


def test_the_sample_package_locks_part_2_on_part_1s_global_objective():
    archive = zipfile.ZipFile(io.BytesIO(samples.scorm2004_package()))
    manifest = m.scorm_manifest(archive.read("imsmanifest.xml"), frozenset(archive.namelist()))
    part1, part2 = manifest.activity_tree["children"]
    assert part1["primaryObjective"]["mapInfo"][0]["writeSatisfiedStatus"] is True
    (rule,) = part2["sequencingRules"]["preConditionRules"]
    assert rule["action"] == "disabled"
    assert {c["referencedObjective"] for c in rule["conditions"]} == {"obj-part1"}


SINGLE_SCO = """<?xml version="1.0"?>
<manifest identifier="jeden" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="O"><organization identifier="O"><title>Jeden</title>
    <item identifier="S" identifierref="R"><title>SCO</title></item>
  </organization></organizations>
  <resources><resource identifier="R" adlcp:scormType="sco" href="a.html"/></resources>
</manifest>"""


def test_a_single_sco_without_rules_plays_without_the_sequencer():
    assert read(SINGLE_SCO).activity_tree is None
    two = SINGLE_SCO.replace(
        '<item identifier="S" identifierref="R"><title>SCO</title></item>',
        '<item identifier="S" identifierref="R"><title>SCO</title></item>'
        '<item identifier="T" identifierref="R"><title>Drugi</title></item>',
    )
    assert [child["id"] for child in read(two).activity_tree["children"]] == ["S", "T"]


@pytest.mark.parametrize(
    ("original", "broken", "field"),
    [
        ('action="retry"', 'action="explode"', "action"),
        ('attemptLimit="2"', 'attemptLimit="-1"', "attemptLimit"),
        ('measureThreshold="0.5"', 'measureThreshold="2"', "measureThreshold"),
        ('forwardOnly="true"', 'forwardOnly="perhaps"', "forwardOnly"),
        ('childActivitySet="atLeastCount"', 'childActivitySet="most"', "childActivitySet"),
        ("<adlnav:hideLMSUI>previous", "<adlnav:hideLMSUI>everything", "hideLMSUI"),
        (
            "<imsss:minNormalizedMeasure>0.6",
            "<imsss:minNormalizedMeasure>x",
            "minNormalizedMeasure",
        ),
    ],
)
def test_invalid_sequencing_is_refused_by_name(original, broken, field):
    assert original in MANIFEST
    with pytest.raises(PackageError) as caught:
        read(MANIFEST.replace(original, broken))
    assert caught.value.template in (sequencing.BAD_SEQUENCING, m.BAD_VALUE)
    assert caught.value.params["field"] == field


@pytest.fixture
def sequenced(catalogue, learner_lo1, admin, scorm_storage):
    """A lesson holding the SCORM 2004 sample (two SCOs, a precondition) and
    the SCORM 1.2 sample; the learner is enrolled."""
    course, lessons = factories.course_with_lessons(catalogue, 1)
    package = packages.scorm_package_create(
        file=SimpleUploadedFile("praca.zip", samples.scorm2004_package()), by=admin
    )
    activity_id = add_package_block(lessons[0], package)
    plain = packages.scorm_package_create(
        file=SimpleUploadedFile("hasla.zip", samples.scorm12_package()), by=admin
    )
    plain_id = add_package_block(lessons[0], plain)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    lesson = lessons[0]
    url = reverse("courses:scorm_sequencing", args=[lesson.pk, activity_id])
    return {"lesson": lesson, "package": package, "url": url, "plain_id": plain_id}


STATE = json.dumps({"version": "1.0", "currentActivity": "ITEM-2", "globalObjectives": {}})


def save(client, url, body, content_type="application/json"):
    return client.post(url, body, content_type=content_type)


def test_the_player_gets_the_tree_and_the_learner_keeps_their_state(client, learner_lo1, sequenced):
    log_in(client, learner_lo1)
    page = client.get(sequenced["lesson"].url)
    assert sequenced["url"] in page.content.decode()  # the player knows where to ask
    first = client.get(sequenced["url"]).json()
    assert first["state"] is None
    assert [item["id"] for item in first["activityTree"]["children"]] == ["ITEM-1", "ITEM-2"]
    assert save(client, sequenced["url"], STATE).json() == {"result": True}
    assert save(client, sequenced["url"], STATE.replace("ITEM-2", "ITEM-1")).status_code == 200
    assert client.get(sequenced["url"]).json()["state"] == STATE.replace("ITEM-2", "ITEM-1")
    assert ScormSequencingState.objects.count() == 1


def test_a_replaced_package_starts_its_sequencing_afresh(client, learner_lo1, admin, sequenced):
    log_in(client, learner_lo1)
    save(client, sequenced["url"], STATE)
    packages.scorm_package_replace(
        package=sequenced["package"],
        file=SimpleUploadedFile("praca-2.zip", samples.scorm2004_package()),
        by=admin,
    )
    assert client.get(sequenced["url"]).json()["state"] is None


def test_bad_states_and_other_peoples_lessons_are_refused_and_nothing_stored(
    client, learner_lo1, learner_lo2, sequenced, settings
):
    log_in(client, learner_lo1)
    url = sequenced["url"]
    assert save(client, url, "{not json").status_code == 400
    assert save(client, url, "[1, 2]").status_code == 400
    assert save(client, url, b"\xff\xfe", content_type="text/plain").status_code == 400
    settings.SCORM_MAX_COMMIT_BYTES = 100
    assert save(client, url, json.dumps({"x": "y" * 200})).status_code == 413
    lesson = sequenced["lesson"]
    other = reverse("courses:scorm_sequencing", args=[lesson.pk, "no-such-block"])
    assert client.get(other).status_code == 404
    plain = reverse("courses:scorm_sequencing", args=[lesson.pk, sequenced["plain_id"]])
    assert client.get(plain).status_code == 404  # SCORM 1.2: nothing to sequence
    assert client.get(f"/courses/lessons/{2**63}/scorm/x/sequencing/").status_code == 404
    assert client.put(url, STATE).status_code == 405
    log_in(client, learner_lo2)  # not enrolled
    assert client.get(url).status_code == 403
    assert save(client, url, STATE).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    assert not ScormSequencingState.objects.exists()


def test_saving_needs_the_csrf_token(learner_lo1, sequenced):
    client = Client(enforce_csrf_checks=True)
    log_in(client, learner_lo1)
    assert save(client, sequenced["url"], STATE).status_code == 403
    assert not ScormSequencingState.objects.exists()


def test_the_learners_data_download_holds_their_sequencing_state(client, learner_lo1, sequenced):
    log_in(client, learner_lo1)
    save(client, sequenced["url"], STATE)
    (row,) = SECTIONS["package_sequencing"](learner_lo1)
    assert row["package"] == sequenced["package"].title
    assert row["state"]["currentActivity"] == "ITEM-2"
