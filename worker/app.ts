/**
 * The claimcard API as one Hono app: middleware that every route shares, then one
 * sub-app per feature.
 *
 * @module
 */
import { Hono } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { AppEnv } from "./env.ts";
import { publicCors } from "./middleware/cors.ts";
import { apiHeaders } from "./middleware/security.ts";
import { withStore } from "./middleware/store.ts";
import { problemResponse, toProblem } from "./problem.ts";
import { admin } from "./routes/admin.ts";
import { adminData } from "./routes/admin-data.ts";
import { drafts } from "./routes/admin-drafts.ts";
import { history } from "./routes/admin-history.ts";
import { claimPageRoute } from "./routes/claim-page.ts";
import { claims } from "./routes/claims.ts";
import { desk } from "./routes/desk.ts";
import { embed } from "./routes/embed.ts";
import { health } from "./routes/health.ts";
import { lookup } from "./routes/lookup.ts";
import { match } from "./routes/match.ts";
import { oembed } from "./routes/oembed.ts";
import { openapi } from "./routes/openapi.ts";
import { site } from "./routes/site.ts";

/**
 * @example
 * export default { fetch: app.fetch };
 */
export const app = new Hono<AppEnv>();

app.use(
  methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) =>
      problemResponse("method-not-allowed", `${c.req.method} is not allowed here. Use ${methods.join(", ")}.`, {
        headers: { Allow: methods.join(", ") },
      }),
  }),
);
app.use(withStore);
app.use("/v1/*", publicCors, apiHeaders);

app.route("/", health);
app.route("/", site);
app.route("/", openapi);
app.route("/", embed);
app.route("/", claimPageRoute);
app.route("/v1/claims", claims);
app.route("/v1/claims", admin);
app.route("/v1/claims", history);
app.route("/v1/drafts", drafts);
app.route("/v1/admin", adminData);
app.route("/", desk);
app.route("/v1/lookup", lookup);
app.route("/v1/match", match);
app.route("/v1/oembed", oembed);

app.notFound((c) => problemResponse("not-found", `Nothing is served at ${new URL(c.req.url).pathname}.`));
app.onError((err) => toProblem(err));
