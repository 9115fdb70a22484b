// Seed 16.1.1: a websocket echo server.
import { Chalice, WebsocketDisconnectedError } from '@chalice/router';

export const app = new Chalice({ appName: 'echo-server' });
app.experimentalFeatureFlags.add('WEBSOCKETS');

app.onWsMessage(async (event) => {
  try {
    await app.websocketApi.send(event.connectionId, event.body ?? '');
  } catch (err) {
    // The client left before its echo could reach it: nothing is tracking it, so nothing to undo.
    if (!(err instanceof WebsocketDisconnectedError)) throw err;
  }
});
