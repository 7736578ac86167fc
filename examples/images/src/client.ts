/**
 * The Images client: draws a 400×300 sample PNG in a temporary folder, starts the Images server
 * over stdio, asks it for a thumbnail, and checks that the answer is an `image` block holding a
 * PNG of at most 100×100 pixels (100×75 here). Exits non-zero otherwise.
 *
 *   pnpm --filter @mcpkit-examples/images client
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transport-stdio';
import { Jimp } from 'jimp';

const serverFile = fileURLToPath(new URL('./server.ts', import.meta.url));

let failures = 0;
function check(ok: boolean, what: string): void {
  if (!ok) {
    failures++;
    console.error(`✗ expected ${what}`);
  }
}

/** Width and height from a PNG's IHDR chunk, or undefined if `bytes` is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return undefined;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const folder = await mkdtemp(join(tmpdir(), 'mcpkit-images-'));
const client = new Client({ name: 'images-client', version: '1.0.0' });
try {
  const sample = join(folder, 'sample.png') as `${string}.png`;
  const drawing = new Jimp({ width: 400, height: 300, color: 0xffffffff });
  drawing.scan((x, y, idx) => {
    drawing.bitmap.data[idx] = Math.round((x / 400) * 255); // red grows to the right
    drawing.bitmap.data[idx + 2] = Math.round((y / 300) * 255); // blue grows downwards
  });
  await drawing.write(sample);
  console.log(`Drew a 400×300 sample image at ${sample}`);

  console.log('Starting the Images server over stdio…');
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: ['--conditions=@mcpkit/source', '--import', 'tsx', serverFile],
      cwd: dirname(serverFile),
    }),
  );

  const result = await client.callTool({
    name: 'create_thumbnail',
    arguments: { image_path: sample },
  });
  const block = result.content[0];
  if (block?.type !== 'image') {
    check(false, `an image content block, got ${JSON.stringify(result.content).slice(0, 200)}`);
  } else {
    const bytes = Buffer.from(block.data, 'base64');
    const size = pngSize(bytes);
    console.log(
      `create_thumbnail → ${block.mimeType}, ${bytes.length} bytes, ${size?.width}×${size?.height}`,
    );
    check(block.mimeType === 'image/png' && size !== undefined, 'a PNG image');
    check(
      size !== undefined && size.width <= 100 && size.height <= 100,
      'the thumbnail to fit in 100×100',
    );
    check(size?.width === 100 && size.height === 75, 'the 4:3 aspect ratio to be kept (100×75)');
  }

  const missing = await client.callTool({
    name: 'create_thumbnail',
    arguments: { image_path: join(folder, 'missing.png') },
  });
  const error = missing.content[0]?.type === 'text' ? missing.content[0].text : '';
  console.log(`create_thumbnail(a missing file) → isError: ${missing.isError}, "${error}"`);
  check(missing.isError === true && error.startsWith('Cannot read an image at'), 'a tool error');
} finally {
  await client.close();
  await rm(folder, { recursive: true, force: true });
}
console.log(
  failures === 0 ? 'The thumbnail is as expected.' : `${failures} expectation(s) failed.`,
);
process.exitCode = failures === 0 ? 0 : 1;
