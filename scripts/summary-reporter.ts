import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the plain closing line CI reads ("N passed, N failed, N skipped"); with CI=true a skipped test
 * fails the run, because in CI every suite must run (Chromium, ffmpeg, PostgreSQL are installed there).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    const skipped: string[] = [];
    for (const testModule of testModules) {
      if (testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0) failed += 1;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped.push(`${testModule.moduleId}: ${test.fullName}`);
      }
    }
    if (process.env.CI === 'true' && skipped.length > 0) {
      console.log(`\nCI=true and ${skipped.length} test(s) skipped — in CI nothing may skip:\n  ${skipped.join('\n  ')}`);
      process.exitCode = 1;
    }
    console.log(`\n${passed} passed, ${failed} failed, ${skipped.length} skipped`);
  }
}
