import { mcpkitProject } from '../../vitest.shared.ts';

export default mcpkitProject('conformance', { testTimeout: 600_000 });
