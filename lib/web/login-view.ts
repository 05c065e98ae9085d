import { html } from 'hono/html';
import { PASSWORD_MIN_LENGTH } from '../auth/password';
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

/**
 * "Change password" (local sign-in only). `forced`: the password was issued by an admin or the CLI and
 * nothing else works until it is changed. Errors sit next to their field and are listed at the top.
 */
export function passwordBody(input: { csrf: string; email: string; next: string; forced: boolean; problems: Record<string, string>; notice?: string }): Html {
  const p = input.problems;
  const count = Object.keys(p).length;
  const label: Record<string, string> = { current: 'Current password', password: 'New password', confirm: 'New password again' };
  const field = (k: 'current' | 'password' | 'confirm', autocomplete: string, hint?: string) => {
    const describedBy = [hint ? `pw-${k}-hint` : '', p[k] ? `pw-${k}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field"><label for="pw-${k}">${label[k]}</label>${hint ? html`<span class="small muted" id="pw-${k}-hint">${hint}</span>` : ''}<input id="pw-${k}" name="${k}" type="password" autocomplete="${autocomplete}" required${k === 'current' ? '' : html` minlength="${PASSWORD_MIN_LENGTH}"`}${p[k] ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}>${p[k] ? html`<span class="error" id="pw-${k}-error">${p[k]}</span>` : ''}</div>`;
  };
  return html`<div class="login">
<h1>${input.forced ? 'Choose your own password' : 'Change password'}</h1>
${input.forced ? html`<p class="notice" role="status">Your password was issued by someone else. Choose your own before you continue.</p>` : ''}
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
${count ? html`<div class="notice bad" role="alert"><p>Your password was not changed.</p><ul>${Object.entries(p).map(([k, m]) => html`<li><a href="#pw-${k}">${label[k] ?? k}</a>: ${m}</li>`)}</ul></div>` : ''}
<form method="post" action="/account/password" novalidate>
<input type="hidden" name="_csrf" value="${input.csrf}">
<input type="hidden" name="next" value="${input.next}">
<input type="text" name="username" autocomplete="username" value="${input.email}" hidden>
${field('current', 'current-password')}
${field('password', 'new-password', `At least ${PASSWORD_MIN_LENGTH} characters, different from the current one. A few unrelated words make a good one.`)}
${field('confirm', 'new-password')}
<button type="submit">Change password</button>
</form>
${input.forced ? '' : html`<p><a href="${input.next}">Cancel</a></p>`}
</div>`;
}
