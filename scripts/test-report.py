#!/usr/bin/env python3
"""Totals over Surefire's XML reports, and every skipped test by name with its reason (used by scripts/test.sh)."""
import glob
import sys
import xml.etree.ElementTree as ET

passed = failed = 0
skipped = []
for folder in sys.argv[1:]:
    for report in sorted(glob.glob(f"{folder}/TEST-*.xml")):
        for case in ET.parse(report).getroot().iter("testcase"):
            name = f"{case.get('classname')}#{case.get('name')}"
            if case.find("skipped") is not None:
                skipped.append(f"{name}: {case.find('skipped').get('message') or 'no reason given'}")
            elif case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            else:
                passed += 1
print()
print("Skipped tests:" if skipped else "Skipped tests: none")
for line in skipped:
    print(f"  {line}")
print(f"{passed} passed, {failed} failed, {len(skipped)} skipped")
