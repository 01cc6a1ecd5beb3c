/**
 * Writes the WordPress plugin's constants (`integrations/wordpress/claimcard/includes/constants.php`)
 * from `shared/constants.ts`, so that the plugin's iframe size has one home with the API's
 * oEmbed answer. The plugin is distributed on its own, so the file is committed; `npm run
 * build` rewrites it and a test checks that it is up to date. Part of `npm run build`.
 *
 * @module
 */
import { readFile, writeFile } from "node:fs/promises";
import { embedFrameSize } from "../shared/embed-protocol.ts";

/** The generated file. */
export const WORDPRESS_CONSTANTS = "integrations/wordpress/claimcard/includes/constants.php";

/**
 * The PHP source of the plugin's constants.
 *
 * @example
 * wordpressConstants(); // "<?php … const CLAIMCARD_IFRAME_HEIGHT = 364; …"
 */
export function wordpressConstants(): string {
  return `<?php
/**
 * Generated from shared/constants.ts by npm run build (scripts/wordpress-constants.ts): do not edit.
 *
 * @package claimcard
 */

defined( 'ABSPATH' ) || exit;

/**
 * The iframe's height before the card reports its own: the compact card's height and the
 * embed page's padding, the height of the API's oEmbed answer. widget.js then applies the
 * card's exact height.
 */
const CLAIMCARD_IFRAME_HEIGHT = ${embedFrameSize().height};
`;
}

if (import.meta.main) {
  const next = wordpressConstants();
  const now = await readFile(WORDPRESS_CONSTANTS, "utf8").catch(() => "");
  if (now !== next) await writeFile(WORDPRESS_CONSTANTS, next);
  console.log(`build: ${WORDPRESS_CONSTANTS} ${now === next ? "up to date" : "written"}`);
}
