"""Scripts/test-summary.py: the closing line of Scripts/test.sh counts tests (not assertions) from the runners'
own results, with failures, errors, crashes and skips.

The pytest results are made here by running pytest on deliberately failing tests. The XCTest and Swift Testing
results are what `swift test --xunit-output` wrote for deliberately failing tests (see Fixtures/README.md).
"""
import os
import subprocess
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUMMARY = os.path.join(ROOT, "Scripts", "test-summary.py")
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Fixtures")


def summarize(*arguments):
    result = subprocess.run([sys.executable, SUMMARY, *arguments], capture_output=True, text=True)
    return result.returncode, result.stdout.strip().splitlines()


def test_pytest_failures_errors_and_skips_are_counted_by_test(tmp_path):
    (tmp_path / "test_deliberate.py").write_text(textwrap.dedent("""
        import pytest

        @pytest.fixture
        def broken():
            raise RuntimeError("a fixture that fails")

        def test_passes():
            assert True

        def test_fails_with_many_assertions():
            for number in range(100):
                assert number < 0

        def test_fixture_error(broken):
            pass

        @pytest.mark.skip(reason="deliberately")
        def test_skipped():
            pass
    """))
    results = tmp_path / "pytest.xml"
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--junit-xml", str(results), str(tmp_path)],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1, run.stdout
    status, lines = summarize("pytest=%d=pytest:%s" % (run.returncode, results))
    assert status == 1
    assert lines[-1] == "1 passed, 2 failed, 1 skipped"


def test_xctest_and_swift_testing_failures_are_counted_by_test():
    xctest = os.path.join(FIXTURES, "xctest.log")
    testing = os.path.join(FIXTURES, "xunit-swift-testing.xml")
    status, lines = summarize("swift test=1=XCTest:%s,Swift Testing:%s" % (xctest, testing))
    assert status == 1
    # XCTest: one test passes, one fails a hundred assertions, one is skipped; Swift Testing: one test passes,
    # one records two issues, one is disabled.
    assert lines[0] == "XCTest: 1 passed, 1 failed, 1 skipped"
    assert lines[1] == "Swift Testing: 1 passed, 1 failed, 1 skipped"
    assert lines[-1] == "2 passed, 2 failed, 2 skipped"


def test_an_xctest_crash_fails_the_test_that_was_running():
    status, lines = summarize("swift test=1=XCTest:%s" % os.path.join(FIXTURES, "xctest-crash.log"))
    assert status == 1
    assert lines[-1] == "2 passed, 1 failed, 0 skipped"


def test_a_runner_that_wrote_nothing_crashed_and_counts_as_failed(tmp_path):
    status, lines = summarize("swift test=139=XCTest:%s" % (tmp_path / "missing.xml"))
    assert status == 1
    assert "crashed" in lines[0]
    assert lines[-1] == "0 passed, 1 failed, 0 skipped"


def test_a_runner_that_exited_with_an_error_without_a_failed_test_counts_one_failure(tmp_path):
    results = tmp_path / "results.xml"
    results.write_text('<testsuites><testsuite name="s" tests="2"><testcase name="a"/><testcase name="b"/></testsuite></testsuites>')
    status, lines = summarize("pytest=2=pytest:%s" % results)
    assert status == 1
    assert lines[-1] == "2 passed, 1 failed, 0 skipped"
    status, lines = summarize("pytest=0=pytest:%s" % results)
    assert status == 0
    assert lines[-1] == "2 passed, 0 failed, 0 skipped"


def test_unreadable_results_count_as_failed(tmp_path):
    results = tmp_path / "results.xml"
    results.write_text("<testsuites><testsuite")
    status, lines = summarize("pytest=1=pytest:%s" % results)
    assert status == 1
    assert "cannot be read" in lines[0]
    assert lines[-1] == "0 passed, 1 failed, 0 skipped"
