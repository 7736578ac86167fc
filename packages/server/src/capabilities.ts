/**
 * Which capability each method needs, on both sides, so the server refuses to register a handler
 * for a capability it did not declare and never sends the client a request it did not declare.
 */
import {
  type ClientCapabilities,
  MissingRequiredClientCapabilityError,
  SdkError,
  type ServerCapabilities,
} from '@mcpkit/protocol';

/** The server capability a client request needs, or `undefined` for always-available methods. */
export function serverCapabilityFor(method: string): keyof ServerCapabilities | undefined {
  switch (method) {
    case 'tools/list':
    case 'tools/call':
      return 'tools';
    case 'resources/list':
    case 'resources/templates/list':
    case 'resources/read':
    case 'resources/subscribe':
    case 'resources/unsubscribe':
      return 'resources';
    case 'prompts/list':
    case 'prompts/get':
      return 'prompts';
    case 'completion/complete':
      return 'completions';
    case 'logging/setLevel':
      return 'logging';
    default:
      return undefined;
  }
}

/**
 * Throws at registration when `method` belongs to a capability the server did not declare: a
 * handler nobody may call is a configuration mistake, better found at start-up.
 */
export function assertCanHandle(method: string, capabilities: ServerCapabilities): void {
  const needed = serverCapabilityFor(method);
  if (needed === undefined || capabilities[needed] !== undefined) return;
  if (
    (method === 'resources/subscribe' || method === 'resources/unsubscribe') &&
    !capabilities.resources?.subscribe
  ) {
    throw new SdkError(
      'CAPABILITY_NOT_SUPPORTED',
      `Cannot handle "${method}": the server does not declare resources.subscribe; pass capabilities: { resources: { subscribe: true } }.`,
    );
  }
  throw new SdkError(
    'CAPABILITY_NOT_SUPPORTED',
    `Cannot handle "${method}": the server does not declare the ${needed} capability; pass capabilities: { ${needed}: {} } to new Server(…) or call registerCapabilities() first.`,
  );
}

/** What the client must have declared for the server to ask it for input. */
export type InputKind = 'sampling' | 'elicitation' | 'roots';

/** The capabilities object naming what is missing, as -32021's `requiredCapabilities` wants it. */
export function requiredCapabilities(
  kind: InputKind,
  detail?: 'tools' | 'url' | 'form',
): ClientCapabilities {
  if (kind === 'sampling') return { sampling: detail === 'tools' ? { tools: {} } : {} };
  if (kind === 'elicitation') return { elicitation: detail === 'url' ? { url: {} } : {} };
  return { roots: {} };
}

/**
 * Whether the client's declared capabilities allow an input request of this kind. Elicitation
 * with no mode keys means form mode (the 2025-06-18 shape); URL mode must be declared explicitly.
 */
export function clientSupports(
  capabilities: ClientCapabilities | undefined,
  kind: InputKind,
  detail?: 'tools' | 'url' | 'form',
): boolean {
  if (!capabilities) return false;
  if (kind === 'sampling') {
    if (!capabilities.sampling) return false;
    return detail !== 'tools' || capabilities.sampling.tools !== undefined;
  }
  if (kind === 'elicitation') {
    const e = capabilities.elicitation;
    if (!e) return false;
    if (detail === 'url') return e.url !== undefined;
    return e.form !== undefined || e.url === undefined;
  }
  return capabilities.roots !== undefined;
}

/** The error for an input request the client cannot serve, in each era. */
export function missingCapabilityError(
  kind: InputKind,
  era: 'stateful' | 'stateless',
  detail?: 'tools' | 'url' | 'form',
): Error {
  const what = detail ? `${kind}.${detail}` : kind;
  if (era === 'stateless') {
    return new MissingRequiredClientCapabilityError(
      requiredCapabilities(kind, detail),
      `This request needs the client capability "${what}", which the request's _meta did not declare; declare it in clientCapabilities to use this feature.`,
    );
  }
  return new SdkError(
    'CAPABILITY_NOT_SUPPORTED',
    `The client did not declare the "${what}" capability at initialize, so the server cannot ask it for ${kind === 'roots' ? 'its roots' : kind}.`,
  );
}
