interface MiddlewareHost {
  middlewareStack: {
    add(middleware: unknown, options: { step: 'initialize'; priority: 'high'; name: string }): void;
  };
}

/**
 * Adds to `client`, outermost, a middleware that replaces an error the SDK finally gave up with (after
 * its own retries) by the domain error `translate` returns for it, or rethrows it when that is undefined.
 */
export function translateErrors<C extends MiddlewareHost>(
  client: C,
  name: string,
  translate: (error: Error) => Error | undefined,
): C {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      try {
        return await next(args);
      } catch (error) {
        throw (error instanceof Error && translate(error)) || error;
      }
    },
    { step: 'initialize', priority: 'high', name },
  );
  return client;
}
