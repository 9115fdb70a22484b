import { TestClient, type TestWebsocket } from '@chalice/local';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app, storage } from '../app.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const client = new TestClient(app);
test.after(() => client.close());

async function login(name: string): Promise<TestWebsocket> {
  const conn = await client.ws.connect('/');
  await conn.send(name);
  assert.is(await conn.next(), `Using nickname: ${name}\nType /help for list of commands.`);
  return conn;
}

const say = async (conn: TestWebsocket, text: string) => {
  await conn.send(text);
  return conn.next();
};

test('the first message is the nickname; /help lists the commands', async () => {
  const john = await login('John');
  const help = String(await say(john, '/help'));
  assert.match(help, /^Commands available:\n {4}\/help\n/);
  for (const command of ['/join', '/nick', '/room', '/ls', '/quit']) assert.ok(help.includes(`    ${command}`), command);
  assert.is(await say(john, 'hello?'), 'Cannot send message if not in chatroom.');
  assert.is(await say(john, '/room'), 'Not currently in a room. Type /join {room_name} to do so.');
  assert.is(await say(john, '/dance'), 'Unknown command: dance');
  await john.close();
});

test("the seed's two-client session: join, talk, rename, leave, list", async () => {
  const john = await login('John');
  assert.is(await say(john, '/join chalice'), 'Joined chat room "chalice"');
  const jenny = await login('Jenny');
  assert.is(await say(jenny, '/join chalice'), 'Joined chat room "chalice"');
  assert.is(await john.next(), 'Jenny joined room.');
  await john.send('Hi');
  assert.is(await john.next(), 'John: Hi');
  assert.is(await jenny.next(), 'John: Hi');
  assert.is(await say(jenny, '/nick JennyJones'), 'Nickname is: JennyJones');
  assert.is(await john.next(), 'Jenny is now known as JennyJones.');
  assert.is(await say(jenny, '/ls'), ['John', 'JennyJones'].join('\n'));
  assert.is(await say(jenny, '/room'), 'chalice');
  assert.is(await say(john, '/quit'), 'Left chat room "chalice"');
  assert.is(await jenny.next(), 'John left room.');
  assert.is(await say(john, '/ls'), 'chalice');
  assert.is(await say(john, '/nick'), 'Current nickname: John');
  await john.close();
  await jenny.close();
});

test('$disconnect removes the connection from the table', async () => {
  const bob = await login('Bob');
  await say(bob, '/join lobby');
  const id = bob.connectionId;
  await bob.close();
  assert.is(await storage.getRecordByConnection(id), null);
  assert.not.ok((await storage.listRooms()).includes('lobby'));
});

test('a departed client still in the table raises WebsocketDisconnectedError: it is removed and the room carries on', async () => {
  const ann = await login('Ann');
  await say(ann, '/join ops');
  // A client whose $disconnect has not reached the table (API Gateway delivers it best-effort).
  await storage.createConnection('departed=');
  await storage.setUsername('departed=', '', 'Ghost');
  await storage.setRoom('departed=', 'ops');
  const logged: string[] = [];
  const log = console.log;
  console.log = (line: string) => logged.push(line);
  try {
    await ann.send('anyone there?');
  } finally {
    console.log = log;
  }
  assert.is(await ann.next(), 'Ann: anyone there?');
  assert.equal(logged, ['Removing departed connection departed=']);
  assert.is(await storage.getRecordByConnection('departed='), null);
  assert.is(await say(ann, '/ls'), 'Ann');
  await ann.close();
});

test.run();
