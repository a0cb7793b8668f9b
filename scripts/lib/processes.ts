// Child processes with prefixed output, stopped together in reverse order.
import { spawn, type ChildProcess } from "node:child_process";

export type Child = { name: string; proc: ChildProcess; exited: Promise<number | null> };

export function startChild(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, opts: { quiet?: RegExp } = {}): Child {
  const proc = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}]`.padEnd(7);
  const pipe = (stream: NodeJS.ReadableStream, out: NodeJS.WritableStream) => {
    let buf = "";
    stream.on("data", (chunk) => {
      buf += chunk.toString();
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const line of lines) if (line.trim() && !opts.quiet?.test(line)) out.write(`${prefix} ${line}\n`);
    });
  };
  pipe(proc.stdout!, process.stdout);
  pipe(proc.stderr!, process.stderr);
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { name, proc, exited };
}

export async function stopChild(c: Child, timeoutMs = 10_000) {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  c.proc.kill("SIGTERM");
  const timer = setTimeout(() => c.proc.kill("SIGKILL"), timeoutMs);
  await c.exited;
  clearTimeout(timer);
}

export async function waitForHttp(url: string, timeoutMs: number, ok: (status: number) => boolean = (s) => s === 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (ok(res.status)) return true;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}
