/**
 * The Worker's entry point: the app, and the Durable Object class that serializes writes.
 *
 * @module
 */
import { app } from "./app.ts";

export { ClaimWriter } from "./writer/claim-writer.ts";

export default app satisfies ExportedHandler<import("./env.ts").Bindings>;
