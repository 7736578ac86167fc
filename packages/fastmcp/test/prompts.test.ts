import { McpError, SdkError } from '@mcpkit/protocol';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Audio, assistantMessage, FastMCP, Image, userMessage } from '../src/index';
import { connect, ERAS, notificationCollector } from './helpers/harness';

function server() {
  return new FastMCP('prompts-test', { logLevel: 'silent' });
}

describe.each(ERAS)('prompts in protocol %s', (era) => {
  it('turns a string into one user message, with the description', async () => {
    const mcp = server();
    mcp.prompt(
      'review_code',
      { description: 'Review some code', args: { code: z.string() } },
      ({ code }) => `Please review this code:\n\n${code}`,
    );
    const client = await connect(mcp, era);
    const result = await client.getPrompt({ name: 'review_code', arguments: { code: 'x = 1' } });
    expect(result.description).toBe('Review some code');
    expect(result.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Please review this code:\n\nx = 1' } },
    ]);
  });

  it('keeps the roles and order of userMessage / assistantMessage lists, images included', async () => {
    const mcp = server();
    mcp.prompt('debug_error', { args: { error: z.string() } }, ({ error }) => [
      userMessage("I'm seeing this error:"),
      userMessage(error),
      userMessage(new Image({ data: 'iVBORw0=', format: 'png' })),
      assistantMessage("I'll help debug that. What have you tried so far?"),
      assistantMessage(new Audio({ data: 'AQID', format: 'ogg' })),
    ]);
    const client = await connect(mcp, era);
    const result = await client.getPrompt({ name: 'debug_error', arguments: { error: 'E42' } });
    expect(result.messages).toEqual([
      { role: 'user', content: { type: 'text', text: "I'm seeing this error:" } },
      { role: 'user', content: { type: 'text', text: 'E42' } },
      { role: 'user', content: { type: 'image', data: 'iVBORw0=', mimeType: 'image/png' } },
      {
        role: 'assistant',
        content: { type: 'text', text: "I'll help debug that. What have you tried so far?" },
      },
      { role: 'assistant', content: { type: 'audio', data: 'AQID', mimeType: 'audio/ogg' } },
    ]);
  });

  it('turns a list of strings into user messages', async () => {
    const mcp = server();
    mcp.prompt('two', () => ['first', 'second']);
    const client = await connect(mcp, era);
    expect((await client.getPrompt({ name: 'two' })).messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'first' } },
      { role: 'user', content: { type: 'text', text: 'second' } },
    ]);
  });

  it('passes a whole GetPromptResult through', async () => {
    const mcp = server();
    mcp.prompt('full', { description: 'listed' }, () => ({
      description: 'own description',
      messages: [{ role: 'assistant', content: { type: 'text', text: 'as is' } }],
    }));
    const client = await connect(mcp, era);
    expect(await client.getPrompt({ name: 'full' })).toMatchObject({
      description: 'own description',
      messages: [{ role: 'assistant', content: { type: 'text', text: 'as is' } }],
    });
  });

  it('lists arguments with name, description and required', async () => {
    const mcp = server();
    mcp.prompt(
      'translate',
      {
        title: 'Translate',
        description: 'Translate a text',
        args: {
          text: z.string().describe('what to translate'),
          language: z.string().describe('target language').optional(),
        },
      },
      ({ text, language }) => `Translate to ${language ?? 'French'}: ${text}`,
    );
    mcp.prompt('no_args', () => 'hi');
    const client = await connect(mcp, era);
    const { prompts } = await client.listPrompts();
    expect(prompts).toEqual([
      {
        name: 'translate',
        title: 'Translate',
        description: 'Translate a text',
        arguments: [
          { name: 'text', description: 'what to translate', required: true },
          { name: 'language', description: 'target language', required: false },
        ],
      },
      { name: 'no_args' },
    ]);
  });

  it('converts argument strings with z.coerce', async () => {
    const mcp = server();
    mcp.prompt(
      'count',
      { args: { n: z.coerce.number().int() } },
      ({ n }) => `${typeof n}: ${n + 1}`,
    );
    const client = await connect(mcp, era);
    expect((await client.getPrompt({ name: 'count', arguments: { n: '41' } })).messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'number: 42' } },
    ]);
  });

  it('answers a missing required argument with JSON-RPC error -32602 naming it', async () => {
    const mcp = server();
    mcp.prompt('review_code', { args: { code: z.string() } }, ({ code }) => code);
    const client = await connect(mcp, era);
    const error = await client.getPrompt({ name: 'review_code', arguments: {} }).catch((e) => e);
    expect(McpError.is(error)).toBe(true);
    expect(error).toMatchObject({
      code: -32602,
      message: expect.stringMatching(/Invalid arguments for prompt "review_code": code/),
    });
  });

  it('answers an unknown or disabled prompt with JSON-RPC error -32602', async () => {
    const mcp = server();
    const hidden = mcp.prompt('hidden', () => 'x');
    const client = await connect(mcp, era);
    hidden.disable();
    for (const name of ['unknown', 'hidden']) {
      const error = await client.getPrompt({ name }).catch((e: unknown) => e);
      expect(McpError.is(error)).toBe(true);
      expect(error).toMatchObject({ code: -32602, message: expect.stringMatching(`"${name}"`) });
    }
    expect((await client.listPrompts()).prompts).toEqual([]);
  });

  it('completes arguments with what the completer returns', async () => {
    const mcp = server();
    const languages = ['python', 'perl', 'php', 'typescript'];
    mcp.prompt(
      'explain',
      {
        args: { language: z.string(), topic: z.string() },
        complete: { language: (value) => languages.filter((l) => l.startsWith(value)) },
      },
      ({ language, topic }) => `${topic} in ${language}`,
    );
    const client = await connect(mcp, era);
    const { completion } = await client.complete({
      ref: { type: 'ref/prompt', name: 'explain' },
      argument: { name: 'language', value: 'p' },
    });
    expect(completion).toEqual({ values: ['python', 'perl', 'php'], total: 3, hasMore: false });
    const none = await client.complete({
      ref: { type: 'ref/prompt', name: 'explain' },
      argument: { name: 'topic', value: 'x' },
    });
    expect(none.completion.values).toEqual([]);
  });
});

describe('prompt list changes', () => {
  it('sends notifications/prompts/list_changed to a stateful client when prompts come and go', async () => {
    const mcp = server();
    const notes = notificationCollector();
    const client = await connect(mcp, '2025-11-25', { onNotification: notes.onNotification });
    const changed = 'notifications/prompts/list_changed';
    const reg = mcp.prompt('later', () => 'x');
    await notes.next(changed);
    expect((await client.listPrompts()).prompts.map((p) => p.name)).toEqual(['later']);
    reg.disable();
    await notes.next(changed);
    expect((await client.listPrompts()).prompts).toEqual([]);
    reg.remove();
    await notes.next(changed);
  });
});

describe('prompt registration', () => {
  it('refuses a second prompt with the same name', () => {
    const mcp = server();
    mcp.prompt('p', () => 'x');
    let error: unknown;
    try {
      mcp.prompt('p', () => 'y');
    } catch (e) {
      error = e;
    }
    expect(SdkError.is(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as Error).message).toMatch(/already registered/);
  });
});
