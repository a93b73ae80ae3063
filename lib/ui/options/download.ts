/** Saves text as a file through the page's own download (a Blob link): no downloads permission needed. */
export function downloadText(text: string, filename: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type GuessedKind = 'backup' | 'linkedin' | 'vcard' | 'x';

/** What a chosen file probably is, from its name (the user can change it). */
export function guessKind(name: string): GuessedKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'backup';
  if (lower.endsWith('.vcf') || lower.endsWith('.vcard')) return 'vcard';
  if (lower.endsWith('.csv')) return 'linkedin';
  // X's archive is a folder of window.YTD.<name>.part0 = [...] scripts.
  if (lower.endsWith('.js')) return 'x';
  return null;
}
