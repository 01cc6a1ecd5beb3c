/**
 * Debian's Chromium, driven by playwright-core. No browser is ever downloaded.
 */
import { type Browser, chromium } from "playwright-core";

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Launches headless Chromium with the flags that keep it quiet and offline.
 *
 * @example
 * const browser = await launch();
 * const page = await browser.newPage();
 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
