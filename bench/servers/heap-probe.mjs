// Lets the bench ask a server process for its heap after a full GC (run with --expose-gc and an
// IPC channel): the parent sends 'heap', the server answers with heapUsed in bytes.
export function installHeapProbe() {
  if (!process.send) return;
  process.on('message', (message) => {
    if (message !== 'heap') return;
    globalThis.gc?.();
    globalThis.gc?.();
    process.send({ heapUsed: process.memoryUsage().heapUsed });
  });
  // the IPC channel must not keep the process alive on its own
  process.channel?.unref();
}
