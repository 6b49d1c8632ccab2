import { Link } from 'react-router-dom';
import { splitPlatformLinks } from './links';

/** A message body as text; only links to this platform are links (others stay plain text). */
export function MessageText({ body }: { body: string }) {
  const parts = splitPlatformLinks(body, window.location.origin);
  return (
    <>
      {parts.map((part, index) => (part.kind === 'link' ? <Link key={index} to={part.path}>{part.text}</Link> : <span key={index}>{part.text}</span>))}
    </>
  );
}
