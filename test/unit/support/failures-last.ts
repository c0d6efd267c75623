import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/** How many lines of each error are repeated: the message and where it was thrown, not a whole stack. */
const ERROR_LINES = 8;

/**
 * Vitest writes its failure details to stderr. Under `npm test`, run-p's --aggregate-output holds back each task's
 * stdout until the task ends but lets stderr through at once, so the details landed minutes above the summary, and a
 * CI log that keeps only its tail said "1 failed" without saying which (stop 35's CI run). This reporter, listed
 * after the default one, says it again on stdout, after the summary: each failed test's file and full name, then the
 * first lines of its error. It prints nothing when everything passed.
 */
export default class FailuresLast implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const lines = failureLines(modules, unhandledErrors);
    if (lines.length === 0) return;
    process.stdout.write(['', '── what failed, again (its details are on stderr, above) ──', ...lines, ''].join('\n'));
  }
}

export function failureLines(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): string[] {
  const lines: string[] = [];
  for (const module of modules) {
    // A file that failed to load or whose hooks threw has errors of its own, and perhaps no failed test.
    for (const error of module.errors()) lines.push(`✗ ${module.relativeModuleId}`, ...excerpt(error));
    for (const test of module.children.allTests('failed')) {
      lines.push(`✗ ${module.relativeModuleId} > ${test.fullName}`);
      for (const error of test.result().errors ?? []) lines.push(...excerpt(error));
    }
  }
  for (const error of unhandledErrors) lines.push('✗ an unhandled error', ...excerpt(error));
  return lines;
}

function excerpt(error: SerializedError): string[] {
  const text = error.stack && error.stack.includes(error.message ?? '') ? error.stack : `${error.message ?? ''}\n${error.stack ?? ''}`;
  return (
    text
      .split('\n')
      // The test's own frames say where; the runner's (node_modules, node:internal) do not.
      .filter((line) => line.trim() !== '' && !/node_modules|node:internal|new Promise/.test(line))
      .slice(0, ERROR_LINES)
      .map((line) => `    ${line}`)
  );
}
