#!/usr/bin/env python3
"""The closing line of Scripts/test.sh, from the runners' own machine-readable results.

    Scripts/test-summary.py 'RUNNER=STATUS=LABEL:FILE[,LABEL:FILE...]' ...

Each argument names a runner (swift test, pytest), the exit status it ended with, and the results it wrote, each
with a label: JUnit/xUnit XML files (Swift Testing's from swift test --xunit-output, pytest's from --junit-xml), or,
for XCTest, the output of swift test (see count_xctest_log). Counts tests, not assertions: a test case is
failed when it holds a <failure> or an <error> (a pytest fixture that fails is an error), skipped when it holds
<skipped>, passed otherwise. A runner that wrote no file, or wrote one that cannot be read (it crashed, or was
stopped), counts as one failed test; so does a runner that exited with an error while its file shows no failure
(a crash after the last test, a test process that died). Prints one line per runner, then the closing line
"N passed, N failed, N skipped", and exits 1 when anything failed.
"""
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

XCTEST_LINE = re.compile(r"^Test Case '([^']+)' (started|passed|failed|skipped)\b")
USAGE = "usage: test-summary.py 'RUNNER=STATUS=LABEL:FILE[,LABEL:FILE...]' ..."


def count_xctest_log(path):
    """(passed, failed, skipped) of XCTest's own result lines in the output of `swift test`.

    swift test writes an xUnit file for XCTest only with --parallel, which runs every test in a process of its own
    and reports a skipped test as passed; so XCTest's tests are counted from its line per test case,
    "Test Case 'Class.test' passed|failed|skipped (…)". A test case that started and has no such line was running
    when the test process crashed: it failed."""
    started, ended = [], {}
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = XCTEST_LINE.match(line)
            if not match:
                continue
            name, outcome = match.group(1), match.group(2)
            if outcome == "started":
                started.append(name)
            else:
                ended[name] = outcome
    outcomes = [ended.get(name, "failed") for name in started]
    return outcomes.count("passed"), outcomes.count("failed"), outcomes.count("skipped")


def count(path):
    """(passed, failed, skipped) of the test cases in a JUnit/xUnit XML file, or in XCTest's output."""
    if not path.endswith(".xml"):
        return count_xctest_log(path)
    root = ElementTree.parse(path).getroot()
    passed = failed = skipped = 0
    for case in root.iter("testcase"):
        children = {child.tag for child in case}
        if children & {"failure", "error"}:
            failed += 1
        elif "skipped" in children:
            skipped += 1
        else:
            passed += 1
    # An error outside any test case (a suite that could not be set up, a collection error) is a failure too.
    for suite in root.iter("testsuite"):
        failed += sum(1 for child in suite if child.tag in ("error", "failure"))
    return passed, failed, skipped


def summarize(results):
    """Lines for each runner's files and the closing line, and whether everything passed.

    `results` holds (runner, exit status, [(label, path)]): one runner (swift test) may write several files (XCTest's
    and Swift Testing's), and its exit status covers them all."""
    lines = []
    totals = [0, 0, 0]
    for runner, status, files in results:
        runner_failed = 0
        for label, path in files:
            note = ""
            if not os.path.isfile(path) or os.path.getsize(path) == 0:
                passed, failed, skipped = 0, 1, 0
                note = " (it wrote no results: it crashed or was stopped)"
            else:
                try:
                    passed, failed, skipped = count(path)
                except ElementTree.ParseError as error:
                    passed, failed, skipped = 0, 1, 0
                    note = " (its results cannot be read: %s)" % error
            runner_failed += failed
            lines.append("%s: %d passed, %d failed, %d skipped%s" % (label, passed, failed, skipped, note))
            for index, value in enumerate((passed, failed, skipped)):
                totals[index] += value
        if status != 0 and runner_failed == 0:
            totals[1] += 1
            lines.append("%s: exited with status %d though no test failed (a crash after the tests?): counted as 1 failed" % (runner, status))
    lines.append("%d passed, %d failed, %d skipped" % tuple(totals))
    return lines, totals[1] == 0


def main(arguments):
    results = []
    for argument in arguments:
        runner, status, files = argument.split("=", 2)
        results.append((runner, int(status), [tuple(entry.split(":", 1)) for entry in files.split(",")]))
    if not results:
        print(USAGE, file=sys.stderr)
        return 2
    lines, ok = summarize(results)
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
