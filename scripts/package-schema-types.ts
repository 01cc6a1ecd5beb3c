/**
 * The schema's types for the widget package, without Valibot. The widget imports
 * `schema/` for types only, but `schema/`'s declarations are Valibot schemas
 * (`v.InferOutput<typeof Claim>`): shipping them would make every user of the widget
 * install Valibot for its types. So the types are generated from the same schemas, by
 * the field's tools: Valibot's own JSON Schema converter (`@valibot/to-json-schema`,
 * output types), then `json-schema-to-typescript`. Each schema that `schema/` exports
 * becomes a definition, so that the record's parts keep their names (`Statement`,
 * `Source`, `Localized`…) instead of being spelled out in place.
 *
 * The client package ships the Valibot declarations as they are: Valibot is its
 * dependency anyway. The package test assigns the client's `Claim` to the widget's
 * `data`, so the two spellings cannot drift apart.
 *
 * @module
 */
import { toJsonSchemaDefs } from "@valibot/to-json-schema";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import type * as v from "valibot";
import * as schema from "../schema/index.ts";

/** Schemas that only rename another for the OpenAPI document: their type is the other's. */
const ALIASES: Record<string, string> = { ClaimDocument: "Claim" };

const BANNER =
  "/**\n * The record and API types of claimcard, generated from the Valibot schemas of `schema/`\n" +
  " * by `scripts/package-schema-types.ts` (JSON Schema, then json-schema-to-typescript).\n" +
  " * Do not edit: change the schema.\n *\n * @module\n */";

/**
 * The declaration file that exports `names`, each a Valibot schema that `schema/` exports.
 * Throws for a name that is not one.
 *
 * @example
 * await writeFile("types/schema/index.d.ts", await schemaTypes(["Claim", "MatchResult"]));
 */
export async function schemaTypes(names: readonly string[]): Promise<string> {
  const schemas = exportedSchemas();
  for (const name of names)
    if (!Object.hasOwn(schemas, name))
      throw new Error(`schema/ exports no Valibot schema named ${name}: the widget's types can only name schema types`);
  const defs = toJsonSchemaDefs(schemas, { typeMode: "output", errorMode: "ignore" }) as Record<string, JSONSchema>;
  for (const [alias, target] of Object.entries(ALIASES)) if (defs[alias]) defs[alias] = { $ref: `#/$defs/${target}` };
  const root: JSONSchema = { $defs: defs, anyOf: names.map((name) => ({ $ref: `#/$defs/${name}` })) } as JSONSchema;
  const ROOT_NAME = "ClaimcardSchemaRoot";
  const ts = await compile(root, ROOT_NAME, {
    bannerComment: BANNER,
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    declareExternallyReferenced: true,
    strictIndexSignatures: true,
    format: true,
  });
  const withoutRoot = ts.replace(new RegExp(`^export type ${ROOT_NAME} =[^;]*;\\n`, "m"), "");
  if (withoutRoot === ts) throw new Error("json-schema-to-typescript wrote no root type to drop: check its output");
  for (const name of names)
    if (!new RegExp(`^export (?:interface|type) ${name}\\b`, "m").test(withoutRoot))
      throw new Error(`the generated types do not declare ${name}`);
  return withoutRoot;
}

/** Every Valibot schema `schema/` exports under a type's name (capitalized). */
function exportedSchemas(): Record<string, v.GenericSchema> {
  const out: Record<string, v.GenericSchema> = {};
  for (const [name, value] of Object.entries(schema)) if (/^[A-Z]/.test(name) && isSchema(value)) out[name] = value;
  return out;
}

function isSchema(value: unknown): value is v.GenericSchema {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "schema";
}
