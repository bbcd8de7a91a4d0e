#!/usr/bin/env python3
"""Validates corpus/postings/*.yaml and prints its counts.

Usage: python3 corpus/check.py [--devset ../shared/devset]
With --devset (default: ../shared/devset when it exists) it also refuses any line that stands in
the measurement set. Exit 1 on any problem."""
import glob, os, re, sys, unicodedata
from collections import Counter

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SECTIONS = {"title", "heading", "duty", "requirement", "benefit", "pay", "facts", "blurb", "apply",
            "legal", "greeting", "other"}
LABELS = {"community", "social", "shared", "neither"}
KINDS = {"posting", "role-description", "template", "email", "volunteer-call"}
LANGS = {"en", "es", "fr", "pt"}
VERDICTS = {"fits-title", "mostly-social-media", "mostly-community", "hybrid"}
# Which role(s) the job title names or means for a practitioner (README, "Title role").
TITLE_ROLES = {"community", "social-media", "both", "none"}
# A verdict that says the work is mostly one role's cannot stand on a title naming that role,
# and a title naming both roles is judged hybrid.
NOT_WITH = {"mostly-social-media": {"social-media", "both"}, "mostly-community": {"community", "both"}}


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def excluded():
    sites, repos, employers = set(), set(), set()
    for line in open(os.path.join(HERE, "excluded-sources.txt"), encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, value = line.partition(" ")
        {"site": sites, "github": repos, "employer": employers}[kind].add(value.lower())
    return sites, repos, employers


def main():
    args = sys.argv[1:]
    devset = args[args.index("--devset") + 1] if "--devset" in args else os.path.join(HERE, "..", "..", "shared", "devset")
    sites, repos, employers = excluded()
    dev_lines = set()
    if os.path.isdir(devset):
        for f in glob.glob(os.path.join(devset, "**", "*.yaml"), recursive=True):
            doc = yaml.safe_load(open(f, encoding="utf-8"))
            for it in doc if isinstance(doc, list) else [doc]:
                if isinstance(it, dict):
                    for t in [it.get("text")] + list(it.get("duties") or []):
                        t = t.get("text") if isinstance(t, dict) else t
                        if isinstance(t, str) and len(norm(t)) >= 30:
                            dev_lines.add(norm(t))
    problems, seen = [], {}
    by_lang, sections, labels, verdicts, emps, kinds = Counter(), Counter(), Counter(), Counter(), set(), Counter()
    title_roles = Counter()
    duty_lang, whole_n = Counter(), 0
    files = sorted(glob.glob(os.path.join(HERE, "postings", "*.yaml")))
    for f in files:
        name = os.path.basename(f)
        try:
            doc = yaml.safe_load(open(f, encoding="utf-8"))
        except yaml.YAMLError as e:
            problems.append(f"{name}: not YAML: {e}")
            continue
        if not isinstance(doc, dict):
            problems.append(f"{name}: not a map")
            continue
        for key in ("source", "employer", "kind", "language", "title", "verdict", "title_role", "whole", "lines"):
            if key not in doc:
                problems.append(f"{name}: missing {key}")
        src = str(doc.get("source", ""))
        m = re.match(r"https?://(?:www\.)?([^/ ]+)", src)
        if m and m.group(1).lower() in sites:
            problems.append(f"{name}: source site {m.group(1)} is a measurement source")
        m = re.match(r"https?://github\.com/([^/]+/[^/]+)", src) or re.match(r"([\w.-]+/[\w.-]+):", src)
        if m and m.group(1).lower() in repos:
            problems.append(f"{name}: repository {m.group(1)} is a measurement source")
        emp = str(doc.get("employer", "")).lower()
        if any(e and (e == emp or emp.startswith(e + " ")) for e in employers):
            problems.append(f"{name}: employer {doc.get('employer')} is a measurement source's")
        if doc.get("kind") not in KINDS:
            problems.append(f"{name}: kind {doc.get('kind')!r} not one of {sorted(KINDS)}")
        if doc.get("language") not in LANGS:
            problems.append(f"{name}: language {doc.get('language')!r} not one of {sorted(LANGS)}")
        if doc.get("verdict") not in VERDICTS:
            problems.append(f"{name}: verdict {doc.get('verdict')!r} not one of {sorted(VERDICTS)}")
        role = doc.get("title_role")
        if role not in TITLE_ROLES:
            problems.append(f"{name}: title_role {role!r} not one of {sorted(TITLE_ROLES)}")
        elif role in NOT_WITH.get(doc.get("verdict"), ()):
            problems.append(f"{name}: verdict {doc.get('verdict')} with a title naming {role}")
        elif role == "both" and doc.get("verdict") != "hybrid":
            problems.append(f"{name}: a title naming both roles is judged hybrid, not {doc.get('verdict')}")
        title_roles[(lang := doc.get("language"), role)] += 1
        by_lang[lang] += 1
        kinds[doc.get("kind")] += 1
        verdicts[doc.get("verdict")] += 1
        emps.add(emp)
        whole_n += bool(doc.get("whole"))
        for i, line in enumerate(doc.get("lines") or []):
            where = f"{name}: line {i + 1}"
            if not isinstance(line, dict) or not isinstance(line.get("text"), str) or not line["text"].strip():
                problems.append(f"{where}: needs a non-empty text")
                continue
            sec = line.get("section")
            if sec not in SECTIONS:
                problems.append(f"{where}: section {sec!r} not one of {sorted(SECTIONS)}")
            lab = line.get("label")
            if sec == "duty" and lab not in LABELS:
                problems.append(f"{where}: a duty needs a label, one of {sorted(LABELS)}")
            if sec != "duty" and lab is not None:
                problems.append(f"{where}: only duty lines carry a label")
            if "\n" in line["text"]:
                problems.append(f"{where}: one line per entry (join hard wraps)")
            n = norm(line["text"])
            if n in dev_lines:
                problems.append(f"{where}: this line stands in the measurement set")
            if sec == "duty" and len(n) >= 30:
                if n in seen and seen[n] != name:
                    problems.append(f"{where}: same duty as {seen[n]}")
                seen.setdefault(n, name)
            sections[sec] += 1
            if sec == "duty":
                labels[lab] += 1
                duty_lang[lang] += 1
    for p in problems:
        print(p)
    print(f"{len(files)} postings ({whole_n} whole) of {len(emps)} employers; by language {dict(by_lang)}; kinds {dict(kinds)}")
    print(f"verdicts {dict(verdicts)}")
    print("title roles by language " + "; ".join(
        f"{l} " + ", ".join(f"{r} {title_roles[(l, r)]}" for r in sorted(TITLE_ROLES) if title_roles[(l, r)])
        for l in sorted(LANGS)))
    print(f"lines by section {dict(sections.most_common())}")
    print(f"duty lines {sum(labels.values())}: by label {dict(labels)}; by language {dict(duty_lang)}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
