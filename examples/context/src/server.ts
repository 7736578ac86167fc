/**
 * The Context server: `long_task` processes files one by one, telling the client what it does
 * through the Context (a log message and a progress notification per file) and reading each
 * file through this server's own `file://{name}` resource template, as the Python SDK README's
 * Context example does. Served over stdio.
 *
 *   pnpm --filter @mcpkit-examples/context server
 */
import { FastMCP } from '@mcpkit/fastmcp';
import { z } from 'zod';

const mcp = new FastMCP('My App');

// A tiny in-memory "file system" behind the file:// resources.
const files: Record<string, string> = {
  'notes.txt': 'Buy milk\nCall Ada\n',
  'todo.md': '# Todo\n- write the example\n- test it\n',
  'data.csv': 'id,name\n1,Ada\n2,Alan\n',
};

mcp.resource(
  'file://{name}',
  { description: 'A file of the demo file system', mimeType: 'text/plain' },
  ({ name }) => {
    const text = files[name];
    if (text === undefined) throw new Error(`No such file: ${name}`);
    return text;
  },
);

mcp.tool(
  'long_task',
  {
    description: 'Process multiple files with progress tracking',
    input: { files: z.array(z.string()) },
  },
  async ({ files }, ctx) => {
    for (const [i, file] of files.entries()) {
      await ctx.info(`Processing ${file}`);
      await ctx.reportProgress(i, files.length);
      const [contents] = await ctx.readResource(`file://${file}`);
      const size = contents && 'text' in contents ? contents.text.length : 0;
      await ctx.debug(`Read ${file}: ${size} characters (${contents?.mimeType})`);
    }
    await ctx.reportProgress(files.length, files.length);
    return 'Processing complete';
  },
);

await mcp.run();
