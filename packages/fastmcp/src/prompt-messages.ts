/**
 * Prompt results the Python way: return a string (one user message), a list of messages built
 * with `userMessage` / `assistantMessage`, or a whole `GetPromptResult`.
 */
import type { ContentBlock, GetPromptResult, PromptMessage } from '@mcpkit/protocol';
import { Audio, Image, isContentBlock, toContentBlocks } from './content';

/** What a message may hold: text, an `Image` / `Audio`, or any content block. */
export type MessageContent = string | Image | Audio | ContentBlock;

/** What a prompt handler may return. */
export type PromptValue =
  | string
  | PromptMessage
  | GetPromptResult
  | ReadonlyArray<string | PromptMessage>;

/** A message from the user. */
export function userMessage(content: MessageContent): PromptMessage {
  return { role: 'user', content: toMessageContent(content) };
}

/** A message from the assistant. */
export function assistantMessage(content: MessageContent): PromptMessage {
  return { role: 'assistant', content: toMessageContent(content) };
}

function toMessageContent(content: MessageContent): PromptMessage['content'] {
  if (typeof content === 'string') return { type: 'text', text: content };
  if (content instanceof Image || content instanceof Audio) return content.toContent();
  return content as PromptMessage['content'];
}

/** Turns what a prompt handler returned into a `GetPromptResult`. */
export function toPromptResult(value: unknown, description: string | undefined): GetPromptResult {
  if (isPromptResult(value)) return value;
  const items = Array.isArray(value) ? value : [value];
  const messages: PromptMessage[] = items.map((item) => {
    if (typeof item === 'string') return userMessage(item);
    if (isPromptMessage(item)) {
      const content = (item as { content: unknown }).content as MessageContent;
      return { role: item.role, content: toMessageContent(content) };
    }
    // anything else becomes user text, the way tool results do
    const [block] = toContentBlocks(item);
    return {
      role: 'user',
      content: (block ?? { type: 'text', text: '' }) as PromptMessage['content'],
    };
  });
  const result: GetPromptResult = { messages };
  if (description !== undefined) result.description = description;
  return result;
}

function isPromptResult(value: unknown): value is GetPromptResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Array.isArray((value as { messages?: unknown }).messages)
  );
}

function isPromptMessage(value: unknown): value is PromptMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { role, content } = value as { role?: unknown; content?: unknown };
  return (
    (role === 'user' || role === 'assistant') &&
    (typeof content === 'string' ||
      content instanceof Image ||
      content instanceof Audio ||
      isContentBlock(content))
  );
}
