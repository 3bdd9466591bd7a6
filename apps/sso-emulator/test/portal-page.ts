export interface PortalPage {
  status: number;
  headers: Headers;
  body: string;
}

/** The portal's answer to a GET, or to a POSTed form, with its markup normalised for matching. */
export async function portalPage(
  baseUrl: string,
  path = '/',
  form?: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded',
): Promise<PortalPage> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: form ? 'POST' : 'GET',
    ...(form
      ? { headers: { 'content-type': contentType }, body: new URLSearchParams(form).toString() }
      : {}),
  });
  // Whitespace in markup is layout: collapse it, and drop it next to tags, before matching.
  const body = (await response.text()).replace(/\s+/g, ' ').replace(/\s*([<>])\s*/g, '$1');
  return { status: response.status, headers: response.headers, body };
}

/** The token shown in a textarea of the page (`token-jwt` for a requested one). */
export const tokenIn = (body: string, id = 'token-jwt') =>
  new RegExp(`<textarea id="${id}"[^>]*>([^<]+)</textarea>`).exec(body)?.[1];
