/**
 * Renders the record's form (`form-spec.ts`) with Lit templates in the page's own DOM:
 * native inputs, each with its label, grouped in fieldsets with legends, so that the
 * keyboard and screen readers work as they do everywhere; French and English side by
 * side; each field's problems (from the schema) right under it, tied to it with
 * `aria-describedby` and `aria-invalid`. The form holds no state: every change calls
 * `ctx.set(path, value)` (`undefined` removes an optional field).
 *
 * @module
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Entity } from "../schema/claim.ts";
import type { Field } from "./form-spec.ts";
import { DESK_STRINGS, type DeskLang, LABELS } from "./i18n.ts";

/** A path into the record: keys and list indexes. */
export type Path = ReadonlyArray<string | number>;

/** What the form needs from the desk. */
export interface FormContext {
  lang: DeskLang;
  /** Problems by path (`accusations.0.date`). */
  errors: ReadonlyMap<string, string[]>;
  entities: readonly Entity[];
  recordIds: readonly string[];
  set(path: Path, value: unknown): void;
}

/**
 * The id of a field's input, from its path.
 *
 * @example
 * fieldId(["accusations", 0, "date"]); // "f-accusations-0-date"
 */
export function fieldId(path: Path): string {
  return `f-${path.join("-")}`;
}

/**
 * The key of a path in the problems map.
 *
 * @example
 * pathKey(["accusations", 0, "date"]); // "accusations.0.date"
 */
export function pathKey(path: Path): string {
  return path.join(".");
}

function label(key: string, lang: DeskLang): string {
  return LABELS[key]?.[lang] ?? key;
}

function problemsOf(path: Path, ctx: FormContext): TemplateResult | typeof nothing {
  const list = ctx.errors.get(pathKey(path));
  if (!list?.length) return nothing;
  return html`<p class="field-error" id="${fieldId(path)}-error">${list.join(" ")}</p>`;
}

function invalid(path: Path, ctx: FormContext) {
  return ctx.errors.has(pathKey(path)) ? { "aria-invalid": "true", describedby: `${fieldId(path)}-error` } : null;
}

/**
 * The form of `fields` over `value`, at `path`.
 *
 * @example
 * render(renderFields(RECORD_FORM, record, [], ctx), form);
 */
export function renderFields(
  fields: readonly Field[],
  value: Record<string, unknown>,
  path: Path,
  ctx: FormContext,
): TemplateResult {
  return html`${fields.map((f) => renderField(f, value?.[f.key], [...path, f.key], ctx))}`;
}

function renderField(field: Field, value: unknown, path: Path, ctx: FormContext): TemplateResult {
  const t = DESK_STRINGS[ctx.lang];
  const name = label(field.key, ctx.lang);
  const id = fieldId(path);
  const bad = invalid(path, ctx);
  switch (field.kind) {
    case "text": {
      const onInput = (e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        ctx.set(path, field.optional && v === "" ? undefined : v);
      };
      return html`<div class="field">
        <label for=${id}>${name}</label>
        ${
          field.long
            ? html`<textarea id=${id} rows="3" .value=${String(value ?? "")} @input=${onInput} aria-invalid=${bad ? "true" : "false"} aria-describedby=${bad?.describedby ?? nothing}></textarea>`
            : html`<input id=${id} type="text" .value=${String(value ?? "")} @input=${onInput} aria-invalid=${bad ? "true" : "false"} aria-describedby=${bad?.describedby ?? nothing} />`
        }
        ${problemsOf(path, ctx)}
      </div>`;
    }
    case "localized": {
      const v = (value ?? {}) as Record<string, string | undefined>;
      return html`<fieldset class="localized" id=${id}>
        <legend>${name}</legend>
        <div class="side-by-side">
          ${(["fr", "en"] as const).map((lang) => {
            const p = [...path, lang];
            const b = invalid(p, ctx);
            const onInput = (e: Event) => {
              const text = (e.target as HTMLInputElement).value;
              ctx.set(p, field.optional && text === "" ? undefined : text);
            };
            return html`<div class="field" lang=${lang}>
              <label for=${fieldId(p)}>${name} — ${label(lang, ctx.lang)}</label>
              ${
                field.long
                  ? html`<textarea id=${fieldId(p)} rows="4" .value=${v[lang] ?? ""} @input=${onInput} aria-invalid=${b ? "true" : "false"} aria-describedby=${b?.describedby ?? nothing}></textarea>`
                  : html`<input id=${fieldId(p)} type="text" .value=${v[lang] ?? ""} @input=${onInput} aria-invalid=${b ? "true" : "false"} aria-describedby=${b?.describedby ?? nothing} />`
              }
              ${problemsOf(p, ctx)}
            </div>`;
          })}
        </div>
        ${problemsOf(path, ctx)}
      </fieldset>`;
    }
    case "date":
      return renderDate(field, value as string | undefined, path, ctx);
    case "select":
      return html`<div class="field">
        <label for=${id}>${name}</label>
        <select id=${id} @change=${(e: Event) => ctx.set(path, (e.target as HTMLSelectElement).value || undefined)} aria-invalid=${bad ? "true" : "false"} aria-describedby=${bad?.describedby ?? nothing}>
          ${field.optional || value === undefined ? html`<option value="" ?selected=${value === undefined}>${t.none}</option>` : nothing}
          ${field.options.map((o) => html`<option value=${o} ?selected=${o === value}>${o}</option>`)}
        </select>
        ${problemsOf(path, ctx)}
      </div>`;
    case "boolean":
      return html`<div class="field check">
        <input id=${id} type="checkbox" .checked=${value === true} @change=${(e: Event) => ctx.set(path, (e.target as HTMLInputElement).checked ? true : undefined)} />
        <label for=${id}>${name}</label>
        ${problemsOf(path, ctx)}
      </div>`;
    case "entity":
      return html`<div class="field">
        <label for=${id}>${name}</label>
        <select id=${id} @change=${(e: Event) => ctx.set(path, (e.target as HTMLSelectElement).value)} aria-invalid=${bad ? "true" : "false"} aria-describedby=${bad?.describedby ?? nothing}>
          <option value="" ?selected=${!value}>${t.none}</option>
          ${ctx.entities.map((e) => html`<option value=${e.id} ?selected=${e.id === value}>${entityLabel(e, ctx.lang)}</option>`)}
        </select>
        ${problemsOf(path, ctx)}
      </div>`;
    case "entities":
    case "records": {
      const chosen = new Set((value as string[] | undefined) ?? []);
      const options =
        field.kind === "entities"
          ? ctx.entities.map((e) => ({ id: e.id, text: entityLabel(e, ctx.lang) }))
          : ctx.recordIds.map((r) => ({ id: r, text: r }));
      const onChange = (e: Event) => {
        const ids = [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value);
        ctx.set(path, field.kind === "records" && field.optional && !ids.length ? undefined : ids);
      };
      return html`<div class="field">
        <label for=${id}>${name}</label>
        <select id=${id} multiple size="6" @change=${onChange} aria-invalid=${bad ? "true" : "false"} aria-describedby=${bad?.describedby ?? nothing}>
          ${options.map((o) => html`<option value=${o.id} ?selected=${chosen.has(o.id)}>${o.text}</option>`)}
        </select>
        ${problemsOf(path, ctx)}
        ${errorsBelow(path, ctx)}
      </div>`;
    }
    case "lines":
      return html`<div class="field">
        <label for=${id}>${name} (${t.onePerLine})</label>
        <textarea id=${id} rows="3" .value=${((value as string[] | undefined) ?? []).join("\n")}
          @change=${(e: Event) => {
            const lines = (e.target as HTMLTextAreaElement).value
              .split("\n")
              .map((l) => l.trim())
              .filter(Boolean);
            ctx.set(path, field.optional && !lines.length ? undefined : lines);
          }}
          aria-invalid=${bad ? "true" : "false"} aria-describedby=${bad?.describedby ?? nothing}></textarea>
        ${problemsOf(path, ctx)}
        ${errorsBelow(path, ctx)}
      </div>`;
    case "object": {
      if (value === undefined)
        return html`<div class="field optional-missing">
          <button type="button" id=${id} @click=${() => ctx.set(path, field.empty?.())}>${t.add}: ${name}</button>
          ${problemsOf(path, ctx)}
        </div>`;
      return html`<fieldset class="group" id=${id}>
        <legend>${name}</legend>
        ${renderFields(field.fields, value as Record<string, unknown>, path, ctx)}
        ${field.optional ? html`<button type="button" class="remove" @click=${() => ctx.set(path, undefined)}>${t.remove}: ${name}</button>` : nothing}
        ${problemsOf(path, ctx)}
      </fieldset>`;
    }
    case "list":
    case "localizedList": {
      const items = (value as unknown[] | undefined) ?? [];
      const itemName = label(field.item, ctx.lang);
      const move = (from: number, to: number) => {
        const next = [...items];
        const [it] = next.splice(from, 1);
        next.splice(to, 0, it);
        ctx.set(path, next);
      };
      const removeAt = (i: number) => {
        const next = items.filter((_, j) => j !== i);
        ctx.set(path, field.kind === "list" && field.optional && !next.length ? undefined : next);
      };
      const empty = field.kind === "list" ? field.empty : () => ({ fr: "", en: "" });
      return html`<fieldset class="list" id=${id}>
        <legend>${name}</legend>
        ${problemsOf(path, ctx)}
        ${items.map((item, i) => {
          const p = [...path, i];
          const title = `${itemName} ${i + 1}`;
          return html`<fieldset class="item" id=${fieldId(p)}>
            <legend>${title}</legend>
            ${
              field.kind === "list"
                ? renderFields(field.fields, item as Record<string, unknown>, p, ctx)
                : renderField({ kind: "localized", key: field.item }, item, p, ctx)
            }
            <div class="item-actions">
              <button type="button" ?disabled=${i === 0} @click=${() => move(i, i - 1)} aria-label="${t.moveUp}: ${title}">↑</button>
              <button type="button" ?disabled=${i === items.length - 1} @click=${() => move(i, i + 1)} aria-label="${t.moveDown}: ${title}">↓</button>
              <button type="button" class="remove" @click=${() => removeAt(i)}>${t.remove}: ${title}</button>
            </div>
            ${problemsOf(p, ctx)}
          </fieldset>`;
        })}
        <button type="button" class="add" @click=${() => ctx.set(path, [...items, empty()])}>${t.add}: ${itemName}</button>
      </fieldset>`;
    }
  }
}

/** Problems of a list's items (`urls.3`), shown under the one input that holds them all. */
function errorsBelow(path: Path, ctx: FormContext): TemplateResult | typeof nothing {
  const prefix = `${pathKey(path)}.`;
  const lines = [...ctx.errors]
    .filter(([k]) => k.startsWith(prefix))
    .map(([k, v]) => `${k.slice(prefix.length)}: ${v.join(" ")}`);
  return lines.length ? html`<p class="field-error">${lines.join(" ")}</p>` : nothing;
}

function entityLabel(e: Entity, lang: DeskLang): string {
  const aliases = e.aliases.filter((a) => a !== e.name[lang]).slice(0, 4);
  return `${e.name[lang]} (${e.id})${aliases.length ? ` — ${aliases.join(", ")}` : ""}`;
}

/** A date at the precision the sources give: the precision, then an input of that kind. */
function renderDate(
  field: Extract<Field, { kind: "date" }>,
  value: string | undefined,
  path: Path,
  ctx: FormContext,
): TemplateResult {
  const t = DESK_STRINGS[ctx.lang];
  const name = label(field.key, ctx.lang);
  const id = fieldId(path);
  const bad = invalid(path, ctx);
  if (value === undefined)
    return html`<div class="field optional-missing">
      <button type="button" id=${id} @click=${() => ctx.set(path, new Date().toISOString().slice(0, 10))}>${t.add}: ${name}</button>
    </div>`;
  const precision = field.dayOnly ? "day" : value.length <= 4 ? "year" : value.length <= 7 ? "month" : "day";
  const repick = (e: Event) => {
    const to = (e.target as HTMLSelectElement).value;
    const y = value.slice(0, 4) || String(new Date().getFullYear());
    const m = value.length >= 7 ? value.slice(0, 7) : `${y}-01`;
    ctx.set(path, to === "year" ? y : to === "month" ? m : value.length === 10 ? value : `${m}-01`);
  };
  const onInput = (e: Event) => {
    const v = (e.target as HTMLInputElement).value;
    if (v) ctx.set(path, v);
  };
  const type = precision === "day" ? "date" : precision === "month" ? "month" : "number";
  return html`<fieldset class="date" id="${id}-group">
    <legend>${name}</legend>
    ${
      field.dayOnly
        ? nothing
        : html`<label for="${id}-precision">${t.precision}</label>
          <select id="${id}-precision" @change=${repick}>
            ${(["year", "month", "day"] as const).map((p) => html`<option value=${p} ?selected=${p === precision}>${t[p]}</option>`)}
          </select>`
    }
    <label for=${id}>${name} (${t[precision]})</label>
    <input id=${id} type=${type} .value=${value} @change=${onInput} min=${type === "number" ? "1900" : nothing} max=${type === "number" ? "2100" : nothing}
      aria-invalid=${bad ? "true" : "false"} aria-describedby=${bad?.describedby ?? nothing} />
    ${field.optional ? html`<button type="button" class="remove" @click=${() => ctx.set(path, undefined)}>${t.remove}: ${name}</button>` : nothing}
    ${problemsOf(path, ctx)}
  </fieldset>`;
}
