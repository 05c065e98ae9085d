import chromiumBinary from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/**
 * Flags for the npm-shipped headless Chromium (@sparticuz/chromium). Its own `args` turn web security off
 * (`--disable-web-security`, `--allow-running-insecure-content`), which a browser that opens hostile pages
 * must never do, so only the flags it needs to run are kept, plus the ones that stop it phoning home
 * (this machine and Lambda have no general internet, and every refused connection costs time).
 */
const SAFE_ARGS = [
  '--headless=shell',
  '--no-sandbox', // Lambda and CI run as root or without user namespaces; isolation comes from the address guard.
  '--no-zygote',
  '--disable-gpu',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--mute-audio',
  '--font-render-hinting=none',
];

/** Where the browser binary is: CHROMIUM_PATH if set (e.g. a system Chromium), else the npm-shipped one. */
export async function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return env.CHROMIUM_PATH || (await chromiumBinary.executablePath());
}

/** A headless Chromium that needs nothing installed by hand: the same browser in tests, locally and on Lambda. */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutable(env), headless: true, args: SAFE_ARGS });
}
