/**
 * Keeps every better-sqlite3 database and statement the PDS opens reachable until the process ends.
 * better-sqlite3 12.11 under Node 24 aborts the process when the garbage collector finalises one of
 * them outside a V8 context (`node::RemoveEnvironmentCleanupHook: Assertion (env) != nullptr`, from
 * `Database::~Database`); a PDS serving many short-lived clients, some killed mid-request, hit it
 * within a minute. Objects that are never collected are never finalised. Test-only: it trades a few
 * megabytes of memory for a PDS that lives as long as the test.
 */
import { createRequire } from 'node:module';

type Method = (this: object, ...args: unknown[]) => unknown;

const pinned = new Set<unknown>();
let done = false;

export function pinSqliteObjects(): void {
  if (done) return;
  done = true;
  // Resolved the way @atproto/pds resolves it, so the same module instance is patched.
  const require = createRequire(createRequire(import.meta.url).resolve('@atproto/pds'));
  const Database = require('better-sqlite3') as { prototype: Record<string, Method> };
  for (const name of ['prepare', 'exec', 'pragma', 'transaction']) {
    const original = Database.prototype[name];
    if (typeof original !== 'function') continue;
    Database.prototype[name] = function pinned_(this: object, ...args: unknown[]): unknown {
      pinned.add(this);
      const result = original.apply(this, args);
      if (name === 'prepare') pinned.add(result);
      return result;
    };
  }
}
