/// <reference types="vite/client" />
/**
 * The Rate Limiting bindings of wrangler.toml, for the tests that count requests up to
 * them: wrangler.toml is the one home of each limit (it is what Cloudflare enforces), so
 * the tests read it there, through Vite (workerd has no filesystem), instead of retyping
 * it. wrangler.toml writes each one as `simple = { limit = N, period = S }`.
 */
import wranglerToml from "../../wrangler.toml?raw";

/** One Rate Limiting binding: at most `limit` requests per `period` seconds and key. */
export interface RateLimit {
  limit: number;
  period: number;
}

/**
 * The binding named `name` in wrangler.toml's `[[ratelimits]]`.
 *
 * @example
 * rateLimit("MATCH_LIMIT"); // { limit: 120, period: 60 }
 */
export function rateLimit(name: string): RateLimit {
  for (const table of wranglerToml.split(/^\[\[ratelimits\]\]\s*$/m).slice(1)) {
    const body = table.split(/^\[/m)[0]!;
    if (body.match(/^name\s*=\s*"([^"]*)"/m)?.[1] !== name) continue;
    const simple = body.match(/^simple\s*=\s*\{\s*limit\s*=\s*(\d+)\s*,\s*period\s*=\s*(\d+)\s*\}/m);
    if (!simple) throw new Error(`wrangler.toml: the rate limit ${name} is not "simple = { limit = N, period = S }"`);
    return { limit: Number(simple[1]), period: Number(simple[2]) };
  }
  throw new Error(`wrangler.toml has no [[ratelimits]] named ${name}`);
}
