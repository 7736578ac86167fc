import { mcpkitProject } from '../../vitest.shared.ts';

export default mcpkitProject('transport-stdio');
