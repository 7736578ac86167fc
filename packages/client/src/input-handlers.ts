/**
 * The client's answers to the server's questions: sampling, elicitation and roots. The same
 * callbacks serve server-to-client requests (stateful era) and the input requests of a multi
 * round-trip (stateless era).
 */
import { applyDefaults } from '@mcpkit/json-schema';
import {
  type CreateMessageRequestParams,
  type CreateMessageResult,
  type ElicitRequestParams,
  type ElicitResult,
  type ListRootsResult,
  SdkError,
} from '@mcpkit/protocol';

/** What an input callback learns besides the request itself. */
export interface InputContext {
  /** Which era asked: a server-to-client request, or an input request inside a result. */
  era: 'stateful' | 'stateless';
  /** Aborts when the server cancels the request (stateful era) or the call is abandoned. */
  signal: AbortSignal | undefined;
}

/** Answers `sampling/createMessage`: run the model, return its message. */
export type SamplingHandler = (
  params: CreateMessageRequestParams,
  context: InputContext,
) => CreateMessageResult | Promise<CreateMessageResult>;

/**
 * Answers `elicitation/create`: ask the user. For an accepted form, fields the user left out are
 * filled with the defaults of the requested schema before the answer is sent.
 */
export type ElicitationHandler = (
  params: ElicitRequestParams,
  context: InputContext,
) => ElicitResult | Promise<ElicitResult>;

/** Answers `roots/list`. */
export type RootsHandler = (context: InputContext) => ListRootsResult | Promise<ListRootsResult>;

/** The client's input callbacks. */
export interface InputHandlers {
  sampling?: SamplingHandler;
  elicitation?: ElicitationHandler;
  roots?: RootsHandler;
}

/** Runs the callback for one input request and returns its result. */
export async function answerInputRequest(
  handlers: InputHandlers,
  method: string,
  params: Record<string, unknown> | undefined,
  context: InputContext,
): Promise<Record<string, unknown>> {
  switch (method) {
    case 'sampling/createMessage': {
      if (!handlers.sampling) throw missing('sampling', method);
      return (await handlers.sampling(params as CreateMessageRequestParams, context)) as Record<
        string,
        unknown
      >;
    }
    case 'elicitation/create': {
      if (!handlers.elicitation) throw missing('elicitation', method);
      const request = params as ElicitRequestParams;
      const answer = await handlers.elicitation(request, context);
      return withDefaults(request, answer) as Record<string, unknown>;
    }
    case 'roots/list': {
      if (!handlers.roots) throw missing('roots', method);
      return (await handlers.roots(context)) as Record<string, unknown>;
    }
    default:
      throw new SdkError(
        'PROTOCOL_VIOLATION',
        `The server asked for input with an unknown method "${method}".`,
      );
  }
}

/** Fills the requested schema's defaults into an accepted form answer. */
export function withDefaults(request: ElicitRequestParams, answer: ElicitResult): ElicitResult {
  if (answer.action !== 'accept') return answer;
  const schema = (request as { requestedSchema?: Record<string, unknown> }).requestedSchema;
  if (!schema || (request as { mode?: string }).mode === 'url') return answer;
  const content = applyDefaults(schema, answer.content ?? {}) as ElicitResult['content'];
  return { ...answer, content };
}

function missing(kind: string, method: string): SdkError {
  return new SdkError(
    'CAPABILITY_NOT_SUPPORTED',
    `The server sent "${method}", but this client has no ${kind} handler; pass ${kind} in the Client options (and only then declare the capability).`,
  );
}
