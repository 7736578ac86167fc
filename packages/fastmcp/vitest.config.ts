import { mcpkitProject } from '../../vitest.shared.ts';

export default mcpkitProject('fastmcp', { testTimeout: 30_000, typecheck: true });
