/**
 * The tools the stateful, stateless and JSON-response servers share: `echo`, and `count_to`,
 * which reports progress at every step. Progress travels on an SSE stream, so a client sees it
 * from the stateful and stateless servers but not from the JSON-response one, which answers
 * with a single JSON body (the notifications have nowhere to go and are dropped).
 */
import type { FastMCP } from '@mcpkit/fastmcp';
import { z } from 'zod';

export function addTools(mcp: FastMCP): void {
  mcp.tool(
    'echo',
    { description: 'A simple echo tool', input: { message: z.string() } },
    ({ message }) => `Echo: ${message}`,
  );

  mcp.tool(
    'count_to',
    {
      description: 'Count from 1 to n, reporting progress at each step',
      input: { n: z.number().int().min(1).max(100) },
    },
    async ({ n }, ctx) => {
      for (let i = 1; i <= n; i++) await ctx.reportProgress(i, n, `counted ${i}`);
      return `Counted to ${n}`;
    },
  );
}
