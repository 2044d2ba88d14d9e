/**
 * Page query values: WeChat hands them over still percent-encoded (a scanned code's `scene`
 * must be decoded, 官方文档), H5 may or may not have decoded them. Decode once, safely.
 */
export function param(value: string | undefined | null): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
