import { mcpkitProject } from '../../vitest.shared.ts';

export default mcpkitProject('readmes', { testTimeout: 60_000 });
