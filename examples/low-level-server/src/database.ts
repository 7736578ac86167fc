/**
 * A stand-in for a real database client, so the example runs anywhere. It reports connecting
 * and disconnecting on stderr (stdout is the stdio wire).
 */
import process from 'node:process';

const USERS = [
  { id: 1, name: 'Ada Lovelace' },
  { id: 2, name: 'Alan Turing' },
];

export class Database {
  private open = true;

  /** Opens a connection. */
  static async connect(): Promise<Database> {
    await Promise.resolve();
    process.stderr.write('[low-level-server] database connected\n');
    return new Database();
  }

  /** Answers a query: here, the users whose name contains it. */
  async query(text: string): Promise<Array<{ id: number; name: string }>> {
    if (!this.open) throw new Error('the database is disconnected');
    return USERS.filter((user) => user.name.toLowerCase().includes(text.toLowerCase()));
  }

  /** Closes the connection. */
  async disconnect(): Promise<void> {
    this.open = false;
    await Promise.resolve();
    process.stderr.write('[low-level-server] database disconnected\n');
  }
}
