import { mcpkitProject } from '../../vitest.shared.ts';

export default mcpkitProject('transport-streamable-http', { testTimeout: 30_000 });
