/**
 * Loaded first (`node --import`) into every process a test spawns, with a pipe as its stdin: when the test process
 * goes away, however it ends (even killed), the pipe closes and this process stops as on SIGTERM, and for good
 * after 10 s. Listeners in the test cannot do this: jest gives a test its own `process`, which real signals and
 * the exit of the real process never reach.
 */
const stopWithParent = () => {
  setTimeout(() => process.exit(1), 10_000).unref();
  process.kill(process.pid, 'SIGTERM');
};
process.stdin.once('end', stopWithParent);
process.stdin.once('error', stopWithParent);
process.stdin.resume();

export {}; // a module: its names stay its own
