// Stands in for Electron's utility-process bootstrap in tests (fake-utility-process.ts): gives the
// runner a `process.parentPort` like Electron's (messages arrive as events with `data`, postMessage
// sends), carried over this test child's Node IPC channel, then starts the real runner script.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

const port = new EventEmitter();
const queued = [];
let started = false;
port.postMessage = (message) => process.send(message);
port.start = () => {
  started = true;
  for (const data of queued.splice(0)) port.emit('message', { data });
};
process.on('message', (data) => {
  if (started) port.emit('message', { data });
  else queued.push(data);
});
process.parentPort = port;
// Electron ends a utility process with its app; here the test host's exit closes the IPC channel.
const exit = process.exit.bind(process);
process.on('disconnect', () => exit(0));

const runner = process.argv[2];
if (runner === undefined) throw new Error('utility-shim: the runner script path is missing');
await import(pathToFileURL(runner).href);
