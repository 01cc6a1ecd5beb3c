/**
 * `npm run editor:token -- <name>`: makes a new token for a named editor and prints it
 * once, with the SHA-256 to put under their name in the `EDITORS` secret. The Worker
 * keeps only the hash; give the token to the editor privately.
 *
 * @module
 */
import { createHash, randomBytes } from "node:crypto";

const name = process.argv[2];
if (!name || !/^[\p{L}\p{N} ._-]{1,64}$/u.test(name)) {
  console.error(
    "editor:token: give the editor's name (letters, digits, spaces, . ' _ -), e.g. npm run editor:token -- \"alice\"",
  );
  process.exit(1);
}
const token = randomBytes(32).toString("base64url");
const hash = createHash("sha256").update(token).digest("hex");
console.log(`token for ${name} (give it to them, then forget it): ${token}`);
console.log(`add to EDITORS (npx wrangler secret put EDITORS): ${JSON.stringify({ [name]: hash })}`);
