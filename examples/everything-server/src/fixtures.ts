/**
 * The everything server's content: every tool, resource and prompt the MCP conformance suite
 * looks for, plus `echo`. Written on the public API of @mcpkit/server; each handler is the same in
 * both protocol eras.
 */
import type {
  CallToolResult,
  ElicitRequestFormParams,
  GetPromptResult,
  Tool,
} from '@mcpkit/protocol';
import { McpError } from '@mcpkit/protocol';
import type { ServerContext } from '@mcpkit/server';

/** A 1×1 red PNG. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
/** A tiny silent WAV. */
export const WAV_BASE64 = 'UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=';

type Args = Record<string, unknown>;
type ToolHandler = (
  args: Args,
  ctx: ServerContext<unknown>,
) => Promise<CallToolResult> | CallToolResult;

export interface ToolFixture {
  definition: Tool;
  run: ToolHandler;
}

const text = (value: string): CallToolResult => ({ content: [{ type: 'text', text: value }] });
const empty = { type: 'object' as const, properties: {} };
const nameQuestion = {
  type: 'object' as const,
  properties: { name: { type: 'string' as const, description: 'Your name' } },
  required: ['name'],
};

/** The 2020-12 schema whose keywords must survive listing untouched. */
export const JSON_SCHEMA_2020_12 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: {
    address: {
      $anchor: 'addressDef',
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' } },
    },
  },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
    contactMethod: { type: 'string', enum: ['phone', 'email'] },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
  allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
  if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
  then: { required: ['phone'] },
  else: { required: ['email'] },
  additionalProperties: false,
} as const;

/** A tool input whose `region` argument is mirrored into the `Mcp-Param-Region` header. */
export const X_MCP_HEADER_INPUT: Tool['inputSchema'] = {
  type: 'object',
  properties: {
    region: { type: 'string', description: 'A region', 'x-mcp-header': 'Region' },
  },
  required: ['region'],
};

type ElicitationForm = ElicitRequestFormParams['requestedSchema'];

/** The SEP-1034 elicitation form: a default for every field type. */
export const SEP1034_DEFAULTS_FORM: ElicitationForm = {
  type: 'object',
  properties: {
    name: { type: 'string', description: 'User name', default: 'John Doe' },
    age: { type: 'integer', description: 'User age', default: 30 },
    score: { type: 'number', description: 'User score', default: 95.5 },
    status: {
      type: 'string',
      description: 'User status',
      enum: ['active', 'inactive', 'pending'],
      default: 'active',
    },
    verified: { type: 'boolean', description: 'Verification status', default: true },
  },
};

/** The SEP-1330 elicitation form: every enum spelling (untitled, titled, legacy, multi-select). */
export const SEP1330_ENUMS_FORM: ElicitationForm = {
  type: 'object',
  properties: {
    untitledSingle: {
      type: 'string',
      description: 'Select one option',
      enum: ['option1', 'option2', 'option3'],
    },
    titledSingle: {
      type: 'string',
      description: 'Select one option with titles',
      oneOf: [
        { const: 'value1', title: 'First Option' },
        { const: 'value2', title: 'Second Option' },
        { const: 'value3', title: 'Third Option' },
      ],
    },
    legacyEnum: {
      type: 'string',
      description: 'Select one option (legacy)',
      enum: ['opt1', 'opt2', 'opt3'],
      enumNames: ['Option One', 'Option Two', 'Option Three'],
    },
    untitledMulti: {
      type: 'array',
      description: 'Select multiple options',
      minItems: 1,
      maxItems: 3,
      items: { type: 'string', enum: ['option1', 'option2', 'option3'] },
    },
    titledMulti: {
      type: 'array',
      description: 'Select multiple options with titles',
      minItems: 1,
      maxItems: 3,
      items: {
        anyOf: [
          { const: 'value1', title: 'First Choice' },
          { const: 'value2', title: 'Second Choice' },
          { const: 'value3', title: 'Third Choice' },
        ],
      },
    },
  },
  required: [],
};

/** Hooks the fixtures need from the server they run on. */
export interface FixtureHooks {
  /** Adds or removes the dynamic tool and announces the change. */
  toggleDynamicTool(): void;
  /** Adds or removes the dynamic prompt and announces the change. */
  toggleDynamicPrompt(): void;
}

export function toolFixtures(hooks: FixtureHooks): ToolFixture[] {
  return [
    // First in the list on purpose: header-validation probes call the first tool with {}.
    {
      definition: {
        name: 'test_simple_text',
        description: 'Returns a simple text response',
        inputSchema: empty,
      },
      run: () => text('This is a simple text response for testing.'),
    },
    {
      definition: {
        name: 'echo',
        description: 'Echoes the message back',
        inputSchema: {
          type: 'object',
          properties: { message: { type: 'string', description: 'What to echo' } },
          required: ['message'],
        },
      },
      run: (args) => {
        if (typeof args.message !== 'string') {
          throw new McpError(-32602, 'Invalid params: echo needs a string "message" argument.');
        }
        return text(args.message);
      },
    },
    {
      definition: {
        name: 'test_image_content',
        description: 'Returns an image',
        inputSchema: empty,
      },
      run: () => ({ content: [{ type: 'image', data: PNG_BASE64, mimeType: 'image/png' }] }),
    },
    {
      definition: { name: 'test_audio_content', description: 'Returns audio', inputSchema: empty },
      run: () => ({ content: [{ type: 'audio', data: WAV_BASE64, mimeType: 'audio/wav' }] }),
    },
    {
      definition: {
        name: 'test_embedded_resource',
        description: 'Returns an embedded resource',
        inputSchema: empty,
      },
      run: () => ({
        content: [
          {
            type: 'resource',
            resource: {
              uri: 'test://embedded-resource',
              mimeType: 'text/plain',
              text: 'This is an embedded resource content.',
            },
          },
        ],
      }),
    },
    {
      definition: {
        name: 'test_multiple_content_types',
        description: 'Returns text, an image and a resource',
        inputSchema: empty,
      },
      run: () => ({
        content: [
          { type: 'text', text: 'Multiple content types test:' },
          { type: 'image', data: PNG_BASE64, mimeType: 'image/png' },
          {
            type: 'resource',
            resource: {
              uri: 'test://mixed-content-resource',
              mimeType: 'application/json',
              text: JSON.stringify({ test: 'data', value: 123 }),
            },
          },
        ],
      }),
    },
    {
      definition: {
        name: 'test_tool_with_logging',
        description: 'Logs while it runs',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        await ctx.log('info', 'Tool execution started');
        await ctx.log('info', 'Tool processing data');
        await ctx.log('info', 'Tool execution completed');
        return text('Tool with logging executed successfully');
      },
    },
    {
      definition: {
        name: 'test_error_handling',
        description: 'Always fails as a tool error',
        inputSchema: empty,
      },
      run: () => ({
        isError: true,
        content: [{ type: 'text', text: 'This tool intentionally returns an error for testing' }],
      }),
    },
    {
      definition: {
        name: 'test_tool_with_progress',
        description: 'Reports progress',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        await ctx.reportProgress(0, 100, 'Starting');
        await ctx.reportProgress(50, 100, 'Halfway');
        await ctx.reportProgress(100, 100, 'Done');
        return text('Tool with progress completed');
      },
    },
    {
      definition: {
        name: 'test_sampling',
        description: "Asks the client's model",
        inputSchema: {
          type: 'object',
          properties: { prompt: { type: 'string', description: 'The prompt' } },
          required: ['prompt'],
        },
      },
      run: async (args, ctx) => {
        const reply = await ctx.createMessage({
          messages: [{ role: 'user', content: { type: 'text', text: String(args.prompt ?? '') } }],
          maxTokens: 100,
        });
        const content = Array.isArray(reply.content) ? reply.content[0] : reply.content;
        return text(
          `LLM response: ${content && 'text' in content ? content.text : JSON.stringify(content)}`,
        );
      },
    },
    {
      definition: {
        name: 'test_elicitation',
        description: 'Asks the user for a username and email',
        inputSchema: {
          type: 'object',
          properties: { message: { type: 'string', description: 'What to ask' } },
          required: ['message'],
        },
      },
      run: async (args, ctx) => {
        const answer = await ctx.elicit({
          message: String(args.message ?? 'Please provide your information'),
          requestedSchema: {
            type: 'object',
            properties: {
              username: { type: 'string', description: "User's response" },
              email: { type: 'string', description: "User's email address" },
            },
            required: ['username', 'email'],
          },
        });
        return text(
          `User response: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`,
        );
      },
    },
    {
      definition: {
        name: 'test_elicitation_sep1034_defaults',
        description: 'Elicits with defaults (SEP-1034)',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        const answer = await ctx.elicit({
          message: 'Please review and update the form fields with defaults',
          requestedSchema: SEP1034_DEFAULTS_FORM,
        });
        return text(
          `Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`,
        );
      },
    },
    {
      definition: {
        name: 'test_elicitation_sep1330_enums',
        description: 'Elicits every enum form (SEP-1330)',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        const answer = await ctx.elicit({
          message: 'Please select options from the enum fields',
          requestedSchema: SEP1330_ENUMS_FORM,
        });
        return text(
          `Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`,
        );
      },
    },
    {
      definition: {
        name: 'json_schema_2020_12_tool',
        description: 'A tool whose input schema uses JSON Schema 2020-12',
        inputSchema: JSON_SCHEMA_2020_12 as unknown as Tool['inputSchema'],
      },
      run: (args) => text(`Received: ${JSON.stringify(args)}`),
    },
    {
      definition: {
        name: 'test_reconnection',
        description: 'Closes its SSE stream, then answers on the resumed one',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        ctx.closeStream();
        return text('Reconnection test completed successfully');
      },
    },
    {
      definition: {
        name: 'test_x_mcp_header',
        description: 'Takes a region mirrored into the Mcp-Param-Region header',
        inputSchema: X_MCP_HEADER_INPUT,
      },
      run: (args) => text(`Region: ${String(args.region)}`),
    },
    // Stateless-era diagnostics (server-stateless)
    {
      definition: {
        name: 'test_missing_capability',
        description: 'Needs sampling; refused without it',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        const reply = await ctx.createMessage(
          {
            messages: [{ role: 'user', content: { type: 'text', text: 'What is 2+2?' } }],
            maxTokens: 10,
          },
          { key: 'llm_answer' },
        );
        return text(`Sampled: ${JSON.stringify(reply.content)}`);
      },
    },
    {
      definition: {
        name: 'test_streaming_elicitation',
        description: 'Answers without asking anything',
        inputSchema: empty,
      },
      run: () => text('No elicitation was needed.'),
    },
    {
      definition: {
        name: 'test_logging_tool',
        description: 'Logs through the request-scoped logger',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        await ctx.log('info', 'test_logging_tool ran');
        return text('Logged.');
      },
    },
    {
      definition: {
        name: 'test_trigger_tool_change',
        description: 'Changes the tool list',
        inputSchema: empty,
      },
      run: () => {
        hooks.toggleDynamicTool();
        return text('Tool list changed.');
      },
    },
    {
      definition: {
        name: 'test_trigger_prompt_change',
        description: 'Changes the prompt list',
        inputSchema: empty,
      },
      run: () => {
        hooks.toggleDynamicPrompt();
        return text('Prompt list changed.');
      },
    },
    // Multi round-trip requests (input-required-result-*)
    {
      definition: {
        name: 'test_input_required_result_elicitation',
        description: 'Asks for your name',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        const answer = await ctx.elicit(
          { message: 'What is your name?', requestedSchema: nameQuestion },
          { key: 'user_name' },
        );
        return text(`Hello, ${String(answer.content?.name ?? 'stranger')}!`);
      },
    },
    {
      definition: {
        name: 'test_input_required_result_sampling',
        description: 'Asks the model a question',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        const reply = await ctx.createMessage(
          {
            messages: [
              { role: 'user', content: { type: 'text', text: 'What is the capital of France?' } },
            ],
            maxTokens: 100,
          },
          { key: 'capital_question' },
        );
        const content = Array.isArray(reply.content) ? reply.content[0] : reply.content;
        return text(`The model said: ${content && 'text' in content ? content.text : ''}`);
      },
    },
    {
      definition: {
        name: 'test_input_required_result_list_roots',
        description: "Lists the client's roots",
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        const { roots } = await ctx.listRoots({ key: 'client_roots' });
        return text(`Roots: ${roots.map((r) => r.uri).join(', ')}`);
      },
    },
    {
      definition: {
        name: 'test_input_required_result_request_state',
        description: 'Round trip with sealed state',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        const answer = await ctx.elicit(
          {
            message: 'Please confirm',
            requestedSchema: {
              type: 'object',
              properties: { ok: { type: 'boolean' } },
              required: ['ok'],
            },
          },
          { key: 'confirm' },
        );
        return text(`state-ok: confirmed=${String(answer.content?.ok)}`);
      },
    },
    {
      definition: {
        name: 'test_input_required_result_multiple_inputs',
        description: 'Asks three things at once',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        const [user, greeting, roots] = await Promise.all([
          ctx.elicit(
            { message: 'What is your name?', requestedSchema: nameQuestion },
            { key: 'user_name' },
          ),
          ctx.createMessage(
            {
              messages: [{ role: 'user', content: { type: 'text', text: 'Generate a greeting' } }],
              maxTokens: 50,
            },
            { key: 'greeting' },
          ),
          ctx.listRoots({ key: 'client_roots' }),
        ]);
        const greetingContent = Array.isArray(greeting.content)
          ? greeting.content[0]
          : greeting.content;
        const said = greetingContent && 'text' in greetingContent ? greetingContent.text : '';
        return text(`${said} ${String(user.content?.name)} (${roots.roots.length} roots)`);
      },
    },
    {
      definition: {
        name: 'test_input_required_result_multi_round',
        description: 'Asks in two rounds',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        const first = await ctx.elicit(
          { message: 'What is your name?', requestedSchema: nameQuestion },
          { key: 'step1' },
        );
        const second = await ctx.elicit(
          {
            message: 'What is your favorite color?',
            requestedSchema: {
              type: 'object',
              properties: { color: { type: 'string' } },
              required: ['color'],
            },
          },
          { key: 'step2' },
        );
        return text(`${String(first.content?.name)} likes ${String(second.content?.color)}`);
      },
    },
    {
      definition: {
        name: 'test_input_required_result_tampered_state',
        description: 'Refuses a tampered state',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        await ctx.elicit(
          {
            message: 'Please confirm',
            requestedSchema: {
              type: 'object',
              properties: { ok: { type: 'boolean' } },
              required: ['ok'],
            },
          },
          { key: 'confirm' },
        );
        return text('Confirmed with an intact state.');
      },
    },
    {
      definition: {
        name: 'test_input_required_result_capabilities',
        description: 'Asks only for what the client declared',
        inputSchema: empty,
      },
      run: async (_args, ctx) => {
        const caps = ctx.clientCapabilities;
        const asks: Array<Promise<unknown>> = [];
        if (caps.elicitation)
          asks.push(
            ctx.elicit(
              { message: 'What is your name?', requestedSchema: nameQuestion },
              { key: 'user_name' },
            ),
          );
        if (caps.sampling) {
          asks.push(
            ctx.createMessage(
              {
                messages: [{ role: 'user', content: { type: 'text', text: 'Say hi' } }],
                maxTokens: 20,
              },
              { key: 'sample' },
            ),
          );
        }
        if (caps.roots) asks.push(ctx.listRoots({ key: 'client_roots' }));
        await Promise.all(asks);
        return text(`Asked for ${asks.length} kinds of input.`);
      },
    },
  ];
}

/** The tool added and removed by test_trigger_tool_change. */
export const DYNAMIC_TOOL: ToolFixture = {
  definition: {
    name: 'test_dynamic_tool',
    description: 'A tool that comes and goes',
    inputSchema: empty,
  },
  run: () => text('The dynamic tool ran.'),
};

type PromptHandler = (
  args: Record<string, string>,
  ctx: ServerContext<unknown>,
) => Promise<GetPromptResult> | GetPromptResult;

export interface PromptFixture {
  definition: {
    name: string;
    description: string;
    arguments?: Array<{ name: string; description?: string; required?: boolean }>;
  };
  run: PromptHandler;
}

export function promptFixtures(): PromptFixture[] {
  return [
    {
      definition: { name: 'test_simple_prompt', description: 'A simple prompt' },
      run: () => ({
        messages: [
          { role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } },
        ],
      }),
    },
    {
      definition: {
        name: 'test_prompt_with_arguments',
        description: 'A prompt with two arguments',
        arguments: [
          { name: 'arg1', description: 'First argument', required: true },
          { name: 'arg2', description: 'Second argument', required: true },
        ],
      },
      run: (args) => ({
        messages: [
          {
            role: 'user',
            content: {
              type: 'text',
              text: `Prompt with arguments: arg1='${args.arg1}', arg2='${args.arg2}'`,
            },
          },
        ],
      }),
    },
    {
      definition: {
        name: 'test_prompt_with_embedded_resource',
        description: 'A prompt embedding a resource',
        arguments: [{ name: 'resourceUri', description: 'The resource to embed', required: true }],
      },
      run: (args) => ({
        messages: [
          {
            role: 'user',
            content: {
              type: 'resource',
              resource: {
                uri: args.resourceUri ?? 'test://example-resource',
                mimeType: 'text/plain',
                text: 'Embedded resource content for testing.',
              },
            },
          },
          {
            role: 'user',
            content: { type: 'text', text: 'Please process the embedded resource above.' },
          },
        ],
      }),
    },
    {
      definition: { name: 'test_prompt_with_image', description: 'A prompt with an image' },
      run: () => ({
        messages: [
          { role: 'user', content: { type: 'image', data: PNG_BASE64, mimeType: 'image/png' } },
          { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } },
        ],
      }),
    },
    {
      definition: {
        name: 'test_input_required_result_prompt',
        description: 'A prompt that asks for context first',
      },
      run: async (_args, ctx) => {
        const answer = await ctx.elicit(
          {
            message: 'What context should the prompt use?',
            requestedSchema: {
              type: 'object',
              properties: { context: { type: 'string' } },
              required: ['context'],
            },
          },
          { key: 'user_context' },
        );
        return {
          messages: [
            {
              role: 'user',
              content: { type: 'text', text: `Context: ${String(answer.content?.context)}` },
            },
          ],
        };
      },
    },
  ];
}

/** The prompt added and removed by test_trigger_prompt_change. */
export const DYNAMIC_PROMPT: PromptFixture = {
  definition: { name: 'test_dynamic_prompt', description: 'A prompt that comes and goes' },
  run: () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'The dynamic prompt.' } }],
  }),
};
