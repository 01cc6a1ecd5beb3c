/**
 * The component manifest of `<claim-card>` (`custom-elements.json`), written by
 * `npm run build` from the JSDoc tags of the component class (`@summary`, `@attr`,
 * `@event`, `@csspart`, `@cssproperty`), with the analyzer's Lit support so that Lit's
 * internals stay out of it.
 */
export default {
  globs: ["widget/claim-card.ts"],
  outdir: ".",
  litelement: true,
  packagejson: true,
  plugins: [
    {
      // The card dispatches one of its two events by a condition, which the analyzer
      // reads as a third event with no name: the JSDoc @event tags name both.
      name: "drop-nameless-events",
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules)
          for (const decl of mod.declarations ?? []) if (decl.events) decl.events = decl.events.filter((e) => e.name);
      },
    },
  ],
};
