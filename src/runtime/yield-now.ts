/**
 * Yields to the event loop as a macrotask, so messages (a cancel) get through between steps.
 * MessageChannel avoids setTimeout's 4 ms clamp; Node uses setImmediate.
 */
export function yieldNow(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
