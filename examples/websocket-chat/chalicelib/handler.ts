import type { Sender } from './sender.ts';
import type { ChatStorage, ConnectionRecord } from './storage.ts';

type Command = (connectionId: string, args: string[], record: ConnectionRecord) => Promise<void>;

const HELP = [
  'Commands available:',
  '    /help',
  '        Display this message.',
  '    /join {chat_room_name}',
  '        Join a chatroom named {chat_room_name}.',
  '    /nick {nickname}',
  '        Change your name to {nickname}. If no {nickname}',
  '        is provided then your current name will be printed',
  '    /room',
  '        Print out the name of the room you are currently ',
  '        in.',
  '    /ls',
  '        If you are in a room, list all users also in the ',
  '        room. Otherwise, list all rooms.',
  '    /quit',
  '        Leave current room.',
  '',
  'If you are in a room, raw text messages that do not start ',
  'with a / will be sent to everyone else in the room.',
].join('\n');

/**
 * The chat itself (seed 16.1.2): the first message of a connection is its nickname; then a
 * message starting with `/` is a command, anything else goes to everyone in the sender's room.
 *
 * @example
 * const handler = new Handler(storage, new Sender(app, storage));
 * app.onWsMessage((event) => handler.handle(event.connectionId, event.body ?? ''));
 */
export class Handler {
  readonly #commands: Record<string, Command> = {
    help: (id) => this.sender.send(id, HELP),
    nick: (id, args, record) => this.#nick(id, args, record),
    join: (id, args, record) => this.#join(id, args, record),
    room: (id, _, record) => this.sender.send(id, record.room ?? 'Not currently in a room. Type /join {room_name} to do so.'),
    quit: (id, _, record) => this.#quit(id, record),
    ls: (id, _, record) => this.#list(id, record),
  };

  constructor(
    private readonly storage: ChatStorage,
    private readonly sender: Sender,
  ) {}

  /** Handles one message from a connection. */
  async handle(connectionId: string, message: string): Promise<void> {
    const record = await this.storage.getRecordByConnection(connectionId);
    // Gone already: its $disconnect ran while this message was on its way.
    if (!record) return;
    if (record.username === '') {
      await this.storage.setUsername(connectionId, '', message);
      await this.sender.send(connectionId, `Using nickname: ${message}\nType /help for list of commands.`);
    } else if (message.startsWith('/')) {
      const args = message.slice(1).split(' ');
      const name = args.shift()!.toLowerCase();
      const command = this.#commands[name];
      if (command) await command(connectionId, args, record);
      else await this.sender.send(connectionId, `Unknown command: ${name}`);
    } else if (!record.room) {
      await this.sender.send(connectionId, 'Cannot send message if not in chatroom.');
    } else {
      await this.sender.broadcast(await this.storage.getConnectionIdsByRoom(record.room), `${record.username}: ${message}`);
    }
  }

  async #nick(connectionId: string, args: string[], record: ConnectionRecord): Promise<void> {
    const nick = args[0];
    if (!nick) return this.sender.send(connectionId, `Current nickname: ${record.username}`);
    await this.storage.setUsername(connectionId, record.username, nick);
    await this.sender.send(connectionId, `Nickname is: ${nick}`);
    if (record.room) {
      // Everyone else in the room hears of it; the user already had the confirmation.
      const others = (await this.storage.getConnectionIdsByRoom(record.room)).filter((id) => id !== connectionId);
      await this.sender.broadcast(others, `${record.username} is now known as ${nick}.`);
    }
  }

  async #join(connectionId: string, args: string[], record: ConnectionRecord): Promise<void> {
    const room = args[0];
    if (!room) return this.sender.send(connectionId, 'Usage: /join {chat_room_name}');
    await this.#quit(connectionId, record);
    const already = await this.storage.getConnectionIdsByRoom(room);
    await this.storage.setRoom(connectionId, room);
    await this.sender.send(connectionId, `Joined chat room "${room}"`);
    await this.sender.broadcast(already, `${record.username} joined room.`);
  }

  async #quit(connectionId: string, record: ConnectionRecord): Promise<void> {
    if (!record.room) return;
    await this.storage.removeRoom(connectionId, record.room);
    await this.sender.send(connectionId, `Left chat room "${record.room}"`);
    await this.sender.broadcast(await this.storage.getConnectionIdsByRoom(record.room), `${record.username} left room.`);
  }

  async #list(connectionId: string, record: ConnectionRecord): Promise<void> {
    let names: string[];
    if (record.room) {
      const records = await Promise.all((await this.storage.getConnectionIdsByRoom(record.room)).map((id) => this.storage.getRecordByConnection(id)));
      names = records.flatMap((r) => (r ? [r.username] : []));
    } else names = await this.storage.listRooms();
    await this.sender.send(connectionId, names.join('\n'));
  }
}
