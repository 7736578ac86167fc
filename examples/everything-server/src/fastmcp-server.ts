/**
 * The everything server again, written on @mcpkit/fastmcp: the same tools, resources and prompts
 * as ./server.ts (the low-level API), so that the conformance suite checks the high-level layer
 * too. Handlers return plain values (strings, `Image`, content arrays) and use the `Context`; the
 * same code serves both protocol eras.
 */
import { Audio, FastMCP, Image, ToolError, userMessage } from '@mcpkit/fastmcp';
import { z } from 'zod';
import {
  JSON_SCHEMA_2020_12,
  PNG_BASE64,
  SEP1034_DEFAULTS_FORM,
  SEP1330_ENUMS_FORM,
  WAV_BASE64,
  X_MCP_HEADER_INPUT,
} from './fixtures';

const WATCHED = 'test://watched-resource';

/** The text of the first content block of a sampling reply. */
function sampledText(reply: { content: unknown }): string {
  const first = Array.isArray(reply.content) ? reply.content[0] : reply.content;
  return first && typeof first === 'object' && 'text' in first ? String(first.text) : '';
}

const nameQuestion = { name: z.string().describe('Your name') };
const confirmQuestion = { ok: z.boolean() };

export interface EverythingFastMCPOptions {
  /** How often the watched resource changes (ms). Default 3000; 0 turns it off. */
  watchIntervalMs?: number;
}

export function createEverythingFastMCP(options: EverythingFastMCPOptions = {}): FastMCP<{
  watchedVersion(): number;
}> {
  let version = 0;
  const mcp = new FastMCP('mcpkit-everything-server', {
    version: '1.0.0',
    title: 'mcpkit everything server (FastMCP)',
    instructions: 'A server with every MCP feature, for tests and examples. Try the echo tool.',
    logLevel: 'warn',
    lifespan: async function* (self) {
      const interval = options.watchIntervalMs ?? 3000;
      const timer =
        interval > 0
          ? setInterval(() => {
              version++;
              self.notifyResourceUpdated(WATCHED);
            }, interval)
          : undefined;
      timer?.unref?.();
      try {
        yield { watchedVersion: () => version };
      } finally {
        clearInterval(timer);
      }
    },
  });

  // ---------------------------------------------------------------------------------------------
  // Tools. First in the list on purpose: header-validation probes call the first tool with {}.

  mcp.tool(
    'test_simple_text',
    { description: 'Returns a simple text response' },
    () => 'This is a simple text response for testing.',
  );
  mcp.tool(
    'echo',
    {
      description: 'Echoes the message back',
      input: { message: z.string().describe('What to echo') },
    },
    ({ message }) => message,
  );
  mcp.tool(
    'test_image_content',
    { description: 'Returns an image' },
    () => new Image({ data: PNG_BASE64, format: 'png' }),
  );
  mcp.tool(
    'test_audio_content',
    { description: 'Returns audio' },
    () => new Audio({ data: WAV_BASE64, format: 'wav' }),
  );
  mcp.tool('test_embedded_resource', { description: 'Returns an embedded resource' }, () => ({
    type: 'resource' as const,
    resource: {
      uri: 'test://embedded-resource',
      mimeType: 'text/plain',
      text: 'This is an embedded resource content.',
    },
  }));
  mcp.tool(
    'test_multiple_content_types',
    { description: 'Returns text, an image and a resource' },
    () => [
      'Multiple content types test:',
      new Image({ data: PNG_BASE64, format: 'png' }),
      {
        type: 'resource' as const,
        resource: {
          uri: 'test://mixed-content-resource',
          mimeType: 'application/json',
          text: JSON.stringify({ test: 'data', value: 123 }),
        },
      },
    ],
  );
  mcp.tool('test_tool_with_logging', { description: 'Logs while it runs' }, async (_args, ctx) => {
    await ctx.info('Tool execution started');
    await ctx.info('Tool processing data');
    await ctx.info('Tool execution completed');
    return 'Tool with logging executed successfully';
  });
  mcp.tool('test_error_handling', { description: 'Always fails as a tool error' }, () => {
    throw new ToolError('This tool intentionally returns an error for testing');
  });
  mcp.tool('test_tool_with_progress', { description: 'Reports progress' }, async (_args, ctx) => {
    await ctx.reportProgress(0, 100, 'Starting');
    await ctx.reportProgress(50, 100, 'Halfway');
    await ctx.reportProgress(100, 100, 'Done');
    return 'Tool with progress completed';
  });
  mcp.tool(
    'test_sampling',
    {
      description: "Asks the client's model",
      input: { prompt: z.string().describe('The prompt') },
    },
    async ({ prompt }, ctx) => {
      const reply = await ctx.sample(prompt, { maxTokens: 100 });
      return `LLM response: ${sampledText(reply)}`;
    },
  );
  mcp.tool(
    'test_elicitation',
    {
      description: 'Asks the user for a username and email',
      input: { message: z.string().describe('What to ask') },
    },
    async ({ message }, ctx) => {
      const answer = await ctx.elicit(message, {
        username: z.string().describe("User's response"),
        email: z.string().describe("User's email address"),
      });
      return `User response: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`;
    },
  );
  // The two SEP forms below ask with plain JSON Schema (shared with the low-level build): defaults
  // and every enum spelling must reach the client exactly as written.
  mcp.tool(
    'test_elicitation_sep1034_defaults',
    { description: 'Elicits with defaults (SEP-1034)' },
    async (_args, ctx) => {
      const answer = await ctx.elicit(
        'Please review and update the form fields with defaults',
        SEP1034_DEFAULTS_FORM,
      );
      return `Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`;
    },
  );
  mcp.tool(
    'test_elicitation_sep1330_enums',
    { description: 'Elicits every enum form (SEP-1330)' },
    async (_args, ctx) => {
      const answer = await ctx.elicit(
        'Please select options from the enum fields',
        SEP1330_ENUMS_FORM,
      );
      return `Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`;
    },
  );
  mcp.tool(
    'json_schema_2020_12_tool',
    {
      description: 'A tool whose input schema uses JSON Schema 2020-12',
      inputSchema: JSON_SCHEMA_2020_12,
    },
    (args) => `Received: ${JSON.stringify(args)}`,
  );
  mcp.tool(
    'test_reconnection',
    { description: 'Closes its SSE stream, then answers on the resumed one' },
    async (_args, ctx) => {
      ctx.closeStream();
      return 'Reconnection test completed successfully';
    },
  );
  mcp.tool(
    'test_x_mcp_header',
    {
      description: 'Takes a region mirrored into the Mcp-Param-Region header',
      inputSchema: X_MCP_HEADER_INPUT,
    },
    (args) => `Region: ${String(args.region)}`,
  );
  // Stateless-era diagnostics (server-stateless)
  mcp.tool(
    'test_missing_capability',
    { description: 'Needs sampling; refused without it' },
    async (_args, ctx) => {
      const reply = await ctx.sample('What is 2+2?', { maxTokens: 10 }, { key: 'llm_answer' });
      return `Sampled: ${JSON.stringify(reply.content)}`;
    },
  );
  mcp.tool(
    'test_streaming_elicitation',
    { description: 'Answers without asking anything' },
    () => 'No elicitation was needed.',
  );
  mcp.tool(
    'test_logging_tool',
    { description: 'Logs through the request-scoped logger' },
    async (_args, ctx) => {
      await ctx.info('test_logging_tool ran');
      return 'Logged.';
    },
  );

  // list_changed: the dynamic tool and prompt come and go; FastMCP tells the clients
  const dynamicTool = mcp.tool(
    'test_dynamic_tool',
    { description: 'A tool that comes and goes' },
    () => 'The dynamic tool ran.',
  );
  dynamicTool.disable();
  let dynamicToolOn = false;
  mcp.tool('test_trigger_tool_change', { description: 'Changes the tool list' }, () => {
    dynamicToolOn = !dynamicToolOn;
    if (dynamicToolOn) dynamicTool.enable();
    else dynamicTool.disable();
    return 'Tool list changed.';
  });
  const dynamicPrompt = mcp.prompt(
    'test_dynamic_prompt',
    { description: 'A prompt that comes and goes' },
    () => 'The dynamic prompt.',
  );
  dynamicPrompt.disable();
  let dynamicPromptOn = false;
  mcp.tool('test_trigger_prompt_change', { description: 'Changes the prompt list' }, () => {
    dynamicPromptOn = !dynamicPromptOn;
    if (dynamicPromptOn) dynamicPrompt.enable();
    else dynamicPrompt.disable();
    return 'Prompt list changed.';
  });

  // Multi round-trip requests (input-required-result-*): in 2026-07-28 each ask becomes an
  // input request under its key, and the handler runs again with the answers
  mcp.tool(
    'test_input_required_result_elicitation',
    { description: 'Asks for your name' },
    async (_args, ctx) => {
      const answer = await ctx.elicit('What is your name?', nameQuestion, { key: 'user_name' });
      return `Hello, ${answer.action === 'accept' ? answer.content.name : 'stranger'}!`;
    },
  );
  mcp.tool(
    'test_input_required_result_sampling',
    { description: 'Asks the model a question' },
    async (_args, ctx) => {
      const reply = await ctx.sample(
        'What is the capital of France?',
        { maxTokens: 100 },
        { key: 'capital_question' },
      );
      return `The model said: ${sampledText(reply)}`;
    },
  );
  mcp.tool(
    'test_input_required_result_list_roots',
    { description: "Lists the client's roots" },
    async (_args, ctx) => {
      const { roots } = await ctx.listRoots({ key: 'client_roots' });
      return `Roots: ${roots.map((r) => r.uri).join(', ')}`;
    },
  );
  mcp.tool(
    'test_input_required_result_request_state',
    { description: 'Round trip with sealed state' },
    async (_args, ctx) => {
      const answer = await ctx.elicit('Please confirm', confirmQuestion, { key: 'confirm' });
      return `state-ok: confirmed=${String(answer.content?.ok)}`;
    },
  );
  mcp.tool(
    'test_input_required_result_multiple_inputs',
    { description: 'Asks three things at once' },
    async (_args, ctx) => {
      const [user, greeting, roots] = await Promise.all([
        ctx.elicit('What is your name?', nameQuestion, { key: 'user_name' }),
        ctx.sample('Generate a greeting', { maxTokens: 50 }, { key: 'greeting' }),
        ctx.listRoots({ key: 'client_roots' }),
      ]);
      return `${sampledText(greeting)} ${String(user.content?.name)} (${roots.roots.length} roots)`;
    },
  );
  mcp.tool(
    'test_input_required_result_multi_round',
    { description: 'Asks in two rounds' },
    async (_args, ctx) => {
      const first = await ctx.elicit('What is your name?', nameQuestion, { key: 'step1' });
      const second = await ctx.elicit(
        'What is your favorite color?',
        { color: z.string() },
        { key: 'step2' },
      );
      return `${String(first.content?.name)} likes ${String(second.content?.color)}`;
    },
  );
  mcp.tool(
    'test_input_required_result_tampered_state',
    { description: 'Refuses a tampered state' },
    async (_args, ctx) => {
      await ctx.elicit('Please confirm', confirmQuestion, { key: 'confirm' });
      return 'Confirmed with an intact state.';
    },
  );
  mcp.tool(
    'test_input_required_result_capabilities',
    { description: 'Asks only for what the client declared' },
    async (_args, ctx) => {
      const caps = ctx.clientCapabilities;
      const asks: Array<Promise<unknown>> = [];
      if (caps.elicitation)
        asks.push(ctx.elicit('What is your name?', nameQuestion, { key: 'user_name' }));
      if (caps.sampling) asks.push(ctx.sample('Say hi', { maxTokens: 20 }, { key: 'sample' }));
      if (caps.roots) asks.push(ctx.listRoots({ key: 'client_roots' }));
      await Promise.all(asks);
      return `Asked for ${asks.length} kinds of input.`;
    },
  );

  // ---------------------------------------------------------------------------------------------
  // Resources

  mcp.resource(
    'test://static-text',
    { name: 'static-text', description: 'A static text resource', mimeType: 'text/plain' },
    () => 'This is the content of the static text resource.',
  );
  mcp.resource(
    'test://static-binary',
    {
      name: 'static-binary',
      description: 'A static binary resource (a PNG)',
      mimeType: 'image/png',
    },
    () => Buffer.from(PNG_BASE64, 'base64'),
  );
  mcp.resource(
    WATCHED,
    {
      name: 'watched-resource',
      description: 'A resource that changes every few seconds',
      mimeType: 'text/plain',
    },
    (_params, ctx) => `Watched resource, version ${ctx.lifespan.watchedVersion()}`,
  );
  const ids = ['123', '456', '789'];
  mcp.resource(
    'test://template/{id}/data',
    {
      name: 'template-data',
      description: 'Data for any id',
      mimeType: 'application/json',
      complete: { id: (value) => ids.filter((id) => id.startsWith(value)) },
    },
    ({ id }) => JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }),
  );

  // ---------------------------------------------------------------------------------------------
  // Prompts

  mcp.prompt(
    'test_simple_prompt',
    { description: 'A simple prompt' },
    () => 'This is a simple prompt for testing.',
  );
  const argumentValues = ['test', 'testValue1', 'testValue2', 'other'];
  const completeArgument = (value: string) => argumentValues.filter((v) => v.startsWith(value));
  mcp.prompt(
    'test_prompt_with_arguments',
    {
      description: 'A prompt with two arguments',
      args: {
        arg1: z.string().describe('First argument'),
        arg2: z.string().describe('Second argument'),
      },
      complete: { arg1: completeArgument, arg2: completeArgument },
    },
    ({ arg1, arg2 }) => `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'`,
  );
  mcp.prompt(
    'test_prompt_with_embedded_resource',
    {
      description: 'A prompt embedding a resource',
      args: { resourceUri: z.string().describe('The resource to embed') },
    },
    ({ resourceUri }) => [
      userMessage({
        type: 'resource',
        resource: {
          uri: resourceUri,
          mimeType: 'text/plain',
          text: 'Embedded resource content for testing.',
        },
      }),
      'Please process the embedded resource above.',
    ],
  );
  mcp.prompt('test_prompt_with_image', { description: 'A prompt with an image' }, () => [
    userMessage(new Image({ data: PNG_BASE64, format: 'png' })),
    'Please analyze the image above.',
  ]);
  mcp.prompt(
    'test_input_required_result_prompt',
    { description: 'A prompt that asks for context first' },
    async (_args, ctx) => {
      const answer = await ctx.elicit(
        'What context should the prompt use?',
        { context: z.string() },
        { key: 'user_context' },
      );
      return `Context: ${String(answer.content?.context)}`;
    },
  );

  return mcp;
}
