import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { STRINGS } from "../../shared/i18n.ts";
import { app } from "../../worker/app.ts";
import { ORIGIN, problem, request } from "./http.ts";
import { seed, seedClaims } from "./seed.ts";

beforeAll(async () => {
  await seed();
});

type OEmbed = {
  version: string;
  type: string;
  title: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
};

const oembed = (query: string) => request(`/v1/oembed?${query}`);
const claimUrl = (id: string, q = "") => encodeURIComponent(`${ORIGIN}/claims/${id}${q}`);

describe("GET /v1/oembed (oEmbed 1.0)", () => {
  it("answers a rich embed of the claim page, as an iframe of /embed/:id", async () => {
    const res = await oembed(`url=${claimUrl("dnc-hack-2016")}&format=json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = await res.json<OEmbed>();
    expect(body).toMatchObject({ version: "1.0", type: "rich", provider_name: "claimcard", provider_url: ORIGIN });
    expect(body.title).toMatch(/Democratic National Committee/);
    expect(body.cache_age).toBeGreaterThan(0);
    expect(body.width).toBeGreaterThan(0);
    expect(body.height).toBeGreaterThan(0);
    const iframe =
      /^<iframe src="([^"]+)" width="(\d+)" height="(\d+)" frameborder="0" title="[^"<>]*" class="claimcard-embed"><\/iframe>$/.exec(
        body.html,
      );
    expect(iframe, body.html).not.toBeNull();
    expect(iframe![1]).toBe(`${ORIGIN}/embed/dnc-hack-2016?lang=en`);
    expect(Number(iframe![2])).toBe(body.width);
    expect(Number(iframe![3])).toBe(body.height);
  });

  it("respects maxwidth and maxheight", async () => {
    const body = await (await oembed(`url=${claimUrl("dnc-hack-2016")}&maxwidth=320&maxheight=200`)).json<OEmbed>();
    expect(body.width).toBeLessThanOrEqual(320);
    expect(body.height).toBeLessThanOrEqual(200);
    expect(body.html).toContain('width="320"');
    expect(body.html).toContain('height="200"');
    const wide = await (await oembed(`url=${claimUrl("dnc-hack-2016")}&maxwidth=5000`)).json<OEmbed>();
    expect(wide.width).toBeLessThanOrEqual(5000);
  });

  it("embeds in the language of the URL or of the lang parameter", async () => {
    const fr = await (await oembed(`url=${claimUrl("dnc-hack-2016", "?lang=fr")}`)).json<OEmbed>();
    expect(fr.html).toContain("/embed/dnc-hack-2016?lang=fr");
    expect(fr.title).toMatch(/Comité national démocrate/);
  });

  it("answers 404 for an unknown claim, another site's URL, or a URL that is not a claim page", async () => {
    for (const url of [
      claimUrl("no-such-claim"),
      encodeURIComponent("https://evil.example/claims/dnc-hack-2016"),
      encodeURIComponent(`${ORIGIN}/v1/claims/dnc-hack-2016`),
    ]) {
      const res = await oembed(`url=${url}`);
      expect(res.status, decodeURIComponent(url)).toBe(404);
      await problem(res);
    }
  });

  it("ignores parameters consumers add, such as WordPress's dnt=1", async () => {
    const res = await oembed(`url=${claimUrl("dnc-hack-2016")}&format=json&maxwidth=600&maxheight=750&dnt=1`);
    expect(res.status).toBe(200);
  });

  it("embeds under PUBLIC_ORIGIN when the Worker is reached under another name (a service binding)", async () => {
    const url = encodeURIComponent("https://claims.public.example/claims/dnc-hack-2016");
    const res = await app.fetch(
      new Request(`https://claimcard.internal/v1/oembed?url=${url}`),
      { ...env, PUBLIC_ORIGIN: "https://claims.public.example" },
      createExecutionContext(),
    );
    expect(res.status).toBe(200);
    const body = await res.json<OEmbed>();
    expect(body.provider_url).toBe("https://claims.public.example");
    expect(body.html).toContain('src="https://claims.public.example/embed/dnc-hack-2016?lang=en"');
  });

  it("answers 501 for format=xml", async () => {
    const res = await oembed(`url=${claimUrl("dnc-hack-2016")}&format=xml`);
    expect(res.status).toBe(501);
    await problem(res);
  });

  it("answers 400 for a missing url or a bad maxwidth", async () => {
    expect((await oembed("format=json")).status).toBe(400);
    expect((await oembed(`url=${claimUrl("dnc-hack-2016")}&maxwidth=-5`)).status).toBe(400);
  });
});

describe("GET /embed/:id", () => {
  it("is a self-contained HTML card, frameable by any site", async () => {
    const res = await request("/embed/gru-indictment-2018?lang=fr");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(res.headers.get("X-Frame-Options")).toBeNull();
    const csp = res.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("frame-ancestors *");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('<html lang="fr"');
    expect(page).toMatch(/<h1 id="title" part="title"[^>]*>Inculpation de douze officiers du GRU/);
    expect(page).toContain("claimcard:resize");
    expect(page).not.toMatch(/<script[^>]+src=/);
    expect(page).not.toMatch(/<link[^>]+stylesheet/);
  });

  it("answers 404 problem+json for an unknown id", async () => {
    const res = await request("/embed/no-such-claim");
    expect(res.status).toBe(404);
    await problem(res);
  });
});

describe("GET /claims/:id", () => {
  it("is a shareable page with oEmbed discovery and ClaimReview JSON-LD", async () => {
    const res = await request("/claims/trump-campaign-iran-2024", {
      headers: { "Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Vary")).toMatch(/Accept-Language/);
    const page = await res.text();
    expect(page).toContain('<html lang="fr">');
    const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page);
    expect(discovery).not.toBeNull();
    const href = discovery![1]!.replace(/&amp;/g, "&");
    const body = await (await request(href.replace(ORIGIN, ""))).json<OEmbed>();
    expect(body.type).toBe("rich");
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page);
    expect(JSON.parse(ld![1]!)["@type"]).toBe("ClaimReview");
  });
});

describe("ClaimReview JSON-LD", () => {
  it("is served by /v1/claims/:id?format=jsonld, valid and complete", async () => {
    const res = await request("/v1/claims/gru-opcw-wada-2018?format=jsonld&lang=en");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/ld\+json/);
    // biome-ignore lint/suspicious/noExplicitAny: a JSON-LD document, read field by field
    const doc = await res.json<Record<string, any>>();
    expect(doc["@context"]).toBe("https://schema.org");
    expect(doc["@type"]).toBe("ClaimReview");
    expect(doc.url).toBe(`${ORIGIN}/claims/gru-opcw-wada-2018`);
    expect(doc.claimReviewed).toMatch(/OPCW|GRU/);
    expect(doc.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.author).toMatchObject({ "@type": "Organization", name: "claimcard" });
    const status = seedClaims().find((c) => c.id === "gru-opcw-wada-2018")!.status;
    expect(doc.reviewRating).toMatchObject({ "@type": "Rating", alternateName: STRINGS.en.status[status] });
    expect(doc.itemReviewed["@type"]).toBe("Claim");
    expect(doc.itemReviewed.author.length).toBeGreaterThan(1);
    expect(doc.itemReviewed.appearance.length).toBeGreaterThan(0);
    for (const a of doc.itemReviewed.appearance) expect(a.url).toMatch(/^https?:\/\//);
    expect(doc.itemReviewed.comment.length).toBeGreaterThan(0);
  });

  it("refuses an unknown format", async () => {
    expect((await request("/v1/claims/dnc-hack-2016?format=xml")).status).toBe(400);
  });
});
