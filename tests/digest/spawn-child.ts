import { spawn } from 'node:child_process';

/** A kill test's bot process (a script run through tsx): when it exits, a SIGKILL, and all it printed. */
export function spawnChild(script: string, args: string[]): { exited: Promise<number | null>; kill(): void; output: () => string } {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { exited, kill: () => proc.kill('SIGKILL'), output: () => output };
}
