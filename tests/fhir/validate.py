#!/usr/bin/env python3
"""Validate the widget's FHIR R4 output with the fhir.resources R4 (4.0.1) models.

usage: validate.py <questionnaire-dir> [bundle.json ...]

* Every *.json in <questionnaire-dir> must be a Questionnaire that the R4 model accepts, and
  pass the checks below (status code, unique linkIds, every choice item's answerOptions are
  codings with system and code and carry the ordinalValue extension, readOnly score items).
* Every bundle file must be a Bundle that the R4 model accepts, as must each resource in it on
  its own. Its fullUrls are distinct; its references (subject, requester, basedOn) point at
  entries of the Bundle of the right type.
* Every QuestionnaireResponse is checked against its Questionnaire, found by its canonical
  `url|version` among the Questionnaires given: status code, every linkId exists, items in
  Questionnaire order and at most once, display items unanswered, the answer's value[x] matches
  the item type, a coding is one of the item's answerOptions (system, code and display), and the
  `<questionnaire-id>-total` item, when present, is the sum of the answers' ordinalValues.

fhir.resources checks datatypes, cardinality and unknown elements, but not code values of
required bindings nor conformance to a Questionnaire (reference 4.2): those are checked here.
Exit status 0 when every file passes, 1 otherwise (with a report of every problem), 2 for a bad
command line.
"""

import decimal
import json
import pathlib
import sys

try:
    import fhir.resources
    from fhir.resources import construct_fhir_element
    from fhir.resources.bundle import Bundle
    from fhir.resources.questionnaire import Questionnaire
except ImportError as e:  # pragma: no cover - environment problem
    sys.exit(f"validate.py: cannot import fhir.resources ({e}); run tests/fhir/setup.sh")

ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
QUESTIONNAIRE_STATUS = {"draft", "active", "retired", "unknown"}
RESPONSE_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
BUNDLE_TYPES = {"document", "message", "transaction", "transaction-response", "batch",
                "batch-response", "history", "searchset", "collection"}
REQUEST_STATUS = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error",
                  "unknown"}
REQUEST_INTENT = {"proposal", "plan", "directive", "order", "original-order", "reflex-order",
                  "filler-order", "instance-order", "option"}
REQUEST_PRIORITY = {"routine", "urgent", "asap", "stat"}
# Questionnaire item type -> the one answer value[x] it takes.
VALUE_OF_TYPE = {
    "boolean": "valueBoolean", "decimal": "valueDecimal", "integer": "valueInteger",
    "date": "valueDate", "dateTime": "valueDateTime", "time": "valueTime",
    "string": "valueString", "text": "valueString", "url": "valueUri",
    "choice": "valueCoding", "open-choice": None, "attachment": "valueAttachment",
    "reference": "valueReference", "quantity": "valueQuantity",
}
NO_ANSWER_TYPES = {"group", "display"}


class Report:
    def __init__(self):
        self.failed_files = 0
        self.passed_files = 0

    def file(self, path, problems, summary):
        if problems:
            self.failed_files += 1
            print(f"FAIL {path}")
            for p in problems:
                print(f"  - {p}")
        else:
            self.passed_files += 1
            print(f"ok   {path}: {summary}")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_float=decimal.Decimal)


def model_errors(model, data, where):
    """Validation errors of the fhir.resources R4 model, one line each."""
    try:
        if model is None:
            construct_fhir_element(data.get("resourceType"), data)
        else:
            model.parse_obj(data)
    except Exception as e:  # pydantic.ValidationError, or a bad resourceType
        lines = [ln.strip() for ln in str(e).splitlines() if ln.strip()]
        return [f"{where}: R4 model: " + " | ".join(lines[:12])]
    return []


def walk_items(items, out, parent=""):
    for item in items or []:
        out.append((item, parent))
        walk_items(item.get("item"), out, item.get("linkId", ""))
    return out


def check_questionnaire(path, q):
    problems = model_errors(Questionnaire, q, "Questionnaire")
    if q.get("resourceType") != "Questionnaire":
        return problems + ["resourceType is not Questionnaire"]
    if q.get("status") not in QUESTIONNAIRE_STATUS:
        problems.append(f"status {q.get('status')!r} is not a Questionnaire status code")
    for field in ("url", "version", "name", "title"):
        if not q.get(field):
            problems.append(f"{field} is missing")
    if q.get("id") and path.name != f"Questionnaire-{q['id']}.json":
        problems.append(f"file name should be Questionnaire-{q['id']}.json")
    if q.get("url") and q.get("id") and not q["url"].endswith(f"/Questionnaire/{q['id']}"):
        problems.append("url does not end with /Questionnaire/<id>")
    seen = set()
    for item, _ in walk_items(q.get("item"), []):
        link = item.get("linkId")
        if link in seen:
            problems.append(f"linkId {link!r} is used more than once")
        seen.add(link)
        kind = item.get("type")
        if kind == "choice":
            options = item.get("answerOption") or []
            if not options:
                problems.append(f"item {link!r}: a choice item without answerOption")
            codes = set()
            for n, opt in enumerate(options):
                coding = opt.get("valueCoding")
                if not coding or not coding.get("system") or not coding.get("code"):
                    problems.append(f"item {link!r}: answerOption {n} is not a coding with "
                                    "system and code")
                    continue
                key = (coding["system"], coding["code"])
                if key in codes:
                    problems.append(f"item {link!r}: answerOption {n} repeats a code")
                codes.add(key)
                if ordinal(opt) is None:
                    problems.append(f"item {link!r}: answerOption {n} has no ordinalValue "
                                    "(valueDecimal)")
        elif item.get("readOnly") and kind not in ("integer", "decimal", "string", "boolean"):
            problems.append(f"item {link!r}: a readOnly score item of type {kind!r}")
    return problems


def ordinal(option):
    for ext in option.get("extension") or []:
        if ext.get("url") == ORDINAL_VALUE and "valueDecimal" in ext:
            return decimal.Decimal(ext["valueDecimal"])
    return None


def chosen_ordinal(item, answers):
    """The ordinalValue of the answerOption chosen in `answers`, or None."""
    if not answers or "valueCoding" not in answers[0]:
        return None
    c = answers[0]["valueCoding"]
    for o in item.get("answerOption") or []:
        oc = o.get("valueCoding") or {}
        if (oc.get("system"), oc.get("code")) == (c.get("system"), c.get("code")):
            return ordinal(o)
    return None


def check_bundle(b, questionnaires):
    problems = model_errors(Bundle, b, "Bundle")
    if b.get("resourceType") != "Bundle":
        return problems + ["resourceType is not Bundle"]
    if b.get("type") not in BUNDLE_TYPES:
        problems.append(f"type {b.get('type')!r} is not a Bundle type code")
    ident = b.get("identifier") or {}
    if not ident.get("system") or not ident.get("value"):
        problems.append("identifier (system and value) is missing")
    if not b.get("timestamp"):
        problems.append("timestamp is missing")
    by_url = {}
    for n, entry in enumerate(b.get("entry") or []):
        url = entry.get("fullUrl")
        res = entry.get("resource") or {}
        if not url:
            problems.append(f"entry {n}: fullUrl is missing")
        elif url in by_url:
            problems.append(f"entry {n}: fullUrl repeats entry {by_url[url][0]}'s")
        else:
            by_url[url] = (n, res.get("resourceType"))
        problems += model_errors(None, res, f"entry {n} ({res.get('resourceType')})")

    def ref(n, field, value, wanted):
        target = (value or {}).get("reference")
        if target not in by_url:
            problems.append(f"entry {n}: {field} does not refer to an entry of the Bundle")
        elif by_url[target][1] != wanted:
            problems.append(f"entry {n}: {field} refers to a {by_url[target][1]}, "
                            f"not a {wanted}")

    summary = {}
    for n, entry in enumerate(b.get("entry") or []):
        res = entry.get("resource") or {}
        kind = res.get("resourceType")
        summary[kind] = summary.get(kind, 0) + 1
        if kind == "ServiceRequest":
            if res.get("status") not in REQUEST_STATUS:
                problems.append(f"entry {n}: status is not a ServiceRequest status code")
            if res.get("intent") not in REQUEST_INTENT:
                problems.append(f"entry {n}: intent is not a ServiceRequest intent code")
            if "priority" in res and res["priority"] not in REQUEST_PRIORITY:
                problems.append(f"entry {n}: priority is not a request priority code")
            ref(n, "subject", res.get("subject"), "Patient")
            if "requester" in res:
                ref(n, "requester", res.get("requester"), "Patient")
        elif kind == "QuestionnaireResponse":
            if "subject" in res:
                ref(n, "subject", res.get("subject"), "Patient")
            for k, based in enumerate(res.get("basedOn") or []):
                ref(n, f"basedOn[{k}]", based, "ServiceRequest")
            problems += [f"entry {n}: {p}" for p in check_response(res, questionnaires)]
    return problems, ", ".join(f"{v} {k}" for k, v in sorted(summary.items()))


def check_response(qr, questionnaires):
    problems = []
    if qr.get("status") not in RESPONSE_STATUS:
        problems.append(f"status {qr.get('status')!r} is not a QuestionnaireResponse status")
    canonical = qr.get("questionnaire")
    q = questionnaires.get(canonical)
    if q is None:
        return problems + [f"questionnaire {canonical!r} is none of the Questionnaires given"]
    defs = {item["linkId"]: (item, parent) for item, parent in walk_items(q.get("item"), [])}
    order = list(defs)
    last = -1
    answered = {}
    for item, parent in walk_items(qr.get("item"), []):
        link = item.get("linkId")
        if link not in defs:
            problems.append(f"item {link!r} is not in the Questionnaire")
            continue
        d, d_parent = defs[link]
        where = f"item {link!r}"
        if d_parent != parent:
            problems.append(f"{where} is nested differently from the Questionnaire")
        if link in answered:
            problems.append(f"{where} appears more than once")
        if order.index(link) < last:
            problems.append(f"{where} is out of the Questionnaire's order")
        last = max(last, order.index(link))
        answers = item.get("answer") or []
        answered[link] = answers
        kind = d.get("type")
        if kind in NO_ANSWER_TYPES:
            if answers:
                problems.append(f"{where} is a {kind} item and cannot have an answer")
            continue
        if len(answers) > 1 and not d.get("repeats"):
            problems.append(f"{where} has {len(answers)} answers but does not repeat")
        for a in answers:
            values = [k for k in a if k.startswith("value")]
            want = VALUE_OF_TYPE.get(kind)
            if want is None and kind == "open-choice":
                ok = values in (["valueCoding"], ["valueString"])
            else:
                ok = values == [want]
            if not ok:
                problems.append(f"{where} ({kind}) is answered with {values}, "
                                f"expected [{want!r}]")
                continue
            if kind in ("choice", "open-choice") and "valueCoding" in a:
                c = a["valueCoding"]
                match = [o for o in d.get("answerOption") or []
                         if (o.get("valueCoding") or {}).get("system") == c.get("system")
                         and o["valueCoding"].get("code") == c.get("code")]
                if not match:
                    problems.append(f"{where}: the coding is not one of its answerOptions")
                elif c.get("display") not in (None, match[0]["valueCoding"].get("display")):
                    problems.append(f"{where}: the coding's display differs from the "
                                    "answerOption's")
                elif ordinal(match[0]) is None:
                    problems.append(f"{where}: its answerOption has no ordinalValue")
    # The total, when reported, is the sum of the answers' ordinalValues (all items answered).
    total_id = f"{q.get('id')}-total"
    if total_id in answered and total_id in defs:
        choices = [link for link, (d, _) in defs.items() if d.get("type") == "choice"]
        ordinals = [chosen_ordinal(defs[link][0], answered.get(link)) for link in choices]
        given = (answered[total_id] or [{}])[0].get("valueInteger")
        if None in ordinals:
            problems.append(f"item {total_id!r} is reported although a question has no "
                            "valid answer")
        elif given != sum(ordinals):
            problems.append(f"item {total_id!r} is {given}, but the answers' "
                            f"ordinalValues add up to {sum(ordinals)}")
    return problems


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    qdir = pathlib.Path(argv[1])
    if not qdir.is_dir():
        print(f"validate.py: {qdir} is not a directory", file=sys.stderr)
        return 2
    print(f"fhir.resources {fhir.resources.__version__} (FHIR "
          f"{getattr(fhir.resources, '__fhir_version__', '?')})")
    report = Report()
    questionnaires = {}
    files = sorted(qdir.glob("*.json"))
    if not files:
        print(f"FAIL {qdir}: no Questionnaire (*.json) found")
        report.failed_files += 1
    for path in files:
        try:
            q = load(path)
        except (OSError, ValueError) as e:
            report.file(path, [f"not readable JSON: {e}"], "")
            continue
        problems = check_questionnaire(path, q)
        if q.get("url"):
            questionnaires[f"{q['url']}|{q.get('version')}"] = q
            questionnaires.setdefault(q["url"], q)
        n = len(walk_items(q.get("item"), []))
        report.file(path, problems, f"Questionnaire {q.get('id')} ({n} items)")
    for name in argv[2:]:
        path = pathlib.Path(name)
        try:
            b = load(path)
        except (OSError, ValueError) as e:
            report.file(path, [f"not readable JSON: {e}"], "")
            continue
        problems, summary = check_bundle(b, questionnaires)
        report.file(path, problems, f"Bundle {b.get('type')} with {summary}")
    print(f"fhir: {report.passed_files} passed, {report.failed_files} failed")
    return 1 if report.failed_files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
