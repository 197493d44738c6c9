import { SafeFetchError, describeUrl } from './safe-fetch-error.ts';

function redactInput(input: string): string {
  return input.replace(/\/\/[^/@]*@/, '//').slice(0, 200);
}

/**
 * Parses `input` (relative to `base`, for redirect targets) and enforces the fetchable shape: http or
 * https, no embedded credentials. WHATWG parsing also normalises numeric hosts (`http://2130706433/`
 * and `http://0x7f.1/` become `127.0.0.1`), so the address check sees the real address.
 */
export function parseFetchUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch (caught) {
    throw new SafeFetchError(
      'URL_INVALID',
      `"${redactInput(input)}" is not a valid absolute URL`,
      undefined,
      {
        cause: caught,
      },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SafeFetchError(
      'SCHEME_NOT_ALLOWED',
      `Only http and https URLs can be fetched, not ${url.protocol} (${describeUrl(url)})`,
      describeUrl(url),
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new SafeFetchError(
      'URL_INVALID',
      `URLs with embedded credentials are not supported (${describeUrl(url)})`,
      describeUrl(url),
    );
  }
  return url;
}
