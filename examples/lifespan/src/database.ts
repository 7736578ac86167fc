/**
 * A stand-in for a real database client, so the example runs anywhere: `connect()` and
 * `disconnect()` take a moment and say so on stderr (never stdout: that is the stdio wire).
 */
import process from 'node:process';

export class Database {
  private queries = 0;
  private open = true;

  private constructor(readonly connectedAt: Date) {}

  /** Opens a connection. */
  static async connect(): Promise<Database> {
    await Promise.resolve();
    process.stderr.write('[lifespan] database connected\n');
    return new Database(new Date());
  }

  /** Runs a query; counts them so a tool can show every call shares this one connection. */
  async query(sql: string): Promise<string> {
    if (!this.open) throw new Error('the database is disconnected');
    this.queries++;
    return `result of ${JSON.stringify(sql)} (query #${this.queries} on this connection)`;
  }

  get queryCount(): number {
    return this.queries;
  }

  /** Closes the connection. */
  async disconnect(): Promise<void> {
    this.open = false;
    await Promise.resolve();
    process.stderr.write(`[lifespan] database disconnected after ${this.queries} queries\n`);
  }
}
