/** Answers the bench's 'heap' IPC message with the heap used after a full GC. */
export function installHeapProbe(): void;
