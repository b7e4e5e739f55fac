"""SCORM 2004 sequencing, read from the manifest for the runtime.

scorm-again evaluates a package's sequencing (the IMS Simple Sequencing
rules of SCORM 2004: control modes, pre-, exit- and post-condition rules,
limit conditions, rollup, objectives shared through global objectives,
delivery controls) in the lesson page, but reads no manifest: it takes an
activity tree of plain settings (`ActivitySettings` in its types). This
module turns the organization's items and their `<imsss:sequencing>` (and
the manifest's `<imsss:sequencingCollection>`) into that tree, once, when a
package is uploaded; the tree is kept with the manifest. A value the
specification does not allow is refused with what and where, like every
other manifest error. Pure: elements in, dictionaries out."""

from django.utils.translation import gettext_lazy as _

from courses.archives import PackageError
from courses.scorm.xml_elements import attribute, child, children, local, text, title_of

MANIFEST = "imsmanifest.xml"
BAD_SEQUENCING = _(
    "imsmanifest.xml: “%(value)s” is not a valid value of %(field)s in the sequencing of "
    "“%(item)s”."
)

# Vocabularies of the SCORM 2004 4th edition sequencing schema (imsss_v1p0).
RULE_CONDITIONS = {
    "satisfied", "objectiveStatusKnown", "objectiveMeasureKnown", "objectiveMeasureGreaterThan",
    "objectiveMeasureLessThan", "completed", "activityProgressKnown", "attempted",
    "attemptLimitExceeded", "timeLimitExceeded", "outsideAvailableTimeRange", "always",
}  # fmt: skip
PRE_ACTIONS = {"skip", "disabled", "hiddenFromChoice", "stopForwardTraversal"}
EXIT_ACTIONS = {"exit"}
POST_ACTIONS = {"exitParent", "exitAll", "retry", "retryAll", "continue", "previous"}
RULE_KINDS = (
    ("preConditionRule", "preConditionRules", PRE_ACTIONS),
    ("exitConditionRule", "exitConditionRules", EXIT_ACTIONS),
    ("postConditionRule", "postConditionRules", POST_ACTIONS),
)
ROLLUP_CONDITIONS = {
    "satisfied", "objectiveStatusKnown", "objectiveMeasureKnown", "completed",
    "activityProgressKnown", "attempted", "attemptLimitExceeded", "timeLimitExceeded",
    "outsideAvailableTimeRange",
}  # fmt: skip
ROLLUP_ACTIONS = {"satisfied", "notSatisfied", "completed", "incomplete"}
CHILD_SETS = {"all", "any", "none", "atLeastCount", "atLeastPercent"}
COMBINATIONS = {"all", "any"}
OPERATORS = {"noOp", "not"}
TIMINGS = {"never", "once", "onEachNewAttempt"}
CONSIDERATIONS = {"always", "ifAttempted", "ifNotSkipped", "ifNotSuspended"}
CONSIDERED = (
    "requiredForSatisfied", "requiredForNotSatisfied", "requiredForCompleted",
    "requiredForIncomplete",
)  # fmt: skip
HIDE_LMS_UI = {"continue", "previous", "exit", "exitAll", "abandon", "abandonAll", "suspendAll"}
# Attribute name -> settings name, for boolean flags, by element.
CONTROL_MODE = (
    "choice", "choiceExit", "flow", "forwardOnly", "useCurrentAttemptObjectiveInfo",
    "useCurrentAttemptProgressInfo",
)  # fmt: skip
DELIVERY_CONTROLS = ("tracked", "completionSetByContent", "objectiveSetByContent")
CONSTRAINED_CHOICE = ("preventActivation", "constrainChoice")
ROLLUP_FLAGS = ("rollupObjectiveSatisfied", "rollupProgressCompletion")
MAP_INFO = (
    "readSatisfiedStatus", "readNormalizedMeasure", "writeSatisfiedStatus",
    "writeNormalizedMeasure",
)  # fmt: skip
# ADL's extended objective map (adlseq:objectives, 4th edition).
ADL_MAP_INFO = (
    "readRawScore", "readMinScore", "readMaxScore", "readCompletionStatus",
    "readProgressMeasure", "writeRawScore", "writeMinScore", "writeMaxScore",
    "writeCompletionStatus", "writeProgressMeasure",
)  # fmt: skip


class _Reader:
    """Values of one item's sequencing, refused with the item named."""

    def __init__(self, item: str):
        self.item = item

    def refuse(self, value: str, field: str):
        raise PackageError(BAD_SEQUENCING, value=value[:40], field=field, item=self.item)

    def flag(self, element, name: str) -> bool | None:
        value = attribute(element, name)
        if not value:
            return None
        if value.lower() in ("true", "1"):
            return True
        if value.lower() in ("false", "0"):
            return False
        return self.refuse(value, name)

    def flags(self, element, names) -> dict:
        found = {name: self.flag(element, name) for name in names}
        return {name: value for name, value in found.items() if value is not None}

    def number(self, value: str, field: str, *, low: float, high: float) -> float | None:
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            return self.refuse(value, field)
        if not low <= number <= high:
            return self.refuse(value, field)
        return number

    def word(self, element, name: str, allowed: set, default: str = "") -> str:
        value = attribute(element, name) or default
        if value and value not in allowed:
            return self.refuse(value, name)
        return value


def _condition(reader: _Reader, element, allowed: set) -> dict:
    found = {"condition": reader.word(element, "condition", allowed)}
    if not found["condition"]:
        reader.refuse("", "condition")
    if reader.word(element, "operator", OPERATORS) == "not":
        found["operator"] = "not"
    objective = attribute(element, "referencedObjective")
    if objective:
        found["referencedObjective"] = objective
    threshold = reader.number(
        attribute(element, "measureThreshold"), "measureThreshold", low=-1, high=1
    )
    if threshold is not None:
        found["parameters"] = {"threshold": threshold}
    return found


def _rules(reader: _Reader, sequencing) -> dict:
    element = child(sequencing, "sequencingRules")
    found: dict = {}
    if element is None:
        return found
    for tag, name, actions in RULE_KINDS:
        rules = []
        for rule in children(element, tag):
            conditions = child(rule, "ruleConditions")
            action = child(rule, "ruleAction")
            if action is None or conditions is None:
                reader.refuse(tag, "sequencingRules")
            rules.append(
                {
                    "action": reader.word(action, "action", actions) or reader.refuse("", tag),
                    "conditionCombination": reader.word(
                        conditions, "conditionCombination", COMBINATIONS, "all"
                    ),
                    "conditions": [
                        _condition(reader, condition, RULE_CONDITIONS)
                        for condition in children(conditions, "ruleCondition")
                    ],
                }
            )
        if rules:
            found[name] = rules
    return found


def _rollup(reader: _Reader, element) -> dict:
    rules = []
    for rule in children(element, "rollupRule"):
        conditions = child(rule, "rollupConditions")
        action = child(rule, "rollupAction")
        if action is None or conditions is None:
            reader.refuse("rollupRule", "rollupRules")
        found = {
            "action": reader.word(action, "action", ROLLUP_ACTIONS) or reader.refuse("", "action"),
            "consideration": reader.word(rule, "childActivitySet", CHILD_SETS, "all"),
            "conditionCombination": reader.word(
                conditions, "conditionCombination", COMBINATIONS, "any"
            ),
            "conditions": [
                _condition(reader, condition, ROLLUP_CONDITIONS)
                for condition in children(conditions, "rollupCondition")
            ],
        }
        count = reader.number(attribute(rule, "minimumCount"), "minimumCount", low=0, high=1e6)
        if count is not None:
            found["minimumCount"] = int(count)
        percent = reader.number(attribute(rule, "minimumPercent"), "minimumPercent", low=0, high=1)
        if percent is not None:
            found["minimumPercent"] = percent
        rules.append(found)
    return {"rules": rules}


def _objective(reader: _Reader, element, adl_maps: dict) -> dict:
    identifier = attribute(element, "objectiveID")
    found: dict = {"objectiveID": identifier}
    by_measure = reader.flag(element, "satisfiedByMeasure")
    if by_measure is not None:
        found["satisfiedByMeasure"] = by_measure
    measure = reader.number(
        text(child(element, "minNormalizedMeasure")), "minNormalizedMeasure", low=-1, high=1
    )
    if measure is not None:
        found["minNormalizedMeasure"] = measure
    maps = []
    for info in children(element, "mapInfo"):
        target = attribute(info, "targetObjectiveID") or reader.refuse("", "targetObjectiveID")
        maps.append({"targetObjectiveID": target, **reader.flags(info, MAP_INFO)})
    maps.extend(adl_maps.get(identifier, []))
    if maps:
        found["mapInfo"] = maps
    return found


def _objectives(reader: _Reader, sequencing) -> dict:
    element = next(
        (
            node
            for node in sequencing
            if local(node.tag) == "objectives" and "adlseq" not in node.tag
        ),
        None,
    )
    if element is None:
        return {}
    adl = next(
        (node for node in sequencing if local(node.tag) == "objectives" and "adlseq" in node.tag),
        None,
    )
    adl_maps: dict[str, list[dict]] = {}
    if adl is not None:
        for objective in children(adl, "objective"):
            for info in children(objective, "mapInfo"):
                target = attribute(info, "targetObjectiveID") or reader.refuse(
                    "", "targetObjectiveID"
                )
                adl_maps.setdefault(attribute(objective, "objectiveID"), []).append(
                    {"targetObjectiveID": target, **reader.flags(info, ADL_MAP_INFO)}
                )
    found: dict = {}
    primary = child(element, "primaryObjective")
    if primary is not None:
        found["primaryObjective"] = _objective(reader, primary, adl_maps)
    others = [_objective(reader, other, adl_maps) for other in children(element, "objective")]
    if others:
        found["objectives"] = others
    return found


def _controls(reader: _Reader, sequencing) -> dict:
    controls: dict = {}
    mode = child(sequencing, "controlMode")
    if mode is not None:
        controls.update(reader.flags(mode, CONTROL_MODE))
    constrained = child(sequencing, "constrainedChoiceConsiderations")
    if constrained is not None:
        controls.update(reader.flags(constrained, CONSTRAINED_CHOICE))
    rollup = child(sequencing, "rollupRules")
    if rollup is not None:
        controls.update(reader.flags(rollup, ROLLUP_FLAGS))
        weight = reader.number(
            attribute(rollup, "objectiveMeasureWeight"), "objectiveMeasureWeight", low=0, high=1
        )
        if weight is not None:
            controls["objectiveMeasureWeight"] = weight
    randomization = child(sequencing, "randomizationControls")
    if randomization is not None:
        for name in ("selectionTiming", "randomizationTiming"):
            value = reader.word(randomization, name, TIMINGS)
            if value:
                controls[name] = value
        count = reader.number(
            attribute(randomization, "selectCount"), "selectCount", low=0, high=1e6
        )
        if count is not None:
            controls["selectCount"] = int(count)
        reorder = reader.flag(randomization, "reorderChildren")
        if reorder is not None:
            controls["randomizeChildren"] = reorder
    return controls


def _present(**values) -> dict:
    """The settings that are set (the runtime's defaults apply to the rest)."""
    return {name: value for name, value in values.items() if value not in (None, "", [], {})}


def _considerations(reader: _Reader, sequencing) -> dict | None:
    element = child(sequencing, "rollupConsiderations")
    if element is None:
        return None
    return _present(
        **{name: reader.word(element, name, CONSIDERATIONS) for name in CONSIDERED},
        measureSatisfactionIfActive=reader.flag(element, "measureSatisfactionIfActive"),
    )


def sequencing_settings(sequencing, item: str) -> dict:
    """The settings of one `<imsss:sequencing>` element (an item's, or one
    of the collection's)."""
    reader = _Reader(item)
    limits = child(sequencing, "limitConditions")
    limit = reader.number(
        attribute(limits, "attemptLimit") if limits is not None else "",
        "attemptLimit",
        low=0,
        high=1e6,
    )
    rollup = child(sequencing, "rollupRules")
    delivery = child(sequencing, "deliveryControls")
    delivered = reader.flags(delivery, DELIVERY_CONTROLS) if delivery is not None else None
    return _present(
        sequencingControls=_controls(reader, sequencing),
        sequencingRules=_rules(reader, sequencing),
        attemptLimit=int(limit) if limit else None,
        attemptAbsoluteDurationLimit=(
            attribute(limits, "attemptAbsoluteDurationLimit") if limits is not None else None
        ),
        rollupRules=(
            _rollup(reader, rollup)
            if rollup is not None and children(rollup, "rollupRule")
            else None
        ),
        rollupConsiderations=_considerations(reader, sequencing),
        **_objectives(reader, sequencing),
        deliveryControls=delivered,
    )


def _completion_threshold(reader: _Reader, item) -> dict | None:
    """adlcp:completionThreshold: 4th edition's attributes (2nd and 3rd
    edition's text value is the minimum progress measure)."""
    element = child(item, "completionThreshold")
    if element is None:
        return None
    found: dict = {}
    by_measure = reader.flag(element, "completedByMeasure")
    if by_measure is not None:
        found["completedByMeasure"] = by_measure
    minimum = reader.number(
        attribute(element, "minProgressMeasure") or text(element),
        "minProgressMeasure",
        low=0,
        high=1,
    )
    if minimum is not None:
        found["minProgressMeasure"] = minimum
    weight = reader.number(attribute(element, "progressWeight"), "progressWeight", low=0, high=1)
    if weight is not None:
        found["progressWeight"] = weight
    return found


def _hidden_lms_ui(reader: _Reader, item) -> list[str]:
    presentation = child(item, "presentation")
    interface = child(presentation, "navigationInterface") if presentation is not None else None
    if interface is None:
        return []
    hidden = [text(element) for element in children(interface, "hideLMSUI")]
    for value in hidden:
        if value not in HIDE_LMS_UI:
            reader.refuse(value, "hideLMSUI")
    return hidden


def activity_tree(element) -> dict:
    """The settings of an organization or item, with its items'."""
    identifier = attribute(element, "identifier")
    reader = _Reader(identifier)
    sequencing = child(element, "sequencing")
    hidden = local(element.tag) == "item" and reader.flag(element, "isvisible") is False
    return {
        "id": identifier,
        "title": title_of(element),
        **_present(
            isVisible=False if hidden else None,
            **(sequencing_settings(sequencing, identifier) if sequencing is not None else {}),
            sequencingCollectionRefs=(
                attribute(sequencing, "IDRef") if sequencing is not None else None
            ),
            completionThreshold=_completion_threshold(reader, element),
            hideLmsUi=_hidden_lms_ui(reader, element),
            children=[activity_tree(item) for item in children(element, "item")],
        ),
    }


def collections(root) -> dict[str, dict]:
    """The manifest's shared sequencing definitions, by their ID."""
    collection = child(root, "sequencingCollection")
    if collection is None:
        return {}
    return {
        attribute(element, "ID"): sequencing_settings(element, attribute(element, "ID"))
        for element in children(collection, "sequencing")
        if attribute(element, "ID")
    }
