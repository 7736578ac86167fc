/**
 * A hand-written validator for `tools/call` params, the hottest request of every server: plain
 * property checks, no copy, and issues in zod's shape. It checks what the schema checks; the
 * tool's own arguments are validated by the tool.
 */
import type { ParamsValidator } from '@mcpkit/jsonrpc';

type Issue = { path: PropertyKey[]; message: string };

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expect(issues: Issue[], path: string, expected: string, value: unknown): void {
  issues.push({
    path: [path],
    message: `Invalid input: expected ${expected}, received ${kind(value)}`,
  });
}

export const callToolParams: ParamsValidator = {
  safeParse(input: unknown) {
    const params = input as Record<string, unknown>;
    if (isObject(params) && typeof params.name === 'string') {
      const args = params.arguments;
      const meta = params._meta;
      const responses = params.inputResponses;
      const state = params.requestState;
      if (
        (args === undefined || isObject(args)) &&
        (meta === undefined || isObject(meta)) &&
        (responses === undefined || isObject(responses)) &&
        (state === undefined || typeof state === 'string') &&
        (params.task === undefined || isObject(params.task))
      ) {
        return { success: true, data: params };
      }
    }
    const issues: Issue[] = [];
    if (!isObject(params)) {
      issues.push({
        path: [],
        message: `Invalid input: expected object, received ${kind(params)}`,
      });
    } else {
      if (typeof params.name !== 'string') expect(issues, 'name', 'string', params.name);
      for (const key of ['arguments', '_meta', 'inputResponses', 'task']) {
        if (params[key] !== undefined && !isObject(params[key]))
          expect(issues, key, 'object', params[key]);
      }
      if (params.requestState !== undefined && typeof params.requestState !== 'string') {
        expect(issues, 'requestState', 'string', params.requestState);
      }
    }
    return { success: false, error: { issues } };
  },
};
