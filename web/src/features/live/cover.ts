// Sessions have cover text but no picture: each gets a steady gradient picked from its id.
const GRADIENTS = [
  'linear-gradient(160deg, #ff7a45 0%, #f5222d 100%)',
  'linear-gradient(160deg, #40a9ff 0%, #1d39c4 100%)',
  'linear-gradient(160deg, #36cfc9 0%, #08979c 100%)',
  'linear-gradient(160deg, #ffc53d 0%, #fa541c 100%)',
  'linear-gradient(160deg, #9254de 0%, #391085 100%)',
  'linear-gradient(160deg, #73d13d 0%, #237804 100%)',
];

export function coverGradient(sessionId: string): string {
  let hash = 0;
  for (const character of sessionId) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return GRADIENTS[hash % GRADIENTS.length]!;
}

/** A card's background: the stream's latest frame (a real thumbnail) over the gradient, or the gradient alone. */
export function coverBackground(session: { id: string; thumbnailUrl: string | null }): string {
  const gradient = coverGradient(session.id);
  return session.thumbnailUrl ? `center / cover no-repeat url("${session.thumbnailUrl}"), ${gradient}` : gradient;
}
