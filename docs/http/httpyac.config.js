// httpyac's settings for this collection (docs/http/README.md).
//
// A GET shows every write answered before it (docs/api.md, "Consistency"), but some outcomes come later by nature:
// a payout settles when the provider answers, a transfer answered 202 is still running. For those this collection
// asks again:
//   - a GET answered 404 is sent again every 250 ms for up to 5 s, unless it says "# @noRetry" (it expects the 404);
//   - a GET marked "# @waitUntil <expression>" is sent again every 250 ms for up to 10 s until the expression, over
//     the answer's JSON `body` and the collection's variables, is true.
// Only GETs are sent again: a command is never repeated behind the reader's back.
const PAUSE_MS = 250;
const NOT_FOUND_TRIES = 20;
const WAIT_TRIES = 40;

const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

function jsonOf(response) {
  try {
    return JSON.parse(Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.body);
  } catch {
    return undefined;
  }
}

module.exports = {
  configureHooks(api) {
    api.hooks.onRequest.addHook('askAgainUntilTheReadModelFollows', (request, context) => {
      const metaData = context.httpRegion.metaData;
      const waitUntil = typeof metaData.waitUntil === 'string' ? metaData.waitUntil : undefined;
      if (request.method !== 'GET' || (waitUntil === undefined && metaData.noRetry !== undefined)) {
        return;
      }
      let tries = 0;
      const again = async (response) => {
        tries += 1;
        if (waitUntil !== undefined) {
          // An answer of another shape (a 404 problem while the read model catches up) is "not yet", not an error.
          const done = response.statusCode < 300 && await api.javascriptProvider
            .evalExpression(waitUntil, context, { body: jsonOf(response) })
            .catch(() => false);
          return !done && tries < WAIT_TRIES;
        }
        return response.statusCode === 404 && tries < NOT_FOUND_TRIES;
      };
      const hooks = request.options?.hooks ?? {};
      request.options = {
        ...request.options,
        hooks: {
          ...hooks,
          afterResponse: [
            ...(hooks.afterResponse ?? []),
            async (response, retryWithMergedOptions) => {
              let answer = response;
              while (await again(answer)) {
                await pause();
                // got runs the hooks before this one on the new answer, not this one: hence the loop here.
                answer = await retryWithMergedOptions({});
              }
              return answer;
            },
          ],
        },
      };
    });
  },
};
