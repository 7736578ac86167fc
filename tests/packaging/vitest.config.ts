import { mcpkitProject } from '../../vitest.shared.ts';

export default mcpkitProject('packaging', { testTimeout: 300_000 });
