import { defineProject } from 'vitest/config';

/**
 * The one vitest preset every workspace project uses: resolves sibling packages to their
 * TypeScript source, and fails any test that writes to the console unexpectedly.
 */
export function mcpkitProject(
  name: string,
  overrides: { testTimeout?: number; typecheck?: boolean } = {},
) {
  return defineProject({
    ssr: { resolve: { conditions: ['@mcpkit/source'] } },
    resolve: { conditions: ['@mcpkit/source'] },
    test: {
      name,
      include: ['test/**/*.test.ts'],
      // type tests compile with the package's test tsconfig (tsconfig.json covers src only)
      typecheck: {
        enabled: overrides.typecheck ?? false,
        include: ['test/**/*.test-d.ts'],
        tsconfig: 'tsconfig.test.json',
      },
      setupFiles: [new URL('./vitest.setup.ts', import.meta.url).pathname],
      testTimeout: overrides.testTimeout ?? 20_000,
    },
  });
}
