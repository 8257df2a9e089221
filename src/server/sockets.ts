/** Open sockets per seat, so that revoking a seat's token closes them at once. */
export class SocketRegistry {
  private readonly bySeat = new Map<string, Set<{ close(code?: number, reason?: string): void }>>();

  add(session: string, role: string, socket: { close(code?: number, reason?: string): void }): () => void {
    const key = `${session}\n${role}`;
    let set = this.bySeat.get(key);
    if (!set) this.bySeat.set(key, (set = new Set()));
    set.add(socket);
    return () => {
      set.delete(socket);
      if (set.size === 0) this.bySeat.delete(key);
    };
  }

  closeSeat(session: string, role: string): void {
    for (const socket of this.bySeat.get(`${session}\n${role}`) ?? []) socket.close(4401, 'token revoked');
  }

  closeAll(): void {
    for (const set of this.bySeat.values()) for (const socket of set) socket.close(1001, 'server stopping');
  }
}
