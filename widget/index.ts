/**
 * `widget.js`: defines `<claim-card>` once, however many times the script is loaded.
 *
 * @example
 * <script type="module" src="https://claims.example.org/widget.js"></script>
 * <claim-card claim="dnc-hack-2016"></claim-card>
 *
 * @module
 */
import { ClaimCard } from "./claim-card.ts";

if (!customElements.get("claim-card")) customElements.define("claim-card", ClaimCard);

export { ClaimCard };
