import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Principal } from '../auth/principal';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageOptions {
  title: string;
  body: Html;
  principal?: Principal;
  csrf?: string;
  /** Which navigation entry is the current page. */
  current?: 'overview' | 'mentions' | 'admin';
}

const ROLE_LABEL = { admin: 'Trust admin', trust: 'Trust team', head: 'Headteacher' } as const;

/** The page shell. No scripts and no inline styles: the CSP allows neither. Every value is escaped by `html`. */
export function page(opts: PageOptions): Html {
  const p = opts.principal;
  const nav = p
    ? html`<nav aria-label="Main"><ul>
<li><a href="/"${opts.current === 'overview' ? html` aria-current="page"` : ''}>Overview</a></li>
<li><a href="/mentions"${opts.current === 'mentions' ? html` aria-current="page"` : ''}>Flagged items</a></li>
${p.role === 'admin' ? html`<li><a href="/admin"${opts.current === 'admin' ? html` aria-current="page"` : ''}>Admin</a></li>` : ''}
</ul></nav>
<div class="who"><span>${p.email} · ${ROLE_LABEL[p.role]}${p.schoolId ? ` (${p.schoolId})` : ''}</span>
${p.subject.startsWith('local:') ? html`<a class="who-link" href="/account/password">Change password</a>` : ''}
<form method="post" action="/auth/logout"><input type="hidden" name="_csrf" value="${opts.csrf ?? ''}"><button class="linkish" type="submit">Sign out</button></form></div>`
    : '';
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · Schoolwatch</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="site-inner"><a class="brand" href="/">Schoolwatch</a>${nav}</div></header>
<main id="main" tabindex="-1">${opts.body}</main>
</body>
</html>`;
}
