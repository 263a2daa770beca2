/**
 * incident-bridge as a separate process, so a test can kill it with SIGKILL at any moment and
 * start it again on the same store, as a crash and a restart would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export class ServiceProcess {
  private child: ChildProcess | undefined;
  private readonly log: WriteStream;
  starts = 0;

  constructor(
    private readonly configPath: string,
    readonly port: number,
    logPath: string,
  ) {
    this.log = createWriteStream(logPath, { flags: 'a' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.starts += 1;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, 'serve', '--config', this.configPath, '--port', String(this.port)],
      {
        env: { ...process.env, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
    await this.untilHealthy();
  }

  /** SIGKILL: no shutdown hooks, no drain, leases left held. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = undefined;
    this.log.end();
  }

  private async untilHealthy(): Promise<void> {
    for (let waited = 0; waited < 60_000; waited += 200) {
      try {
        const response = await fetch(`${this.url}/api/v1/health?probe=liveness`);
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('incident-bridge did not become healthy in 60 s');
  }
}
