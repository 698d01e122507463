// The server starts, serves the editor to a browser that carries the token, and refuses anyone else.
import { test, expect } from './fixtures/test.js';

test('the editor opens from the URL that weft serve prints', async ({ editor, server }) => {
  // The `editor` fixture opened server.url and waited for the palette: the page loaded and the app ran.
  await expect(editor.getByTestId('palette-search')).toBeVisible();
  expect(new URL(editor.url()).origin).toBe(server.origin);
});

test('a request without the token, or with a wrong one, is answered 401', async ({ request, server }) => {
  const withoutToken = await request.get(new URL('/', server.origin).href);
  expect(withoutToken.status()).toBe(401);

  const wrong = new URL('/', server.origin);
  wrong.searchParams.set('token', `${server.token}x`);
  expect((await request.get(wrong.href)).status()).toBe(401);

  // The printed URL itself is accepted, so the 401s above are about the token and nothing else. (Last:
  // its answer sets the token cookie, which this request context would then send with every request.)
  expect((await request.get(server.url)).status()).toBe(200);
});
