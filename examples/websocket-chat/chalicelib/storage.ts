/**
 * What the chat knows about one connection: its nickname (`''` until the first message sets
 * it) and the room it is in, if any.
 *
 * @example
 * const record: ConnectionRecord = { username: 'John', room: 'chalice' };
 */
export interface ConnectionRecord {
  username: string;
  room?: string;
}

/**
 * The chat's connection table, as the seed's `Storage` class has it. Every method is async so a
 * DynamoDB version (the seed's table: partition key `PK` = connection id, sort key `SK` =
 * `username_{name}` or `room_{room}`, and a `ReverseLookup` index on `SK`) can stand in for
 * {@link MemoryStorage} without touching the handler.
 *
 * @example
 * await storage.createConnection(event.connectionId);
 * await storage.setUsername(event.connectionId, '', 'John');
 */
export interface ChatStorage {
  /** A new connection, with no nickname yet. */
  createConnection(connectionId: string): Promise<void>;
  /** Replaces the nickname (`oldName` is part of the DynamoDB key, hence passed in). */
  setUsername(connectionId: string, oldName: string, username: string): Promise<void>;
  /** Every room someone is in. */
  listRooms(): Promise<string[]>;
  setRoom(connectionId: string, room: string): Promise<void>;
  removeRoom(connectionId: string, room: string): Promise<void>;
  getConnectionIdsByRoom(room: string): Promise<string[]>;
  /** Forgets a connection and everything about it. */
  deleteConnection(connectionId: string): Promise<void>;
  /** `null` for a connection the table does not know (it was deleted meanwhile). */
  getRecordByConnection(connectionId: string): Promise<ConnectionRecord | null>;
}

/**
 * The table in memory, keyed as the DynamoDB one (`PK` -> set of `SK`). It serves `chalice
 * local` and tests, where every handler runs in one process; deployed, each Lambda function has
 * its own memory, so a deployed chat needs the DynamoDB version.
 *
 * @example
 * const storage = new MemoryStorage();
 * await storage.createConnection('abc=');
 */
export class MemoryStorage implements ChatStorage {
  readonly #items = new Map<string, Set<string>>();

  async createConnection(connectionId: string): Promise<void> {
    this.#items.set(connectionId, new Set(['username_']));
  }

  async setUsername(connectionId: string, oldName: string, username: string): Promise<void> {
    const keys = this.#keys(connectionId);
    keys.delete(`username_${oldName}`);
    keys.add(`username_${username}`);
  }

  async listRooms(): Promise<string[]> {
    const rooms = new Set<string>();
    for (const keys of this.#items.values()) for (const key of keys) if (key.startsWith('room_')) rooms.add(key.slice(5));
    return [...rooms];
  }

  async setRoom(connectionId: string, room: string): Promise<void> {
    this.#keys(connectionId).add(`room_${room}`);
  }

  async removeRoom(connectionId: string, room: string): Promise<void> {
    this.#items.get(connectionId)?.delete(`room_${room}`);
  }

  async getConnectionIdsByRoom(room: string): Promise<string[]> {
    return [...this.#items].filter(([, keys]) => keys.has(`room_${room}`)).map(([id]) => id);
  }

  async deleteConnection(connectionId: string): Promise<void> {
    this.#items.delete(connectionId);
  }

  async getRecordByConnection(connectionId: string): Promise<ConnectionRecord | null> {
    const keys = this.#items.get(connectionId);
    if (!keys) return null;
    const record: ConnectionRecord = { username: '' };
    for (const key of keys) {
      const [property, value] = [key.slice(0, key.indexOf('_')), key.slice(key.indexOf('_') + 1)];
      if (property === 'username') record.username = value;
      else if (property === 'room') record.room = value;
    }
    return record;
  }

  // A put on an unknown key creates the item, as DynamoDB's PutItem does.
  #keys(connectionId: string): Set<string> {
    let keys = this.#items.get(connectionId);
    if (!keys) this.#items.set(connectionId, (keys = new Set()));
    return keys;
  }
}
