/**
 * /readyz's checks. The answer names each dependency and says only 'ok' or 'unavailable':
 * anyone may call it, and a driver's error text can carry host names, ports and user names.
 * The detail goes to the log, where the operator looks.
 */
export type Check = () => Promise<unknown>;

export async function runReadiness(
  checks: Readonly<Record<string, Check>>,
  log: { warn(details: object, message: string): void },
): Promise<Record<string, 'ok' | 'unavailable'>> {
  const names = Object.keys(checks);
  const results = await Promise.all(
    names.map(name =>
      checks[name]!().then(
        () => 'ok' as const,
        (err: unknown) => {
          log.warn({ err, check: name }, 'readiness check failed');
          return 'unavailable' as const;
        },
      ),
    ),
  );
  return Object.fromEntries(names.map((n, i) => [n, results[i]!]));
}
