/** Tag colours of a session's status in the host's pages. */
export const STATUS_COLORS = { scheduled: 'blue', live: 'red', ended: 'default', missed: 'default' } as const;
