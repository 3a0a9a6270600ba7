/**
 * Child process for the checkpointer's crash test: commits rows into a store file as fast as it
 * can while the checkpoint thread copies the WAL back (it looks every millisecond), and prints
 * `committed <rows> <passive checkpoints>` after each commit, until it is killed.
 */
import { openStore } from '../../../main/store';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: checkpoint-child <file>');
const store = openStore({ file, checkpointEveryMs: 1 });
const db = store.db.sqlite;
db.exec('CREATE TABLE IF NOT EXISTS burst (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)');
const insert = db.prepare('INSERT INTO burst (payload) VALUES (randomblob(4000))');
let rows = 0;
for (;;) {
  // 50 rows of 4 kB: about 50 WAL pages per commit, so the thread always has pages to copy.
  store.transaction(() => {
    for (let i = 0; i < 50; i++) insert.run();
  });
  rows += 50;
  process.stdout.write(`committed ${rows} ${store.checkpointer?.counts().passive ?? 0}\n`);
}
