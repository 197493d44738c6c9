/** The readable cookie that carries the session's CSRF token (docs/authentication.md). */
export const csrfCookieName = 'yw_csrf';

/** The CSRF token of the current session, read from its cookie, or undefined when signed out. */
export function readCsrfToken(cookieHeader: string = document.cookie): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === csrfCookieName) {
      return decodeURIComponent(value.join('='));
    }
  }
  return undefined;
}

/** Methods that change state and therefore carry `X-CSRF-Token`. */
export function isUnsafeMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/** Headers an unsafe same-origin request needs when authenticated by the session cookie. */
export function csrfHeaders(method: string): Record<string, string> {
  const token = isUnsafeMethod(method) ? readCsrfToken() : undefined;
  return token === undefined ? {} : { 'x-csrf-token': token };
}
