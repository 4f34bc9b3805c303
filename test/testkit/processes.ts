/**
 * Real OS processes for multi-process end-to-end tests: spawn a script, wait for its ready line, keep its output,
 * and stop it (gracefully or with SIGKILL). Each process leads a process group of its own, so stopping it ends
 * everything it started too; one still running when the test process ends stops by itself (exit-with-parent.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT, SUBGRAPH_NAMES, type SubgraphName } from '../../lib/config';

export interface ProcessSpec {
  /** Label of the process in its output, e.g. `licenses`. */
  name: string;
  /** A TypeScript script of the project, run with tsx, e.g. `scripts/start-subgraph.ts`. */
  script: string;
  args?: string[];
  /** The whole environment of the process. */
  env: NodeJS.ProcessEnv;
  /** The line that says the process is ready; its match is returned. */
  ready: RegExp;
  /** How long to wait for the ready line (default 30 s). */
  readyTimeoutMs?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface TestProcess {
  readonly name: string;
  readonly pid: number;
  /** The match of the ready line. */
  readonly readyMatch: RegExpMatchArray;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /** SIGTERM and wait for the exit; SIGKILL after `graceMs` (default 10 s). */
  stop(graceMs?: number): Promise<Exit>;
  /** SIGKILL (no chance to clean up, like a crash) and wait for the exit. */
  kill(): Promise<Exit>;
}

const EXIT_WITH_PARENT = pathToFileURL(path.join(__dirname, 'exit-with-parent.ts')).href;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // a negative pid addresses the process group the child leads (spawned detached)
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** The output of all processes of a test, each line labelled with its process and start number. */
export class OutputLog {
  private readonly lines: string[] = [];

  add(label: string, chunk: string): void {
    for (const line of chunk.split('\n')) if (line.trim() !== '') this.lines.push(`[${label}] ${line}`);
  }

  /** The last `max` lines (all of them by default). */
  text(max = Infinity): string {
    return this.lines.slice(-max).join('\n');
  }
}

let starts = 0;

/** Starts `spec` and resolves once it printed its ready line; rejects (and kills it) if it exits or times out first. */
export function startProcess(spec: ProcessSpec, log: OutputLog): Promise<TestProcess> {
  const label = `${spec.name}#${++starts}`;
  // node with tsx's loader, not `npx tsx`: one process, so a SIGKILL hits the server itself
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', EXIT_WITH_PARENT, path.join(PROJECT_ROOT, spec.script), ...(spec.args ?? [])], {
    cwd: PROJECT_ROOT,
    env: spec.env,
    // stdin: a pipe that only closes when this process ends (see exit-with-parent.ts)
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let alive = true;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      log.add(label, `exited (code ${code}, signal ${signal})`);
      resolve({ code, signal });
    });
  });
  const stop = async (signal: NodeJS.Signals, graceMs: number): Promise<Exit> => {
    if (!alive) return exited;
    killGroup(child, signal);
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    const exit = await exited;
    clearTimeout(timer);
    // anything the process started and left behind in its group
    killGroup(child, 'SIGKILL');
    return exit;
  };
  return new Promise<TestProcess>((resolve, reject) => {
    let pending = '';
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop('SIGKILL', 0).then(() => reject(new Error(`${label} ${why}\n${log.text(200)}`)));
    };
    const timeoutMs = spec.readyTimeoutMs ?? 30_000;
    const timer = setTimeout(() => fail(`printed no ready line within ${timeoutMs} ms`), timeoutMs);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => log.add(label, chunk));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      log.add(label, chunk);
      if (settled) return;
      pending += chunk;
      const match = pending.match(spec.ready);
      if (!match) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        name: spec.name,
        pid: child.pid!,
        readyMatch: match,
        exited,
        stop: (graceMs = 10_000) => stop('SIGTERM', graceMs),
        kill: () => stop('SIGKILL', 0),
      });
    });
    child.once('error', (err) => fail(`could not be started: ${err.message}`));
    void exited.then(({ code, signal }) => fail(`exited before it was ready (code ${code}, signal ${signal})`));
  });
}

/** `count` distinct TCP ports free on 127.0.0.1 right now (each listened on, then closed). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/**
 * Runs a test body; when it fails, the processes' recent output is appended to the error, so that the report
 * shows what the servers said.
 */
export function withOutputOnFailure(log: OutputLog, body: () => Promise<void>, lines = 300): () => Promise<void> {
  return async () => {
    try {
      await body();
    } catch (err) {
      if (err instanceof Error) err.message += `\n\nOutput of the processes (last ${lines} lines):\n${log.text(lines)}`;
      throw err;
    }
  };
}

/** `npm run start:subgraph -- <name>` as a process on `port` (env: DATABASE_URL or DATA_DIR, REDIS_URL, ...). */
export function startSubgraphProcess(name: SubgraphName, port: number, env: NodeJS.ProcessEnv, log: OutputLog): Promise<TestProcess> {
  return startProcess({
    name,
    script: 'scripts/start-subgraph.ts',
    args: [name],
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    ready: new RegExp(`Subgraph ${name} ready: (\\S+)`),
  }, log);
}

/** Where a subgraph process on `port` serves GraphQL. */
export const subgraphUrl = (port: number): string => `http://127.0.0.1:${port}/graphql`;

/** `npm run start:gateway` as a process on `port`, finding each subgraph on its port of `subgraphPorts`. */
export function startGatewayProcess(name: string, port: number, subgraphPorts: Record<SubgraphName, number>, env: NodeJS.ProcessEnv, log: OutputLog): Promise<TestProcess> {
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((s) => [`SUBGRAPH_${s.toUpperCase()}_URL`, subgraphUrl(subgraphPorts[s])]));
  return startProcess({
    name,
    script: 'scripts/start-gateway.ts',
    env: { ...env, ...urls, PORT: String(port), HOST: '127.0.0.1' },
    ready: /Gateway ready: (\S+)/,
  }, log);
}
