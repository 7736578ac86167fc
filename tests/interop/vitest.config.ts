import { mcpkitProject } from '../../vitest.shared.ts';

export default mcpkitProject('interop', { testTimeout: 60_000 });
