import type { CallToolResult } from '@mcpkit/protocol';
import { toStandardJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  type Context,
  type ElicitationResult,
  FastMCP,
  Image,
  type IsTemplate,
  lifecycle,
  type TemplateParams,
  userMessage,
} from '../src/index';

const mcp = new FastMCP('types');

describe('tool arguments', () => {
  it('are inferred from a zod shape', () => {
    mcp.tool(
      'shape',
      { input: { a: z.number(), b: z.string().optional(), tags: z.array(z.string()) } },
      (args) => {
        expectTypeOf(args.a).toEqualTypeOf<number>();
        expectTypeOf(args.b).toEqualTypeOf<string | undefined>();
        expectTypeOf(args.tags).toEqualTypeOf<string[]>();
        expectTypeOf(args).not.toBeAny();
        // @ts-expect-error: no such argument
        args.c;
        return 'ok';
      },
    );
  });

  it('make a shape field that accepts undefined an optional key, as z.object(shape) does', () => {
    // the runtime parses a zod shape with z.object(shape): a missing optional field is absent
    mcp.tool('shape_optional', { input: { a: z.number(), b: z.string().optional() } }, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ a: number; b?: string | undefined }>();
      return 'ok';
    });
  });

  it('are the output type of a z.object, optional fields optional and transforms applied', () => {
    mcp.tool(
      'object',
      {
        input: z.object({
          a: z.number(),
          b: z.string().optional(),
          n: z.string().transform(Number),
          mode: z.enum(['fast', 'slow']).default('fast'),
        }),
      },
      (args) => {
        expectTypeOf(args).toEqualTypeOf<{
          a: number;
          b?: string | undefined;
          n: number;
          mode: 'fast' | 'slow';
        }>();
        return 'ok';
      },
    );
  });

  it('are the output type of a valibot schema wrapped with toStandardJsonSchema', () => {
    const input = toStandardJsonSchema(
      v.object({
        city: v.string(),
        days: v.optional(v.number()),
        count: v.pipe(v.string(), v.transform(Number)),
      }),
    );
    mcp.tool('valibot', { input }, (args) => {
      expectTypeOf(args).toEqualTypeOf<{
        city: string;
        days?: number | undefined;
        count: number;
      }>();
      return 'ok';
    });
  });

  it('are a shape of valibot fields', () => {
    mcp.tool(
      'valibot_shape',
      {
        input: {
          text: toStandardJsonSchema(v.string()),
          times: toStandardJsonSchema(v.optional(v.number())),
        },
      },
      ({ text, times }) => {
        expectTypeOf(text).toEqualTypeOf<string>();
        expectTypeOf(times).toEqualTypeOf<number | undefined>();
        return text;
      },
    );
  });

  it('are a plain record for inputSchema and for tools without input', () => {
    mcp.tool('json', { inputSchema: { type: 'object' } }, (args) => {
      expectTypeOf(args).toEqualTypeOf<Record<string, unknown>>();
      return 'ok';
    });
    mcp.tool('none', (args, ctx) => {
      expectTypeOf(args).toEqualTypeOf<Record<string, unknown>>();
      expectTypeOf(ctx).toEqualTypeOf<Context<undefined>>();
      return 'ok';
    });
  });
});

describe('tool return values', () => {
  it('may be anything convertible without an output schema', () => {
    mcp.tool('anything', () => 'text');
    mcp.tool('number', () => 42);
    mcp.tool('nothing', () => undefined);
    mcp.tool('void', () => {});
    mcp.tool('image', async () => new Image({ data: new Uint8Array() }));
    mcp.tool('list', () => ['a', 1, new Image({ data: 'AA==' })]);
    mcp.tool('object', () => ({ any: { json: true } }));
    mcp.tool('result', (): CallToolResult => ({ content: [{ type: 'text', text: 'x' }] }));
  });

  it('must match an output schema', () => {
    mcp.tool('bmi', { output: z.object({ bmi: z.number() }) }, () => ({ bmi: 22.5 }));
    mcp.tool('async_bmi', { output: z.object({ bmi: z.number() }) }, async () => ({ bmi: 22.5 }));
    mcp.tool('scalar', { output: z.number() }, () => 3);
    mcp.tool('full', { output: z.object({ bmi: z.number() }) }, () => ({
      content: [{ type: 'text' as const, text: '22.5' }],
      structuredContent: { bmi: 22.5 },
    }));
    // @ts-expect-error: bmi must be a number
    mcp.tool('wrong_field', { output: z.object({ bmi: z.number() }) }, () => ({ bmi: 'high' }));
    // @ts-expect-error: a string is not the declared number
    mcp.tool('wrong_scalar', { output: z.number() }, () => 'three');
    // @ts-expect-error: the required field is missing
    mcp.tool('missing', { output: z.object({ bmi: z.number() }) }, async () => ({}));
    // @ts-expect-error: ok must be a boolean
    mcp.tool(
      'valibot_output',
      { output: toStandardJsonSchema(v.object({ ok: v.boolean() })) },
      () => ({
        ok: 'yes',
      }),
    );
  });
});

describe('the lifespan', () => {
  it('types ctx.lifespan from an async generator', () => {
    const withDb = new FastMCP('db', {
      lifespan: async function* () {
        yield { db: { query: (sql: string) => [sql] }, startedAt: new Date() };
      },
    });
    expectTypeOf(withDb).toEqualTypeOf<
      FastMCP<{ db: { query: (sql: string) => string[] }; startedAt: Date }>
    >();
    withDb.tool('q', { input: { sql: z.string() } }, ({ sql }, ctx) => {
      expectTypeOf(ctx.lifespan.db.query(sql)).toEqualTypeOf<string[]>();
      expectTypeOf(ctx.lifespan.startedAt).toEqualTypeOf<Date>();
      return 'ok';
    });
    withDb.resource('db://{table}', ({ table }, ctx) => ctx.lifespan.db.query(table).join());
    withDb.prompt('p', (_args, ctx) => String(ctx.lifespan.startedAt));
  });

  it('types ctx.lifespan from a function returning the context', () => {
    const counter = new FastMCP('counter', { lifespan: async () => ({ count: 1 }) });
    counter.tool('c', (_args, ctx) => {
      expectTypeOf(ctx.lifespan).toEqualTypeOf<{ count: number }>();
      return ctx.lifespan.count;
    });
  });

  it('is undefined without a lifespan', () => {
    mcp.tool('plain', (_args, ctx) => {
      expectTypeOf(ctx.lifespan).toEqualTypeOf<undefined>();
      return 'ok';
    });
  });
});

describe('resource template parameters', () => {
  it('are read from the template string', () => {
    mcp.resource('users://{id}/files{/path*}{?q}', (params) => {
      expectTypeOf(params).toEqualTypeOf<{ id: string; path: string[] } & { q?: string }>();
      expectTypeOf(params.id).toEqualTypeOf<string>();
      expectTypeOf(params.path).toEqualTypeOf<string[]>();
      expectTypeOf(params.q).toEqualTypeOf<string | undefined>();
      return params.path.join('/');
    });
    expectTypeOf<TemplateParams<'users://{id}/files{/path*}{?q}'>>().toMatchTypeOf<{
      id: string;
      path: string[];
      q?: string;
    }>();
    expectTypeOf<TemplateParams<'x://{+base}{#frag}{.ext}{;p}{&more,other*}'>>().toEqualTypeOf<
      { base: string; frag: string; ext: string; p: string } & {
        more?: string;
        other?: string[];
      }
    >();
    // a prefix ({b:3}) still names the variable b
    expectTypeOf<keyof TemplateParams<'x://{a,b:3}'>>().toEqualTypeOf<'a' | 'b'>();
    expectTypeOf<TemplateParams<'x://{a,b:3}'>['b']>().toEqualTypeOf<string>();
  });

  it('are empty for a static resource', () => {
    mcp.resource('config://app', (params) => {
      expectTypeOf(params).toEqualTypeOf<{} & {}>();
      // @ts-expect-error: a static resource has no parameters
      params.id;
      return 'x';
    });
  });

  it('are taken from a params shape when there is one', () => {
    mcp.resource('items://{id}/{slug}', { params: { id: z.coerce.number() } }, (params) => {
      expectTypeOf(params).toEqualTypeOf<{ id: number }>();
      return String(params.id);
    });
  });

  it('name the completable arguments', () => {
    mcp.resource(
      'users://{org}/{userId}',
      { complete: { userId: (value) => [value], org: async () => ['acme'] } },
      ({ userId }) => userId,
    );
    mcp.resource(
      'users://{userId}',
      // @ts-expect-error: the template has no parameter "user"
      { complete: { user: () => [] } },
      ({ userId }: { userId: string }) => userId,
    );
  });

  it('tell templates from plain URIs', () => {
    expectTypeOf<IsTemplate<'users://{id}'>>().toEqualTypeOf<true>();
    expectTypeOf<IsTemplate<'config://app'>>().toEqualTypeOf<false>();
    expectTypeOf<IsTemplate<string>>().toEqualTypeOf<boolean>();
  });
});

describe('prompt arguments', () => {
  it('are inferred from the args shape', () => {
    mcp.prompt(
      'review',
      { args: { code: z.string(), lines: z.coerce.number(), style: z.string().optional() } },
      (args) => {
        expectTypeOf(args.code).toEqualTypeOf<string>();
        expectTypeOf(args.lines).toEqualTypeOf<number>();
        expectTypeOf(args.style).toEqualTypeOf<string | undefined>();
        return [userMessage(args.code)];
      },
    );
  });

  it('are strings without an args shape', () => {
    mcp.prompt('plain', (args) => {
      expectTypeOf(args).toEqualTypeOf<Record<string, string>>();
      return 'x';
    });
  });

  it('name the completable arguments', () => {
    mcp.prompt(
      'c',
      { args: { language: z.string() }, complete: { language: () => ['ts'] } },
      () => 'x',
    );
    mcp.prompt(
      'd',
      // @ts-expect-error: the prompt has no argument "lang"
      { args: { language: z.string() }, complete: { lang: () => ['ts'] } },
      () => 'x',
    );
  });
});

describe('ctx.elicit', () => {
  it('types the accepted content from the shape', () => {
    mcp.tool('ask', async (_args, ctx) => {
      const answer = await ctx.elicit('Who?', {
        name: z.string(),
        age: z.number(),
        newsletter: z.boolean().optional(),
      });
      expectTypeOf(answer).toMatchTypeOf<ElicitationResult<{ name: string; age: number }>>();
      if (answer.action === 'accept') {
        expectTypeOf(answer.content.newsletter).toEqualTypeOf<boolean | undefined>();
        expectTypeOf(answer.content.name).toEqualTypeOf<string>();
        expectTypeOf(answer.content.age).toEqualTypeOf<number>();
        return answer.content.name;
      }
      expectTypeOf(answer.action).toEqualTypeOf<'decline' | 'cancel'>();
      expectTypeOf(answer.content).toEqualTypeOf<undefined>();
      return answer.action;
    });
  });

  it('types the accepted content from an object schema', () => {
    mcp.tool('ask_object', async (_args, ctx) => {
      const answer = await ctx.elicit('Size?', z.object({ size: z.enum(['S', 'M', 'L']) }));
      if (answer.action === 'accept')
        expectTypeOf(answer.content.size).toEqualTypeOf<'S' | 'M' | 'L'>();
      return 'ok';
    });
  });
});

describe('ctx.elicit with plain JSON Schema', () => {
  it('gives a record, and refuses a non-object schema', () => {
    mcp.tool('ask_json', async (_args, ctx) => {
      const answer = await ctx.elicit('Size?', {
        type: 'object',
        properties: { size: { type: 'string', enum: ['S', 'L'] } },
      });
      if (answer.action === 'accept')
        expectTypeOf(answer.content).toEqualTypeOf<Record<string, unknown>>();
      // @ts-expect-error -- an elicitation form is an object schema
      await ctx.elicit('Size?', { type: 'string' });
      return 'ok';
    });
  });
});

describe('lifecycle()', () => {
  it('accepts servers whatever their lifespan type', () => {
    const plain = new FastMCP('plain');
    const withDb = new FastMCP('db', { lifespan: async () => ({ db: 1 }) });
    const withGenerator = new FastMCP('gen', {
      lifespan: async function* () {
        yield { cache: new Map<string, string>() };
      },
    });
    // the README's use: one start and close for several mounted servers, each with its lifespan
    lifecycle(plain, withDb, withGenerator);
  });
});
