/**
 * Builds the everything server on the low-level @mcpkit/server API: one definition that serves
 * both protocol eras on any transport.
 */
import { ErrorCode, McpError, type ReadResourceResult } from '@mcpkit/protocol';
import { paginate, Server, type ServerContext } from '@mcpkit/server';
import {
  DYNAMIC_PROMPT,
  DYNAMIC_TOOL,
  PNG_BASE64,
  type PromptFixture,
  promptFixtures,
  type ToolFixture,
  toolFixtures,
} from './fixtures';

const WATCHED = 'test://watched-resource';
const TEMPLATE = /^test:\/\/template\/([^/]+)\/data$/;

const STATIC_RESOURCES = [
  {
    uri: 'test://static-text',
    name: 'static-text',
    description: 'A static text resource',
    mimeType: 'text/plain',
  },
  {
    uri: 'test://static-binary',
    name: 'static-binary',
    description: 'A static binary resource (a PNG)',
    mimeType: 'image/png',
  },
  {
    uri: WATCHED,
    name: 'watched-resource',
    description: 'A resource that changes every few seconds',
    mimeType: 'text/plain',
  },
];

export interface EverythingServerOptions {
  /** How often the watched resource changes (ms). Default 3000; 0 turns it off. */
  watchIntervalMs?: number;
}

export function createEverythingServer(
  options: EverythingServerOptions = {},
): Server<{ stop(): void }> {
  let watchedVersion = 0;
  const server: Server<{ stop(): void }> = new Server(
    { name: 'mcpkit-everything-server', version: '1.0.0', title: 'mcpkit everything server' },
    {
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
        logging: {},
        completions: {},
      },
      instructions: 'A server with every MCP feature, for tests and examples. Try the echo tool.',
      lifespan: async function* (self) {
        const interval = options.watchIntervalMs ?? 3000;
        const timer =
          interval > 0
            ? setInterval(() => {
                watchedVersion++;
                self.sendResourceUpdated(WATCHED);
              }, interval)
            : undefined;
        timer?.unref?.();
        try {
          yield { stop: () => clearInterval(timer) };
        } finally {
          clearInterval(timer);
        }
      },
    },
  );

  const tools = new Map<string, ToolFixture>();
  const prompts = new Map<string, PromptFixture>();
  const hooks = {
    toggleDynamicTool() {
      if (tools.has(DYNAMIC_TOOL.definition.name)) tools.delete(DYNAMIC_TOOL.definition.name);
      else tools.set(DYNAMIC_TOOL.definition.name, DYNAMIC_TOOL);
      server.sendToolListChanged();
    },
    toggleDynamicPrompt() {
      if (prompts.has(DYNAMIC_PROMPT.definition.name))
        prompts.delete(DYNAMIC_PROMPT.definition.name);
      else prompts.set(DYNAMIC_PROMPT.definition.name, DYNAMIC_PROMPT);
      server.sendPromptListChanged();
    },
  };
  for (const tool of toolFixtures(hooks)) tools.set(tool.definition.name, tool);
  for (const prompt of promptFixtures()) prompts.set(prompt.definition.name, prompt);

  server.setRequestHandler('tools/list', (params) => {
    const page = paginate(
      [...tools.values()].map((t) => t.definition),
      params?.cursor,
      100,
    );
    return page.nextCursor
      ? { tools: page.items, nextCursor: page.nextCursor }
      : { tools: page.items };
  });
  server.setRequestHandler('tools/call', (params, ctx) => {
    const tool = tools.get(params.name);
    if (!tool) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool "${params.name}". Call tools/list to see what this server offers.`,
      );
    }
    return tool.run(params.arguments ?? {}, ctx as ServerContext<unknown>);
  });

  server.setRequestHandler('prompts/list', () => ({
    prompts: [...prompts.values()].map((p) => p.definition),
  }));
  server.setRequestHandler('prompts/get', (params, ctx) => {
    const prompt = prompts.get(params.name);
    if (!prompt)
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown prompt "${params.name}". Call prompts/list to see what this server offers.`,
      );
    for (const argument of prompt.definition.arguments ?? []) {
      if (argument.required && params.arguments?.[argument.name] === undefined) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `Prompt "${params.name}" needs the argument "${argument.name}".`,
        );
      }
    }
    return prompt.run(params.arguments ?? {}, ctx as ServerContext<unknown>);
  });

  server.setRequestHandler('resources/list', () => ({ resources: STATIC_RESOURCES }));
  server.setRequestHandler('resources/templates/list', () => ({
    resourceTemplates: [
      {
        uriTemplate: 'test://template/{id}/data',
        name: 'template-data',
        description: 'Data for any id',
        mimeType: 'application/json',
      },
    ],
  }));
  server.setRequestHandler('resources/read', (params, ctx): ReadResourceResult => {
    const { uri } = params;
    if (uri === 'test://static-text') {
      return {
        contents: [
          { uri, mimeType: 'text/plain', text: 'This is the content of the static text resource.' },
        ],
      };
    }
    if (uri === 'test://static-binary')
      return { contents: [{ uri, mimeType: 'image/png', blob: PNG_BASE64 }] };
    if (uri === WATCHED)
      return {
        contents: [
          { uri, mimeType: 'text/plain', text: `Watched resource, version ${watchedVersion}` },
        ],
      };
    const match = TEMPLATE.exec(uri);
    if (match) {
      const id = decodeURIComponent(match[1] as string);
      return {
        contents: [
          {
            uri,
            mimeType: 'application/json',
            text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }),
          },
        ],
      };
    }
    // 2026-07-28 answers an unknown resource with -32602; earlier revisions used -32002.
    const code = ctx.era === 'stateless' ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound;
    throw new McpError(code, `Resource not found: ${uri}`, { uri });
  });

  server.setRequestHandler('completion/complete', (params) => {
    const { ref, argument } = params;
    let candidates: string[] = [];
    if (ref.type === 'ref/prompt' && ref.name === 'test_prompt_with_arguments')
      candidates = ['test', 'testValue1', 'testValue2', 'other'];
    if (ref.type === 'ref/resource' && ref.uri === 'test://template/{id}/data')
      candidates = ['123', '456', '789'];
    const values = candidates.filter((c) => c.startsWith(argument.value));
    return { completion: { values, total: values.length, hasMore: false } };
  });

  return server;
}
