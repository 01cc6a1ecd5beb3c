/**
 * Builds the OpenAPI 3.1 document from the app itself: every route's `operation(…)`
 * (`describe.ts`) and the schemas of its validators, with hono-openapi's `generateSpecs`.
 * It runs at build time (`npm run build` writes `public/openapi.json`), so that the
 * generator stays out of the Worker's bundle; the Worker serves the file with its own
 * origin as server.
 *
 * @module
 */

import type { Hono } from "hono";
import { generateSpecs } from "hono-openapi";

/** The document's `info`. */
const INFO = {
  title: "claimcard API",
  version: "1",
  summary: "Who accuses whom of which cyberattack, on what basis, and who denies it.",
  description:
    "Fact-check cards about state-attributed cyberattacks: the accusation, the accusers and the denials, with their sources, in French and English. Errors are RFC 9457 problems (`application/problem+json`).",
  license: { name: "MIT", identifier: "MIT" },
};

/**
 * The OpenAPI document of `app`, with `origin` as its server.
 *
 * @example
 * const doc = await openApiDocument(app, "https://claims.example.org");
 */
export async function openApiDocument(app: Hono<never>, origin: string): Promise<Record<string, unknown>> {
  const doc = await generateSpecs(app, {
    documentation: {
      openapi: "3.1.0",
      info: INFO,
      servers: [{ url: origin }],
      components: {
        securitySchemes: {
          admin: {
            type: "http",
            scheme: "bearer",
            description: "An editor's token (ADMIN_TOKEN, or a named editor's token).",
          },
        },
      },
    },
    defaultValidationErrorResponse: false,
    excludeStaticFile: false,
  });
  return doc as unknown as Record<string, unknown>;
}
