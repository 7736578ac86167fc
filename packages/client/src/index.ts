// @mcpkit/client: the whole public surface of the package. Everything exported here is listed
// by name; nothing from src/internal is.

export type { CallOptions, ClientOptions } from './client';
// The client
export { Client } from './client';
export type { DiscoveryCache, DiscoveryVerdict } from './discovery';
// Era discovery
export { defaultDiscoveryCache, judgeProbe } from './discovery';
export type {
  ElicitationHandler,
  InputContext,
  InputHandlers,
  RootsHandler,
  SamplingHandler,
} from './input-handlers';
// Answering the server's questions
export { withDefaults } from './input-handlers';
export type { ResultCacheOptions } from './result-cache';
// Caching of stateless results
export { ResultCache } from './result-cache';
export type { SubscriptionNotification } from './subscription';

// Listen streams (stateless era)
export { Subscription } from './subscription';
export type { HeaderParam } from './tool-catalog';
// Tools
export { headerParamsOf } from './tool-catalog';
