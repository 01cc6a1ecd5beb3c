/**
 * `<claim-desk>`: the editorial desk. Sign in; list and search records and drafts; edit
 * every field in French and English side by side, with the schema's own messages under
 * each field; a live preview with the real `<claim-card>`; save a draft, publish; when
 * someone published meanwhile (412), their version, the differences and a merge; the
 * history with its differences, and revert.
 *
 * It renders in the page's own DOM (no shadow root), so that the page's styles, the
 * browser's focus handling and assistive technologies see one ordinary document.
 * Validation is the schema's (`ClaimInput`), run in the browser as the Worker runs it.
 *
 * @module
 */
import { html, LitElement, nothing, type TemplateResult } from "lit";
import * as v from "valibot";
import type { ClaimList } from "../schema/api.ts";
import type { Claim, Entity } from "../schema/claim.ts";
import { ClaimInput } from "../schema/claim.ts";
import { mentioned } from "../schema/dataset.ts";
import type { DraftDocument, DraftList, EditorInfo, HistoryList, VersionDocument } from "../schema/desk.ts";
import { describeIssues } from "../schema/issues.ts";
import { LIST_LIMIT } from "../shared/constants.ts";
import { type Answer, DeskApi, type ProblemBody } from "./api.ts";
import { type Change, type Conflict, changes, merge, resolve, setAt } from "./diff.ts";
import { type FormContext, fieldId, type Path, renderFields } from "./form.ts";
import { emptyRecord, RECORD_FORM } from "./form-spec.ts";
import { DESK_STRINGS, type DeskLang, LABELS } from "./i18n.ts";

type View = "loading" | "signin" | "list" | "edit";

interface ListItem {
  id: string;
  title: string;
  live: boolean;
  draft: DraftList["items"][number] | null;
}

/** What the editor is working on. */
interface Editing {
  id: string;
  record: Record<string, unknown>;
  /** The live record's ETag, for If-Match; null when there is no live record. */
  liveEtag: string | null;
  liveVersion: number | null;
  /** The live version the work started from (for a merge). */
  baseVersion: number | null;
  draftEtag: string | null;
  dirty: boolean;
}

interface ConflictState {
  theirs: VersionDocument;
  merged: Record<string, unknown>;
  conflicts: Conflict[];
  live: Change[];
  takeTheirs: Set<string>;
}

const VALIDATE_DELAY_MS = 150;

/**
 * @example
 * <claim-desk></claim-desk>
 */
export class ClaimDesk extends LitElement {
  static override properties = {
    view: { state: true },
    lang: { state: true },
    message: { state: true },
  };

  declare view: View;
  declare lang: DeskLang;
  declare message: string;

  #api = new DeskApi();
  #me: EditorInfo | null = null;
  #entities: Entity[] = [];
  #list: ListItem[] = [];
  #query = "";
  #editing: Editing | null = null;
  #errors = new Map<string, string[]>();
  #problems: string[] = [];
  #preview: Claim | null = null;
  #previewLang: DeskLang = "en";
  #note = "";
  #history: HistoryList["items"] = [];
  #diff: { title: string; changes: Change[] } | null = null;
  #conflict: ConflictState | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.view = "loading";
    this.lang =
      (localStorage.getItem("claimcard-desk-lang") as DeskLang | null) ??
      (navigator.language.startsWith("fr") ? "fr" : "en");
    this.message = "";
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.lang;
    void this.#start();
  }

  get #t() {
    return DESK_STRINGS[this.lang];
  }

  #say(message: string): void {
    this.message = "";
    // A fresh text each time, so that screen readers announce a repeated message too.
    requestAnimationFrame(() => {
      this.message = message;
    });
  }

  async #start(): Promise<void> {
    const me = await this.#api.get<EditorInfo>("/v1/admin/me");
    if (me.ok) await this.#signedIn(me.body);
    else this.view = "signin";
  }

  async #signedIn(me: EditorInfo): Promise<void> {
    this.#me = me;
    const registry = await this.#api.get<{ entities: Entity[] }>("/v1/admin/entities");
    this.#entities = registry.ok ? registry.body.entities : [];
    await this.#loadList();
    const id = new URLSearchParams(location.hash.slice(1)).get("edit");
    if (id) await this.#open(id);
    else this.view = "list";
  }

  async #signIn(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const input = this.querySelector<HTMLInputElement>("#token")!;
    this.#api.token = input.value.trim();
    const me = await this.#api.get<EditorInfo>("/v1/admin/me");
    if (!me.ok) {
      this.#api.token = null;
      this.#say(this.#t.badToken);
      input.focus();
      return;
    }
    input.value = "";
    await this.#signedIn(me.body);
    this.#say(`${this.#t.signedInAs} ${me.body.editor}`);
  }

  #signOut(): void {
    this.#api.token = null;
    this.#me = null;
    this.#editing = null;
    this.view = "signin";
  }

  async #loadList(): Promise<void> {
    const items = new Map<string, ListItem>();
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res: Answer<ClaimList> = await this.#api.get<ClaimList>(
        `/v1/claims?limit=${LIST_LIMIT.max}&lang=${this.lang}${cursor ? `&cursor=${cursor}` : ""}`,
      );
      if (!res.ok) break;
      for (const it of res.body.items) items.set(it.id, { id: it.id, title: it.title, live: true, draft: null });
      cursor = res.body.cursor;
      if (!cursor) break;
    }
    const drafts = await this.#api.get<DraftList>("/v1/drafts");
    if (drafts.ok)
      for (const d of drafts.body.items) {
        const it = items.get(d.id);
        if (it) it.draft = d;
        else items.set(d.id, { id: d.id, title: d.title ?? d.id, live: false, draft: d });
      }
    this.#list = [...items.values()];
  }

  async #open(id: string): Promise<void> {
    this.view = "loading";
    const live = await this.#liveVersion(id);
    const draft = await this.#api.get<DraftDocument>(`/v1/drafts/${id}`);
    const base = live?.claim ? stripServerFields(live.claim) : emptyRecord(id);
    this.#editing = {
      id,
      record: draft.ok ? structuredClone(draft.body.record) : base,
      liveEtag: live?.etag ?? null,
      liveVersion: live?.version ?? null,
      baseVersion: draft.ok ? draft.body.baseVersion : (live?.version ?? null),
      draftEtag: draft.ok ? draft.etag : null,
      dirty: false,
    };
    this.#note = "";
    this.#diff = null;
    this.#conflict = null;
    await this.#loadHistory();
    this.#validate();
    history.replaceState(null, "", `#edit=${encodeURIComponent(id)}`);
    this.view = "edit";
    await this.updateComplete;
    this.querySelector<HTMLElement>("#edit-title")?.focus();
  }

  /** The live version from the writer itself (KV may lag): its record and ETag; null when there is none. */
  async #liveVersion(id: string): Promise<VersionDocument | null> {
    const list = await this.#api.get<HistoryList>(`/v1/claims/${id}/history`);
    const latest = list.ok ? list.body.items[0] : undefined;
    if (!latest || latest.deleted) return null;
    const doc = await this.#api.get<VersionDocument>(`/v1/claims/${id}/versions/${latest.version}`);
    return doc.ok ? doc.body : null;
  }

  async #loadHistory(): Promise<void> {
    const list = this.#editing ? await this.#api.get<HistoryList>(`/v1/claims/${this.#editing.id}/history`) : null;
    this.#history = list?.ok ? list.body.items : [];
  }

  /** The record as the API takes it: the entities it names, from the registry. */
  #payload(): Record<string, unknown> {
    const record = structuredClone(this.#editing!.record);
    try {
      record.entities = mentioned(record as never, new Map(this.#entities.map((e) => [e.id, e])));
    } catch {
      record.entities = [];
    }
    return record;
  }

  #validate(): void {
    const payload = this.#payload();
    const result = v.safeParse(ClaimInput, payload);
    this.#errors = new Map();
    this.#problems = [];
    if (result.success) {
      const e = this.#editing!;
      this.#preview = { ...result.output, version: (e.liveVersion ?? 0) + 1, updatedAt: new Date().toISOString() };
    } else {
      for (const issue of result.issues) {
        const key = (issue.path ?? []).map((p) => String(p.key)).join(".");
        this.#errors.set(key, [...(this.#errors.get(key) ?? []), issue.message]);
      }
      this.#problems = describeIssues(result.issues);
    }
    this.requestUpdate();
  }

  #set = (path: Path, value: unknown): void => {
    const e = this.#editing!;
    setAt(e.record, path, value);
    e.dirty = true;
    this.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#validate(), VALIDATE_DELAY_MS);
  };

  async #saveDraft(): Promise<boolean> {
    const e = this.#editing!;
    clearTimeout(this.#timer);
    this.#validate();
    const res = await this.#api.send<DraftDocument | ProblemBody>(
      "PUT",
      `/v1/drafts/${e.id}`,
      { record: this.#payload(), ...(this.#note ? { note: this.#note } : {}) },
      e.draftEtag ? { "If-Match": e.draftEtag } : {},
    );
    if (!res.ok) {
      this.#say(`${this.#t.failed}: ${(res.body as ProblemBody).detail}`);
      return false;
    }
    e.draftEtag = res.etag;
    e.dirty = false;
    this.#say(this.#t.draftSaved);
    return true;
  }

  async #publish(): Promise<void> {
    const e = this.#editing!;
    if (!(await this.#saveDraft())) return;
    const res = await this.#api.send<Claim | ProblemBody>(
      "POST",
      `/v1/drafts/${e.id}/publish`,
      this.#note ? { note: this.#note } : {},
      e.liveEtag ? { "If-Match": e.liveEtag } : {},
    );
    if (res.ok) {
      const claim = res.body as Claim;
      e.liveEtag = res.etag;
      e.liveVersion = claim.version;
      e.baseVersion = claim.version;
      e.draftEtag = null;
      e.record = stripServerFields(claim);
      this.#note = "";
      await this.#loadHistory();
      this.#validate();
      this.#say(`${this.#t.published}: ${this.#t.version} ${claim.version}`);
      return;
    }
    if (res.status === 412) return this.#startMerge();
    if (res.status === 403) return this.#say(this.#t.secondEditor);
    this.#say(`${this.#t.failed}: ${(res.body as ProblemBody).detail}`);
  }

  /** Someone published meanwhile: their version, the differences, and a merge against the version the work started from. */
  async #startMerge(): Promise<void> {
    const e = this.#editing!;
    const theirs = await this.#liveVersion(e.id);
    if (!theirs?.claim) return this.#say(this.#t.failed);
    const base =
      e.baseVersion !== null
        ? await this.#api.get<VersionDocument>(`/v1/claims/${e.id}/versions/${e.baseVersion}`)
        : null;
    const baseRecord = base?.ok && base.body.claim ? stripServerFields(base.body.claim) : {};
    const mine = structuredClone(e.record);
    const theirsRecord = stripServerFields(theirs.claim);
    const { merged, conflicts } = merge(baseRecord, mine, theirsRecord);
    this.#conflict = { theirs, merged, conflicts, live: changes(mine, theirsRecord), takeTheirs: new Set() };
    this.requestUpdate();
    await this.updateComplete;
    this.querySelector<HTMLDialogElement>("#conflict")?.showModal();
  }

  #useMerged(): void {
    const c = this.#conflict!;
    const e = this.#editing!;
    e.record = resolve(c.merged, c.conflicts, c.takeTheirs);
    e.liveEtag = c.theirs.etag ?? null;
    e.liveVersion = c.theirs.version;
    e.baseVersion = c.theirs.version;
    e.dirty = true;
    this.#closeConflict();
    this.#validate();
  }

  #closeConflict(): void {
    this.querySelector<HTMLDialogElement>("#conflict")?.close();
    this.#conflict = null;
    this.requestUpdate();
  }

  async #showChanges(n: number): Promise<void> {
    const e = this.#editing!;
    const [now, before] = await Promise.all([
      this.#api.get<VersionDocument>(`/v1/claims/${e.id}/versions/${n}`),
      n > 1 ? this.#api.get<VersionDocument>(`/v1/claims/${e.id}/versions/${n - 1}`) : Promise.resolve(null),
    ]);
    this.#diff = {
      title: `${this.#t.version} ${n}`,
      changes: changes(before?.ok ? before.body.claim : {}, now.ok ? now.body.claim : {}),
    };
    this.requestUpdate();
    await this.updateComplete;
    this.querySelector<HTMLElement>("#diff-title")?.focus();
  }

  async #revert(n: number): Promise<void> {
    const e = this.#editing!;
    const old = await this.#api.get<VersionDocument>(`/v1/claims/${e.id}/versions/${n}`);
    if (!old.ok || !old.body.claim) return this.#say(this.#t.failed);
    const record = stripServerFields(old.body.claim);
    const body = { ...record, entities: old.body.claim.entities };
    const note = `${this.lang === "fr" ? "retour à la version" : "revert to version"} ${n}`;
    const res = await this.#api.send<Claim | ProblemBody>(
      "PUT",
      `/v1/claims/${e.id}?note=${encodeURIComponent(note)}`,
      body,
      e.liveEtag ? { "If-Match": e.liveEtag } : {},
    );
    if (res.status === 403) {
      e.record = record;
      e.dirty = true;
      this.#validate();
      if (await this.#saveDraft()) this.#say(this.#t.savedAsDraft);
      return;
    }
    if (!res.ok) return this.#say(`${this.#t.failed}: ${(res.body as ProblemBody).detail}`);
    const claim = res.body as Claim;
    e.record = stripServerFields(claim);
    e.liveEtag = res.etag;
    e.liveVersion = claim.version;
    e.baseVersion = claim.version;
    await this.#loadHistory();
    this.#validate();
    this.#say(this.#t.reverted(n));
  }

  #switchLang(): void {
    this.lang = this.lang === "fr" ? "en" : "fr";
    localStorage.setItem("claimcard-desk-lang", this.lang);
    document.documentElement.lang = this.lang;
  }

  override render(): TemplateResult {
    const t = this.#t;
    return html`
      <header class="bar">
        <a class="skip" href="#main">${t.skip}</a>
        <h1>${t.title}</h1>
        <button type="button" lang=${this.lang === "fr" ? "en" : "fr"} @click=${() => this.#switchLang()}>${t.language}</button>
        ${
          this.#me
            ? html`<span>${t.signedInAs} <strong>${this.#me.editor}</strong></span>
              ${this.#api.token ? html`<button type="button" @click=${() => this.#signOut()}>${t.signOut}</button>` : nothing}`
            : nothing
        }
      </header>
      <main id="main" tabindex="-1">
        <p class="status" role="status" aria-live="polite">${this.message}</p>
        ${this.#body()}
      </main>
    `;
  }

  #body(): TemplateResult {
    const t = this.#t;
    switch (this.view) {
      case "loading":
        return html`<p>${t.loading}</p>`;
      case "signin":
        return html`<form class="signin" @submit=${(e: SubmitEvent) => this.#signIn(e)}>
          <h2>${t.signIn}</h2>
          <label for="token">${t.token}</label>
          <input id="token" type="password" autocomplete="current-password" required aria-describedby="token-help" />
          <p id="token-help" class="help">${t.tokenHelp}</p>
          <button type="submit">${t.signIn}</button>
        </form>`;
      case "list":
        return this.#listView();
      case "edit":
        return this.#editView();
    }
  }

  #listView(): TemplateResult {
    const t = this.#t;
    const q = fold(this.#query);
    const shown = this.#list
      .filter((it) => !q || fold(`${it.id} ${it.title}`).includes(q))
      .sort((a, b) => Number(Boolean(b.draft)) - Number(Boolean(a.draft)) || a.id.localeCompare(b.id));
    return html`
      <h2>${t.records}</h2>
      <div class="search">
        <label for="search">${t.search}</label>
        <input id="search" type="search" .value=${this.#query} @input=${(e: Event) => {
          this.#query = (e.target as HTMLInputElement).value;
          this.requestUpdate();
        }} />
      </div>
      <form class="new" @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const id = (this.querySelector<HTMLInputElement>("#new-id")!.value || "").trim();
        if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) void this.#open(id);
      }}>
        <label for="new-id">${t.newId}</label>
        <input id="new-id" type="text" pattern="[a-z0-9]+(-[a-z0-9]+)*" />
        <button type="submit">${t.newRecord}</button>
      </form>
      <table class="records">
        <caption>${t.records} / ${t.drafts}: ${shown.length}</caption>
        <thead><tr><th scope="col">Id</th><th scope="col">${LABELS.title![this.lang]}</th><th scope="col">${t.status}</th><th scope="col"><span class="visually-hidden">${t.open}</span></th></tr></thead>
        <tbody>
          ${shown.map(
            (it) => html`<tr>
              <td><code>${it.id}</code></td>
              <td>${it.title}</td>
              <td>${it.live ? t.published : t.noLive}${it.draft ? html` · ${t.drafts.toLowerCase()} (${it.draft.editor})` : nothing}</td>
              <td><button type="button" @click=${() => this.#open(it.id)} aria-label="${t.open}: ${it.id}">${t.open}</button></td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  #editView(): TemplateResult {
    const t = this.#t;
    const e = this.#editing!;
    const ctx: FormContext = {
      lang: this.lang,
      errors: this.#errors,
      entities: this.#entities,
      recordIds: this.#list.map((it) => it.id).filter((id) => id !== e.id),
      set: this.#set,
    };
    return html`
      <p><button type="button" @click=${async () => {
        await this.#loadList();
        history.replaceState(null, "", "#");
        this.view = "list";
      }}>← ${t.back}</button></p>
      <h2 id="edit-title" tabindex="-1">${t.editing} <code>${e.id}</code> — ${
        e.liveVersion !== null ? `${t.live} ${e.liveVersion}` : t.noLive
      }${e.draftEtag ? ` · ${t.drafts.toLowerCase()}` : ""}</h2>
      <section class="problems" aria-labelledby="problems-title">
        <h3 id="problems-title">${this.#problems.length ? t.problems(this.#problems.length) : t.noProblems}</h3>
        ${
          this.#problems.length
            ? html`<ul>${[...this.#errors].map(
                ([key, messages]) =>
                  html`<li><a href="#${fieldId(key ? key.split(".") : ["status"])}" @click=${(ev: Event) => {
                    ev.preventDefault();
                    this.#focusField(key);
                  }}>${key || "(record)"}</a>: ${messages.join(" ")}</li>`,
              )}</ul>`
            : nothing
        }
      </section>
      <div class="workspace">
        <form class="record" @submit=${(ev: Event) => ev.preventDefault()}>
          ${renderFields(RECORD_FORM, e.record, [], ctx)}
          <div class="actions">
            <label class="note" for="note">${t.note}</label>
            <input id="note" type="text" maxlength="500" .value=${this.#note} @input=${(ev: Event) => {
              this.#note = (ev.target as HTMLInputElement).value;
            }} />
            <button type="button" id="save-draft" @click=${() => this.#saveDraft()}>${t.saveDraft}</button>
            <button type="button" id="publish" class="primary" ?disabled=${this.#problems.length > 0} @click=${() => this.#publish()}>${t.publish}</button>
          </div>
        </form>
        <aside class="preview" aria-labelledby="preview-title">
          <h3 id="preview-title">${t.preview}</h3>
          <div role="group" aria-label=${t.preview}>
            ${(["fr", "en"] as const).map(
              (l) =>
                html`<button type="button" aria-pressed=${this.#previewLang === l ? "true" : "false"} @click=${() => {
                  this.#previewLang = l;
                  this.requestUpdate();
                }}>${LABELS[l]![this.lang]}</button>`,
            )}
          </div>
          ${this.#problems.length && this.#preview ? html`<p class="help">${t.previewStale}</p>` : nothing}
          ${this.#preview ? html`<claim-card claim=${this.#preview.id} .data=${this.#preview} lang=${this.#previewLang} expanded></claim-card>` : nothing}
        </aside>
      </div>
      ${this.#historyView()}
      ${this.#conflictView()}
    `;
  }

  #focusField(key: string): void {
    const parts = key ? key.split(".") : [];
    for (let n = parts.length; n >= 0; n--) {
      const el = this.querySelector<HTMLElement>(`#${CSS.escape(fieldId(parts.slice(0, n)))}`);
      if (el) {
        const target = el.matches("input, select, textarea, button")
          ? el
          : el.querySelector<HTMLElement>("input, select, textarea, button");
        (target ?? el).focus();
        return;
      }
    }
  }

  #historyView(): TemplateResult {
    const t = this.#t;
    if (!this.#history.length) return html``;
    return html`<section class="history" aria-labelledby="history-title">
      <h3 id="history-title">${t.history}</h3>
      <ol reversed>
        ${this.#history.map(
          (h) => html`<li>
            <strong>${t.version} ${h.version}</strong>, <time datetime=${h.updatedAt}>${new Date(h.updatedAt).toLocaleString(this.lang)}</time>,
            ${t.by} ${h.editor}${h.reviewer ? `, ${t.reviewedBy} ${h.reviewer}` : ""}: ${h.note}${h.deleted ? ` (${t.deleted})` : ""}
            <button type="button" @click=${() => this.#showChanges(h.version)} aria-label="${t.showChanges}: ${t.version} ${h.version}">${t.showChanges}</button>
            ${
              h.version !== this.#editing?.liveVersion && !h.deleted
                ? html`<button type="button" @click=${() => this.#revert(h.version)} aria-label="${t.revert}: ${h.version}">${t.revert}</button>`
                : nothing
            }
          </li>`,
        )}
      </ol>
      ${this.#diff ? html`<h4 id="diff-title" tabindex="-1">${t.changes}: ${this.#diff.title}</h4>${changesTable(this.#diff.changes, t.before, t.after, t.field, t.noChanges)}` : nothing}
    </section>`;
  }

  #conflictView(): TemplateResult {
    const t = this.#t;
    const c = this.#conflict;
    return html`<dialog id="conflict" aria-labelledby="conflict-title" @close=${() => {
      this.#conflict = null;
    }}>
      ${
        c
          ? html`<h2 id="conflict-title">${t.conflictTitle}</h2>
            <p>${t.version} ${c.theirs.version}, ${t.by} ${c.theirs.editor}: ${c.theirs.note}</p>
            <p>${t.conflictHelp}</p>
            ${changesTable(c.live, t.mine, t.theirs, t.field, t.noChanges)}
            ${c.conflicts.map(
              (k, i) => html`<fieldset class="choice">
                <legend><code>${k.path}</code></legend>
                <p>${t.mine}: <q>${show(k.mine)}</q> · ${t.theirs}: <q>${show(k.theirs)}</q></p>
                <input type="radio" id="c-${i}-mine" name="c-${i}" ?checked=${!c.takeTheirs.has(k.path)} @change=${() => {
                  c.takeTheirs.delete(k.path);
                }} /><label for="c-${i}-mine">${t.keepMine}</label>
                <input type="radio" id="c-${i}-theirs" name="c-${i}" ?checked=${c.takeTheirs.has(k.path)} @change=${() => {
                  c.takeTheirs.add(k.path);
                }} /><label for="c-${i}-theirs">${t.takeTheirs}</label>
              </fieldset>`,
            )}
            <button type="button" id="use-merged" class="primary" @click=${() => this.#useMerged()}>${t.useMerged}</button>
            <button type="button" @click=${() => this.#closeConflict()}>${t.cancel}</button>`
          : nothing
      }
    </dialog>`;
  }
}

function changesTable(
  list: readonly Change[],
  before: string,
  after: string,
  field: string,
  none: string,
): TemplateResult {
  if (!list.length) return html`<p>${none}</p>`;
  return html`<table class="diff">
    <thead><tr><th scope="col">${field}</th><th scope="col">${before}</th><th scope="col">${after}</th></tr></thead>
    <tbody>${list.map((c) => html`<tr><th scope="row"><code>${c.path}</code></th><td><del>${show(c.before)}</del></td><td><ins>${show(c.after)}</ins></td></tr>`)}</tbody>
  </table>`;
}

function show(value: unknown): string {
  if (value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function stripServerFields(claim: Claim | Record<string, unknown>): Record<string, unknown> {
  const { version: _v, updatedAt: _u, entities: _e, ...rest } = claim as Record<string, unknown>;
  return structuredClone(rest);
}
