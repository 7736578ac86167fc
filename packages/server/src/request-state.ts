/**
 * Sealing of `requestState` (2026-07-28 multi round-trip requests). The client echoes the state
 * back, so it is attacker-controlled: it is encrypted and authenticated (AES-256-GCM), expires,
 * and is bound to the caller and to the exact request it was minted for. Runs on WebCrypto only,
 * so it works on Node, Bun, Deno and edge runtimes.
 */
import { SdkError } from '@mcpkit/protocol';

/** A secret: a string (hashed into a key) or 32 raw bytes. */
export type RequestStateSecret = string | Uint8Array;

/** Options for sealing request state. */
export interface RequestStateOptions {
  /**
   * Keys, newest first: the first seals, all of them open. Give several servers the same keys so
   * any of them can continue a round trip another began; keep an old key listed while rotating.
   * Default: one random key generated when the server starts (fine for a single process).
   */
  keys?: RequestStateSecret[];
  /** How long a sealed state stays valid. Default 10 minutes. */
  ttlMs?: number;
}

/** What the server seals into a request state. */
export interface RequestStatePayload {
  /** The caller it was issued to. */
  caller: string;
  /** The request it belongs to: method and a digest of its params. */
  method: string;
  digest: string;
  /** Anything else the round trip needs to carry. */
  data: unknown;
}

const VERSION = 1;
const DEFAULT_TTL_MS = 10 * 60_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface SealingKey {
  id: Uint8Array;
  key: CryptoKey;
}

/** Seals and opens request states with a set of keys. */
export class RequestStateCodec {
  private readonly ttlMs: number;
  private keysPromise: Promise<SealingKey[]> | undefined;
  private readonly secrets: RequestStateSecret[] | undefined;

  constructor(options: RequestStateOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    if (options.keys && options.keys.length === 0) {
      throw new SdkError(
        'INVALID_ARGUMENT',
        'requestState.keys is empty; give at least one key or leave it out for a random one.',
      );
    }
    this.secrets = options.keys;
  }

  /** Encrypts `payload` into an opaque string valid for the configured time. */
  async seal(payload: RequestStatePayload, now = Date.now()): Promise<string> {
    const [current] = await this.keys();
    const { id, key } = current as SealingKey;
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = encoder.encode(JSON.stringify({ ...payload, exp: now + this.ttlMs }));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
    const out = new Uint8Array(1 + id.length + iv.length + sealed.length);
    out[0] = VERSION;
    out.set(id, 1);
    out.set(iv, 1 + id.length);
    out.set(sealed, 1 + id.length + iv.length);
    return toBase64Url(out);
  }

  /**
   * Opens a state and checks it belongs to this caller and request. Returns the sealed data, or a
   * reason it was refused (tampered, expired, minted for another request or caller, unknown key).
   */
  async open(
    state: string,
    expected: { caller: string; method: string; digest: string },
    now = Date.now(),
  ): Promise<{ ok: true; data: unknown } | { ok: false; reason: string }> {
    const bytes = fromBase64Url(state);
    if (!bytes || bytes.length < 1 + 4 + 12 + 16 || bytes[0] !== VERSION) {
      return { ok: false, reason: 'it is not a request state this server issued' };
    }
    const id = bytes.subarray(1, 5);
    const iv = bytes.subarray(5, 17);
    const sealed = bytes.subarray(17);
    const key = (await this.keys()).find((k) => equalBytes(k.id, id));
    if (!key) return { ok: false, reason: 'it was sealed with a key this server does not have' };
    let payload: RequestStatePayload & { exp: number };
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key.key, sealed);
      payload = JSON.parse(decoder.decode(plain));
    } catch {
      // AES-GCM authentication failed: the bytes were changed
      return { ok: false, reason: 'it has been tampered with' };
    }
    if (typeof payload.exp !== 'number' || payload.exp < now)
      return { ok: false, reason: 'it has expired' };
    if (payload.caller !== expected.caller)
      return { ok: false, reason: 'it was issued to another caller' };
    if (payload.method !== expected.method || payload.digest !== expected.digest) {
      return { ok: false, reason: 'it was issued for a different request' };
    }
    return { ok: true, data: payload.data };
  }

  private keys(): Promise<SealingKey[]> {
    this.keysPromise ??= Promise.all(
      (this.secrets ?? [crypto.getRandomValues(new Uint8Array(32))]).map(importKey),
    );
    return this.keysPromise;
  }
}

async function importKey(secret: RequestStateSecret): Promise<SealingKey> {
  let raw: Uint8Array<ArrayBuffer>;
  if (typeof secret === 'string') {
    if (secret.length < 16) {
      throw new SdkError(
        'INVALID_ARGUMENT',
        'A requestState key string must have at least 16 characters; use a long random secret.',
      );
    }
    raw = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(secret)));
  } else {
    if (secret.length !== 32) {
      throw new SdkError(
        'INVALID_ARGUMENT',
        `A requestState key must be 32 bytes, got ${secret.length}.`,
      );
    }
    raw = new Uint8Array(secret);
  }
  const id = new Uint8Array(await crypto.subtle.digest('SHA-256', raw)).slice(0, 4);
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { id, key };
}

/** SHA-256 of the canonical JSON of `value` (object keys sorted), as base64url. */
export async function digestOf(value: unknown): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', encoder.encode(canonicalJson(value)));
  return toBase64Url(new Uint8Array(hash));
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    // atob rejects impossible lengths: not our encoding
    return undefined;
  }
}
