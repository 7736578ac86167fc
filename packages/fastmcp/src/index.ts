// @mcpkit/fastmcp: the whole public surface of the package. Everything exported here is listed
// by name; nothing from src/internal is.

export type { BinaryData, ToolValue } from './content';
// Results: content helpers and the error the model should read
export { Audio, Image, resourceLink, ToolError } from './content';
export type { ContextHost, ElicitationResult, SampleOptions } from './context';
// The context handlers receive
export { Context } from './context';
export type {
  AuthSettings,
  Completer,
  FastMCPOptions,
  Lifecycle,
  PromptConfig,
  PromptHandler,
  Registration,
  ResourceConfig,
  ResourceHandler,
  ResourceParams,
  ResourceValue,
  RunOptions,
  ToolArgs,
  ToolConfig,
  ToolHandler,
  ToolReturn,
  TransportName,
} from './fastmcp';
// The server
export { FastMCP, lifecycle } from './fastmcp';
export type { MessageContent, PromptValue } from './prompt-messages';
// Prompt messages
export { assistantMessage, userMessage } from './prompt-messages';
export type {
  Infer,
  JsonSchemaObject,
  OutputOf,
  SchemaInput,
  SchemaShape,
  StandardSchemaLike,
} from './schema';
export type { FastMCPSettings } from './settings';
export type { IsTemplate, TemplateParams, TemplateValue } from './uri-template';
// URI templates (RFC 6570)
export { UriTemplate } from './uri-template';
