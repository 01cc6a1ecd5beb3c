/**
 * The Worker's entry point.
 *
 * @module
 */
import { app } from "./app.ts";

export default app satisfies ExportedHandler<import("./env.ts").Bindings>;
