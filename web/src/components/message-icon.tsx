/** A speech bubble (沟通 / 消息), drawn inline: an icon font module would add ~0.6 KiB to every seeker's first screen. */
export function MessageIcon() {
  return (
    <span role="img" aria-hidden className="anticon">
      <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
        <path d="M4 4.5h16v11.5h-9.5L6 20v-4H4z" />
        <path d="M8.5 10.2h.01M12 10.2h.01M15.5 10.2h.01" strokeLinecap="round" strokeWidth="2.4" />
      </svg>
    </span>
  );
}
