// A utility-process script for runner-broker.test.ts: answers each text message with `echo:` and the
// text, and exits with the code given in `exit:<code>`. Started through fake-utility-process.ts.
const port = process.parentPort;
port.on('message', ({ data }) => {
  if (typeof data !== 'string') return;
  if (data.startsWith('exit:')) {
    process.stderr.write('echo: leaving as asked\n');
    setTimeout(() => process.exit(Number(data.slice('exit:'.length))), 20);
    return;
  }
  port.postMessage(`echo:${data}`);
});
port.start();
