/**
 * The sessions that are live on this server, by session id: logout and expiry end one at once,
 * and a signed cookie whose id is not here is worthless. Bounded: at most `maxPerUser` sessions per
 * user (the oldest goes) and `maxSessions` in all (expired ones are swept first). Pure.
 */
export class SessionStore {
  private readonly sessions = new Map<string, { username: string; exp: number }>();

  constructor(
    private readonly maxSessions = 10_000,
    private readonly maxPerUser = 20,
  ) {}

  get size() {
    return this.sessions.size;
  }

  add(sid: string, username: string, exp: number, now = Date.now()) {
    const own = [...this.sessions].filter(([, s]) => s.username === username);
    for (const [id] of own.slice(0, Math.max(0, own.length - this.maxPerUser + 1))) this.sessions.delete(id);
    // Sessions are kept in the order they began, so the expired ones sit at the front; when all
    // are live and there is no room, the oldest goes.
    for (const [id, session] of this.sessions) {
      if (this.sessions.size < this.maxSessions && session.exp > now) break;
      this.sessions.delete(id);
    }
    this.sessions.set(sid, { username, exp });
  }

  isLive(sid: string, username: string, now = Date.now()): boolean {
    const session = this.sessions.get(sid);
    if (!session) return false;
    if (session.exp <= now) {
      this.sessions.delete(sid);
      return false;
    }
    return session.username === username;
  }

  revoke(sid: string) {
    this.sessions.delete(sid);
  }
}
