/**
 * Images (the Python SDK README's "Images"): `create_thumbnail` reads an image file and returns
 * a PNG thumbnail of at most 100×100 pixels as an `Image`, which FastMCP sends as an `image`
 * content block. jimp does the image work in pure JavaScript (no native build). Served over stdio.
 *
 *   pnpm --filter @mcpkit-examples/images server
 */
import { FastMCP, Image, ToolError } from '@mcpkit/fastmcp';
import { Jimp } from 'jimp';
import { z } from 'zod';

const mcp = new FastMCP('My App');

mcp.tool(
  'create_thumbnail',
  { description: 'Create a thumbnail from an image', input: { image_path: z.string() } },
  async ({ image_path }) => {
    const img = await Jimp.read(image_path).catch((error: unknown) => {
      // a ToolError's message reaches the model as is, so it can fix the path and try again
      throw new ToolError(`Cannot read an image at ${image_path}: ${(error as Error).message}`);
    });
    // like PIL's thumbnail(): shrink to fit 100×100 keeping the aspect ratio, never enlarge
    if (img.width > 100 || img.height > 100) img.scaleToFit({ w: 100, h: 100 });
    return new Image({ data: await img.getBuffer('image/png'), format: 'png' });
  },
);

await mcp.run();
