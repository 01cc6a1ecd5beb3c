// Types of `cloudflare:workers` in the Worker tests: the bindings of wrangler.toml, and
// the main module, so that `exports.default.fetch` is typed.
import type { Bindings } from "../../worker/env.ts";

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {}
    interface GlobalProps {
      mainModule: typeof import("../../worker/index.ts");
    }
  }
}
