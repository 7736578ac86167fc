/**
 * What handlers return and how it becomes MCP content: strings become text, `Image` and `Audio`
 * become their blocks, objects become JSON text, arrays become several blocks, and a full
 * `CallToolResult` passes through untouched.
 */
import type {
  AudioContent,
  CallToolResult,
  ContentBlock,
  EmbeddedResource,
  ImageContent,
  ResourceLink,
} from '@mcpkit/protocol';

const CONTENT_TYPES = new Set(['text', 'image', 'audio', 'resource_link', 'resource']);

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  avif: 'image/avif',
};

const AUDIO_TYPES: Readonly<Record<string, string>> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  mpeg: 'audio/mpeg',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  webm: 'audio/webm',
};

/** Binary data given as bytes or as base64 text. */
export type BinaryData = Uint8Array | ArrayBuffer | string;

interface MediaOptions {
  /** The bytes (or their base64). */
  data: BinaryData;
  /** The format (`png`, `mp3`, …) or a full MIME type. */
  format?: string;
}

abstract class Media {
  readonly mimeType: string;
  private readonly base64: string;

  protected constructor(
    options: MediaOptions,
    types: Readonly<Record<string, string>>,
    kind: string,
  ) {
    this.base64 = toBase64(options.data);
    const format = (options.format ?? '').toLowerCase();
    const mime = format.includes('/') ? format : types[format];
    if (!mime) {
      throw new TypeError(
        `Unknown ${kind} format "${options.format ?? ''}"; give one of ${Object.keys(types).join(', ')}, or a MIME type.`,
      );
    }
    this.mimeType = mime;
  }

  /** The data, base64-encoded. */
  get data(): string {
    return this.base64;
  }
}

/**
 * An image a tool returns (or a prompt puts in a message): becomes an `image` content block.
 * @example
 * mcp.tool('thumbnail', { input: { path: z.string() } }, async ({ path }) =>
 *   new Image({ data: await makeThumbnail(path), format: 'png' }));
 */
export class Image extends Media {
  constructor(options: MediaOptions) {
    super({ ...options, format: options.format ?? 'png' }, IMAGE_TYPES, 'image');
  }

  /** Reads an image file (Node); its format comes from the extension unless given. */
  static async fromFile(path: string, format?: string): Promise<Image> {
    const { readFile } = await import('node:fs/promises');
    return new Image({ data: await readFile(path), format: format ?? extensionOf(path) });
  }

  /** The content block. */
  toContent(): ImageContent {
    return { type: 'image', data: this.data, mimeType: this.mimeType };
  }
}

/** Audio a tool returns: becomes an `audio` content block. */
export class Audio extends Media {
  constructor(options: MediaOptions) {
    super({ ...options, format: options.format ?? 'wav' }, AUDIO_TYPES, 'audio');
  }

  /** Reads an audio file (Node); its format comes from the extension unless given. */
  static async fromFile(path: string, format?: string): Promise<Audio> {
    const { readFile } = await import('node:fs/promises');
    return new Audio({ data: await readFile(path), format: format ?? extensionOf(path) });
  }

  /** The content block. */
  toContent(): AudioContent {
    return { type: 'audio', data: this.data, mimeType: this.mimeType };
  }
}

/**
 * An error whose message the model should see as is. Any other error a tool throws is reported
 * without its details unless `maskErrorDetails` is turned off (its message may hold internals).
 */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}

/**
 * What a tool without an output schema may return: text, numbers, `Image` / `Audio`, content
 * blocks, a whole `CallToolResult`, objects (sent as JSON) or arrays of these. Typed as `object`
 * rather than a union of those shapes: relating a returned object to an index signature or to
 * the protocol's result types makes the compiler resolve all of them for every tool.
 */
export type ToolValue =
  | string
  | number
  | boolean
  | bigint
  | null
  | undefined
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing infers void
  | void
  | object;

/** Whether `value` is already a full `CallToolResult` (a `content` array of content blocks). */
export function isCallToolResult(value: unknown): value is CallToolResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const content = (value as { content?: unknown }).content;
  return Array.isArray(content) && content.every(isContentBlock);
}

/** Whether `value` is one MCP content block. */
export function isContentBlock(value: unknown): value is ContentBlock {
  return (
    typeof value === 'object' &&
    value !== null &&
    CONTENT_TYPES.has((value as { type?: unknown }).type as string)
  );
}

/** Turns anything a handler returned into content blocks. */
export function toContentBlocks(value: unknown): ContentBlock[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => toContentBlocks(item));
  return [toContentBlock(value)];
}

function toContentBlock(value: unknown): ContentBlock {
  if (typeof value === 'string') return { type: 'text', text: value };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return { type: 'text', text: String(value) };
  if (value instanceof Image || value instanceof Audio) return value.toContent();
  if (isContentBlock(value)) return value;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    return {
      type: 'resource',
      resource: {
        uri: 'data:application/octet-stream',
        blob: toBase64(value),
        mimeType: 'application/octet-stream',
      },
    } satisfies EmbeddedResource;
  }
  return { type: 'text', text: JSON.stringify(value, jsonReplacer, 2) ?? String(value) };
}

/** JSON that survives bigints and Maps/Sets instead of throwing or losing them. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}

/** A resource link block (`resource_link`) pointing at a resource a client may read later. */
export function resourceLink(link: Omit<ResourceLink, 'type'>): ResourceLink {
  return { type: 'resource_link', ...link };
}

/** Base64 of bytes (or of already-encoded text, passed through). */
export function toBase64(data: BinaryData): string {
  if (typeof data === 'string') return data;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const NodeBuffer = (
    globalThis as { Buffer?: { from(b: Uint8Array): { toString(e: string): string } } }
  ).Buffer;
  if (NodeBuffer) return NodeBuffer.from(bytes).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? '' : path.slice(dot + 1).toLowerCase();
}
