import { Chalice } from '@chalice/router';
import { myapi } from './chalicelib/api.ts';
import { myevents } from './chalicelib/events.ts';

export const app = new Chalice({ appName: 'blueprint-demo' });

app.registerBlueprint(myevents, { namePrefix: 'events_' });
app.registerBlueprint(myapi, { urlPrefix: '/v1' });
