/**
 * @returns `url` when it is a web address, else undefined: links come from the service, and a
 * `javascript:` one must never become an href
 */
export function webAddress(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
