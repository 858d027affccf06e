// Where a run's CPU went: the server's processes against the machine's Postgres processes, read from /proc (Linux).
// A bench reads it before and after a phase and divides by the requests it sent, so a figure says which side a
// request's cost is on (a slow Node render and a slow plan look the same from the client).
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux kernel Node runs on.

/** utime + stime of one process in ms, or null when it is gone or /proc is not there. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: the fields after it start at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function commandName(pid: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return null;
  }
}

/** CPU of every running postgres process (backends, the writer, the WAL writer…) in ms. */
function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  let total = 0;
  for (const pid of pids) {
    if (commandName(pid) !== "postgres") continue;
    total += processCpuMs(Number(pid)) ?? 0;
  }
  return total;
}

/** The ids of a process's running children (every thread's), or none when it is gone. */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** CPU of a process and every running process under it in ms: the server's workers with SERVER_WORKERS above 1. */
function treeCpuMs(pid: number): number | null {
  const own = processCpuMs(pid);
  if (own === null) return null;
  return childrenOf(pid).reduce((total, child) => total + (treeCpuMs(child) ?? 0), own);
}

export type CpuReading = { server: number | null; postgres: number | null };

export function readCpu(serverPid: number | undefined): CpuReading {
  return { server: serverPid ? treeCpuMs(serverPid) : null, postgres: postgresCpuMs() };
}

/**
 * CPU ms per request on each side between two readings. A Postgres backend that ends between them takes its time
 * with it: the figure is a floor, and exact while the pool keeps its connections (as it does under load).
 */
export function cpuPerRequest(before: CpuReading, after: CpuReading, requests: number) {
  const per = (a: number | null, b: number | null) => (a === null || b === null || requests === 0 ? null : Math.round(((b - a) / requests) * 100) / 100);
  return { server_cpu_ms_per_request: per(before.server, after.server), postgres_cpu_ms_per_request: per(before.postgres, after.postgres) };
}
