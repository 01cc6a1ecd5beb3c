/**
 * The desk's script (`/admin/desk.js`): the desk itself and the real `<claim-card>`, for
 * the preview. Built by `scripts/build-desk.ts`; its size is not bound by the widget's
 * budget (only editors load it).
 *
 * @module
 */
import { ClaimCard } from "../widget/claim-card.ts";
import { ClaimDesk } from "./app.ts";

if (!customElements.get("claim-card")) customElements.define("claim-card", ClaimCard);
if (!customElements.get("claim-desk")) customElements.define("claim-desk", ClaimDesk);
