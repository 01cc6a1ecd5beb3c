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
};
