/**
 * The tools a server lists, checked once: a tool with an invalid definition is left out with a
 * warning and the others stay usable; each output schema is compiled once, in its own JSON Schema
 * dialect, and checks every `structuredContent` the tool returns. No `$ref` is ever fetched.
 */
import { type CompiledSchema, compileSchema, InvalidSchemaError } from '@mcpkit/json-schema';
import type { Logger } from '@mcpkit/jsonrpc';
import { type CallToolResult, SdkError, type Tool, ToolSchema, truncate } from '@mcpkit/protocol';

/** An argument mirrored into an HTTP header (2026-07-28 `x-mcp-header`). */
export interface HeaderParam {
  /** The argument's property name. */
  property: string;
  /** The header suffix: the header is `Mcp-Param-<name>`. */
  name: string;
}

interface Entry {
  tool: Tool;
  output: CompiledSchema | undefined;
  headers: HeaderParam[];
}

// RFC 9110 token characters: what may stand in a header name.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// 2026-07-28: only these may carry x-mcp-header (a float's text form is not canonical)
const MIRRORABLE = new Set(['string', 'integer', 'boolean']);

/** Known tools by name, with their compiled output schemas. */
export class ToolCatalog {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly logger: Logger) {}

  /**
   * Checks a page of listed tools and remembers the valid ones. Returns the tools that are kept;
   * each one left out is reported to the logger with the reason.
   */
  accept(tools: readonly Tool[]): Tool[] {
    const kept: Tool[] = [];
    for (const tool of tools) {
      const problem = this.check(tool);
      if (typeof problem === 'string') {
        const name = typeof tool?.name === 'string' ? `"${truncate(tool.name)}"` : '(unnamed)';
        this.logger.warn(`left out tool ${name}: ${problem}`);
        continue;
      }
      this.entries.set(tool.name, problem);
      kept.push(tool);
    }
    return kept;
  }

  /** Forgets every tool (the list changed). */
  clear(): void {
    this.entries.clear();
  }

  /** The arguments of `toolName` to mirror into headers, if the tool is known. */
  headerParams(toolName: string): HeaderParam[] {
    return this.entries.get(toolName)?.headers ?? [];
  }

  /**
   * Checks a tool result against the tool's output schema. Throws `SdkError('INVALID_RESULT')`
   * when structured content is missing or does not match; error results are not checked.
   */
  checkResult(toolName: string, result: CallToolResult): void {
    const entry = this.entries.get(toolName);
    if (!entry?.output || result.isError) return;
    if (result.structuredContent === undefined) {
      throw new SdkError(
        'INVALID_RESULT',
        `Tool "${truncate(toolName)}" declares an output schema but returned no structuredContent.`,
      );
    }
    const verdict = entry.output.validate(result.structuredContent);
    if (!verdict.valid) {
      const issues = verdict.issues
        .slice(0, 3)
        .map((i) => `${i.instancePath || '(root)'} ${i.message}`)
        .join('; ');
      throw new SdkError(
        'INVALID_RESULT',
        `Tool "${truncate(toolName)}" returned structuredContent that does not match its output schema: ${issues}.`,
      );
    }
  }

  private check(tool: Tool): string | Entry {
    if (typeof tool !== 'object' || tool === null) return 'it is not an object';
    if (typeof tool.name !== 'string' || tool.name.length === 0) return 'it has no name';
    const shape = ToolSchema.safeParse(tool);
    if (!shape.success) {
      const issue = shape.error.issues[0];
      return `it is not a valid tool definition (${issue?.path.join('.') || '(root)'}: ${issue?.message})`;
    }
    const input = tool.inputSchema as Record<string, unknown> | undefined;
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return 'inputSchema is not an object';
    if (input.type !== 'object') return 'inputSchema must have type "object"';
    try {
      compileSchema(input);
    } catch (error) {
      if (error instanceof InvalidSchemaError)
        return `inputSchema is not a valid JSON Schema (${error.problems.slice(0, 2).join('; ')})`;
      throw error;
    }
    let output: CompiledSchema | undefined;
    if (tool.outputSchema !== undefined) {
      if (typeof tool.outputSchema !== 'object' || tool.outputSchema === null)
        return 'outputSchema is not an object';
      try {
        output = compileSchema(tool.outputSchema);
      } catch (error) {
        if (error instanceof InvalidSchemaError)
          return `outputSchema is not a valid JSON Schema (${error.problems.slice(0, 2).join('; ')})`;
        throw error;
      }
      for (const warning of output.warnings)
        this.logger.warn(`tool "${truncate(tool.name)}": ${warning}`);
    }
    const headers = headerParamsOf(input);
    if (typeof headers === 'string') return headers;
    return { tool, output, headers };
  }
}

/**
 * The `x-mcp-header` annotations of an input schema's top-level properties, or why they are
 * invalid: empty, not a header token, on a property that is not a primitive, or duplicated
 * (case-insensitively).
 */
export function headerParamsOf(inputSchema: Record<string, unknown>): HeaderParam[] | string {
  const properties = inputSchema.properties;
  if (typeof properties !== 'object' || properties === null) return [];
  const out: HeaderParam[] = [];
  const seen = new Set<string>();
  for (const [property, schema] of Object.entries(properties as Record<string, unknown>)) {
    if (typeof schema !== 'object' || schema === null || !('x-mcp-header' in schema)) continue;
    const name = (schema as Record<string, unknown>)['x-mcp-header'];
    if (typeof name !== 'string' || name.length === 0)
      return `property "${property}" has an empty or non-string x-mcp-header`;
    if (!TOKEN.test(name))
      return `property "${property}" has x-mcp-header "${truncate(name, 40)}", which is not a valid header name`;
    const type = (schema as Record<string, unknown>).type;
    if (typeof type !== 'string' || !MIRRORABLE.has(type)) {
      return `property "${property}" carries x-mcp-header but is not a string, integer or boolean`;
    }
    const folded = name.toLowerCase();
    if (seen.has(folded)) return `x-mcp-header "${name}" is used twice`;
    seen.add(folded);
    out.push({ property, name });
  }
  return out;
}
