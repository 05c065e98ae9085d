import { html } from 'hono/html';
import type { Html } from './layout';

export function loginBody(input: { csrf: string; next: string; email?: string; error?: string; info?: string; hosted?: boolean; local: boolean }): Html {
  return html`<div class="login">
<h1>Sign in</h1>
<p class="muted">Schoolwatch shows flagged public mentions of your schools. Sign in with the account your trust gave you.</p>
${input.info ? html`<p class="notice" role="status">${input.info}</p>` : ''}
${input.error ? html`<p class="notice bad" role="alert" id="login-error">${input.error}</p>` : ''}
${input.local
  ? html`<form method="post" action="/auth/login">
<input type="hidden" name="_csrf" value="${input.csrf}">
<input type="hidden" name="next" value="${input.next}">
<div class="field"><label for="email">Email address</label><input id="email" name="email" type="email" autocomplete="username" required value="${input.email ?? ''}"${input.error ? html` aria-describedby="login-error"` : ''}></div>
<div class="field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
<button type="submit">Sign in</button>
</form>`
  : ''}
${input.hosted ? html`<p><a class="button" href="/auth/hosted?next=${encodeURIComponent(input.next)}">Sign in with your trust account</a></p>` : ''}
</div>`;
}
