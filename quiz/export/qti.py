"""IMS QTI 2.1: a content package (a .zip with imsmanifest.xml), one item per question and
an assessment test that keeps each scenario's two items together, topic by topic.

Each item scores with mapResponse, QTI's own way of adding up choices: keyed options map
to 1, others to 0 (the move, at most 1 in all) or -1 (the signs), and the sum never goes
below 0 (the mapping's lowerBound): the engine's points, exactly. Each choice has its
explanation as modal feedback. QTI 2.1 has no stimulus shared between items (2.2 does):
the story is in both of a scenario's items, and the test keeps them in one section.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from ..model import Bank, Question
from .common import (
    check_exportable,
    feedback_html,
    groups,
    identifier,
    mapped_value,
    max_points,
    question_html,
    question_name,
    source_note,
    version,
)

FORMAT = "qti"
DESCRIPTION = "IMS QTI 2.1 content package"
SUFFIX = "qti21.zip"
MEDIA_TYPE = "application/zip"

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # every entry's timestamp: the same bytes on every export


def item_path(bank: Bank, q: Question) -> str:
    return f"items/{identifier(bank, q)}.xml"


def item(bank: Bank, q: Question, site: str) -> str:
    single = q.kind == "single"
    correct = "".join(f"<value>{o.id}</value>" for o in q.options if o.correct)
    upper = ' upperBound="1"' if single else ""
    entries = "".join(f'<mapEntry mapKey="{o.id}" mappedValue="{mapped_value(q, o)}"/>'
                      for o in q.options)
    choices = "".join(f'<simpleChoice identifier="{o.id}" fixed="true">'
                      f"{escape(o.label)}</simpleChoice>" for o in q.options)
    feedback = "".join(
        f'<modalFeedback outcomeIdentifier="FEEDBACK" identifier="{o.id}" showHide="show" '
        f'title={quoteattr(o.label)}>{feedback_html(o, site)}</modalFeedback>'
        for o in q.options)
    cardinality = "single" if single else "multiple"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<assessmentItem xmlns="{QTI}" xmlns:xsi="{XSI}" '
        f'xsi:schemaLocation="{QTI} {QTI_XSD}" identifier="{identifier(bank, q)}" '
        f'title={quoteattr(question_name(q))} adaptive="false" timeDependent="false">'
        f'<responseDeclaration identifier="RESPONSE" cardinality="{cardinality}" '
        f'baseType="identifier"><correctResponse>{correct}</correctResponse>'
        f'<mapping lowerBound="0"{upper} defaultValue="0">{entries}</mapping>'
        "</responseDeclaration>"
        '<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">'
        "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>"
        '<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float">'
        f"<defaultValue><value>{max_points(q)}</value></defaultValue></outcomeDeclaration>"
        f'<outcomeDeclaration identifier="FEEDBACK" cardinality="{cardinality}" '
        'baseType="identifier"/>'
        f'<itemBody><div class="story">{question_html(q)}</div>'
        f'<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" '
        f'maxChoices="{1 if single else 0}">{choices}</choiceInteraction></itemBody>'
        "<responseProcessing><responseCondition><responseIf><isNull>"
        '<variable identifier="RESPONSE"/></isNull>'
        '<setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue>'
        "</setOutcomeValue></responseIf><responseElse>"
        '<setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"/>'
        "</setOutcomeValue></responseElse></responseCondition>"
        '<setOutcomeValue identifier="FEEDBACK"><variable identifier="RESPONSE"/>'
        "</setOutcomeValue></responseProcessing>"
        f"{feedback}</assessmentItem>\n")


def test(bank: Bank) -> str:
    sections = []
    for group in groups(bank):
        inner = "".join(
            f'<assessmentSection identifier="{bank.id}.{scenario.id}" '
            f'title={quoteattr(scenario.title)} visible="true" keepTogether="true">'
            + "".join(f'<assessmentItemRef identifier="{identifier(bank, q)}" '
                      f'href="../{item_path(bank, q)}"/>' for q in asked)
            + "</assessmentSection>"
            for scenario, asked in group.scenarios)
        sections.append(f'<assessmentSection identifier="{bank.id}.{group.topic}" '
                        f'title={quoteattr(group.label)} visible="true">{inner}'
                        "</assessmentSection>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<assessmentTest xmlns="{QTI}" xmlns:xsi="{XSI}" '
        f'xsi:schemaLocation="{QTI} {QTI_XSD}" identifier="{bank.id}" '
        f"title={quoteattr(bank.title)}>"
        '<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>'
        f'<testPart identifier="{bank.id}.part" navigationMode="nonlinear" '
        f'submissionMode="simultaneous">{"".join(sections)}</testPart>'
        "<outcomeProcessing><setOutcomeValue identifier=\"SCORE\"><sum>"
        '<testVariables variableIdentifier="SCORE"/></sum></setOutcomeValue>'
        "</outcomeProcessing></assessmentTest>\n")


def manifest(bank: Bank, site: str) -> str:
    questions = [q for g in groups(bank) for _, asked in g.scenarios for q in asked]
    items = "".join(
        f'<resource identifier="{identifier(bank, q)}" type="imsqti_item_xmlv2p1" '
        f'href="{item_path(bank, q)}"><file href="{item_path(bank, q)}"/></resource>'
        for q in questions)
    depends = "".join(f'<dependency identifierref="{identifier(bank, q)}"/>'
                      for q in questions)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest xmlns="{CP}" xmlns:xsi="{XSI}" '
        f'xsi:schemaLocation="{CP} {CP_XSD}" identifier="{bank.id}.manifest">'
        f"<metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion>"
        f"</metadata><!-- {escape(source_note(bank, site)).replace('--', '- -')} -->"
        "<organizations/><resources>"
        f'<resource identifier="{bank.id}.test" type="imsqti_test_xmlv2p1" '
        f'href="tests/{bank.id}.xml"><file href="tests/{bank.id}.xml"/>{depends}</resource>'
        f"{items}</resources></manifest>\n")


def files(bank: Bank, site: str) -> dict[str, str]:
    """The package's files by path."""
    questions = [q for g in groups(bank) for _, asked in g.scenarios for q in asked]
    return {"imsmanifest.xml": manifest(bank, site), f"tests/{bank.id}.xml": test(bank)} | {
        item_path(bank, q): item(bank, q, site) for q in questions}


def export(bank: Bank, site: str) -> bytes:
    check_exportable(bank)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, content in sorted(files(bank, site).items()):
            entry = zipfile.ZipInfo(path, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, content.encode("utf-8"), compresslevel=9)
    return buffer.getvalue()


def filename(bank: Bank) -> str:
    return f"{bank.id}-{version(bank)}-{SUFFIX}"
