// Links in chat messages are shown as text (no phishing or off-platform payment pages one tap away), except
// links to the platform itself, which open inside the app.

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; path: string };

// Up to whitespace or the punctuation that ends a Chinese or English sentence around a URL.
const URL_PATTERN = /https?:\/\/[^\s<>"'，。！？；、）】》]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/** Splits a message into text and platform links (same origin as `origin`); other URLs stay text. */
export function splitPlatformLinks(body: string, origin: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const previous = parts.at(-1);
    if (previous?.kind === 'text') previous.text += text;
    else parts.push({ kind: 'text', text });
  };
  for (const match of body.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index;
    pushText(body.slice(last, start));
    last = start + raw.length;
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    if (url && url.origin === origin && !url.username && !url.password) parts.push({ kind: 'link', text: raw, path: `${url.pathname}${url.search}${url.hash}` });
    else pushText(raw);
  }
  pushText(body.slice(last));
  return parts;
}
