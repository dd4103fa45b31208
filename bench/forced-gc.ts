import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A heap figure means something only after a full collection: V8 grows the heap instead of collecting
// while it has room, so heapUsed read mid-run counts garbage. `npm run bench` runs without
// --expose-gc, so the flag is set at run time and gc is taken from a fresh context, where V8 then
// defines it.
let collect: (() => void) | undefined = globalThis.gc;

/** heapUsed and off-heap bytes (typed-array buffers) after a full garbage collection. */
export function heapAfterGc(): { heap: number; offHeap: number } {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  // Twice: the first pass can leave objects whose finalizers ran to the second.
  collect();
  collect();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, offHeap: usage.arrayBuffers };
}
