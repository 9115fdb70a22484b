import { WebsocketDisconnectedError, type Chalice } from '@chalice/router';
import type { ChatStorage } from './storage.ts';

/**
 * Sends chat messages over websockets. A connection that turns out to be gone (the client left,
 * but its `$disconnect` has not removed it yet) is deleted from the table instead.
 *
 * @example
 * const sender = new Sender(app, storage);
 * await sender.broadcast(await storage.getConnectionIdsByRoom('chalice'), 'John: hi');
 */
export class Sender {
  constructor(
    private readonly app: Chalice,
    private readonly storage: ChatStorage,
  ) {}

  /** Sends one message; a departed connection is removed from the table, not an error. */
  async send(connectionId: string, message: string): Promise<void> {
    try {
      await this.app.websocketApi.send(connectionId, message);
    } catch (err) {
      if (!(err instanceof WebsocketDisconnectedError)) throw err;
      // Logged so the operator (and the end-to-end test) can see a departed client was handled.
      console.log(`Removing departed connection ${err.connectionId}`);
      await this.storage.deleteConnection(err.connectionId);
    }
  }

  /** Sends the message to each connection in turn. */
  async broadcast(connectionIds: string[], message: string): Promise<void> {
    for (const id of connectionIds) await this.send(id, message);
  }
}
