// Seed 16.1.2: a chat server with rooms and nicknames.
import { Chalice } from '@chalice/router';
import { Handler } from './chalicelib/handler.js';
import { Sender } from './chalicelib/sender.js';
import { MemoryStorage } from './chalicelib/storage.js';

export const app = new Chalice({ appName: 'chalice-chat-example' });
app.experimentalFeatureFlags.add('WEBSOCKETS');

// In memory: `chalice local` and the tests run every handler in one process. See README.md for
// the DynamoDB table a deployed chat needs behind the same ChatStorage interface.
export const storage = new MemoryStorage();
const sender = new Sender(app, storage);
const handler = new Handler(storage, sender);

app.onWsConnect((event) => storage.createConnection(event.connectionId));

app.onWsDisconnect((event) => storage.deleteConnection(event.connectionId));

app.onWsMessage((event) => handler.handle(event.connectionId, event.body ?? ''));
