// @mcpkit/transport-streamable-http/express: the Express middleware. Mount it where MCP lives:
// app.all('/mcp', mcpExpress(handler)). Works with or without express.json() before it.
import type { NextFunction, Request, Response } from 'express';
import { toNodeListener } from './node';
import type { StreamableHTTPHandler } from './server-handler';

/**
 * An Express handler serving MCP through `handler`.
 * @example
 * const app = express();
 * app.all('/mcp', mcpExpress(createStreamableHTTPHandler(server)));
 */
export function mcpExpress(
  handler: StreamableHTTPHandler,
): (req: Request, res: Response, next: NextFunction) => void {
  const listener = toNodeListener(handler);
  return (req, res, next) => {
    listener(req, res).catch(next);
  };
}
