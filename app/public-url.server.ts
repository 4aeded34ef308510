/** The app's public address: PUBLIC_BASE_URL when set, else the address of the request. */
export function publicOrigin(request: Request): string {
  const configured = process.env.PUBLIC_BASE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  return new URL(request.url).origin;
}
