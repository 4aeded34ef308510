/** "30 November 2026 at 9:05am" (UTC, so the server and the browser render the same text). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, "0");
  return `${day} at ${hours % 12 || 12}:${minutes}${hours < 12 ? "am" : "pm"} (UTC)`;
}

/** "9:05:12am (UTC)": a time of day to the second, for "last updated". */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, "0");
  const seconds = String(date.getUTCSeconds()).padStart(2, "0");
  return `${hours % 12 || 12}:${minutes}:${seconds}${hours < 12 ? "am" : "pm"} (UTC)`;
}
