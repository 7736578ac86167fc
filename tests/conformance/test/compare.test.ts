import { describe, expect, it } from 'vitest';
import { compareWithExpected, formatResults, type ScenarioResult } from '../src/suite';

function scenario(name: string, result: ScenarioResult['result'], warning = 0): ScenarioResult {
  return {
    name,
    result,
    success: result === 'PASS' ? 3 : 1,
    failure: result === 'PASS' ? 0 : 2,
    warning,
    problems:
      result === 'PASS' && warning === 0
        ? []
        : [{ id: `${name}-check`, status: warning ? 'WARNING' : 'FAILURE', message: 'why' }],
  };
}

describe('compareWithExpected, the verdict that gates CI', () => {
  it('accepts passes and listed failures', () => {
    const results = [scenario('ping', 'PASS'), scenario('tasks-lifecycle', 'FAIL')];
    expect(compareWithExpected(results, { 'tasks-lifecycle': { reason: 'issue 7' } })).toEqual([]);
  });

  it('reports an unlisted failure or error with its failing checks', () => {
    const problems = compareWithExpected(
      [scenario('ping', 'FAIL'), scenario('tools-call', 'ERROR')],
      {},
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('ping FAIL (1/3)');
    expect(problems[0]).toContain('FAILURE ping-check: why');
    expect(problems[1]).toContain('tools-call ERROR');
  });

  it('reports a listed failure that passes now as a stale entry', () => {
    const problems = compareWithExpected([scenario('tasks-lifecycle', 'PASS')], {
      'tasks-lifecycle': { reason: 'issue 7' },
    });
    expect(problems).toEqual([expect.stringContaining('stale entry')]);
  });

  it('reports a listed failure that did not run', () => {
    expect(compareWithExpected([], { gone: { reason: 'renamed' } })).toEqual([
      expect.stringContaining('gone is listed as an expected failure but did not run'),
    ]);
  });

  it('reports warnings on a pass and any skipped scenario', () => {
    const problems = compareWithExpected(
      [scenario('logging', 'PASS', 1), scenario('auth/basic', 'SKIP')],
      {},
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('logging passes with 1 warning(s)');
    expect(problems[1]).toContain('auth/basic was skipped');
  });
});

describe('formatResults', () => {
  it('ends with the pass count, skips not counted', () => {
    const text = formatResults('server', [
      scenario('a', 'PASS'),
      scenario('b', 'FAIL'),
      scenario('c', 'SKIP'),
    ]);
    expect(text.split('\n')).toEqual([
      'PASS a (3/3 checks)',
      'FAIL b (1/3 checks)',
      'SKIP c',
      'server: 1/2 scenarios passed',
    ]);
  });
});
