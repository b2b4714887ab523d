/**
 * A copy of `config` without the field `path` names, in the form a
 * `ConfigError` gives it (`cookie.expiresDays`, `categories.analytics.cookies[2]`),
 * copying only the objects on the way to it; `undefined` when the config has
 * no such field of its own. The script tag uses it to leave out exactly what
 * is invalid and keep the rest of a CMS editor's config.
 */
export function dropField(config: Record<string, unknown>, path: string): Record<string, unknown> | undefined {
  const keys = path.split(/[.[\]]+/).filter(Boolean);
  const drop = (value: unknown, depth: number): unknown => {
    const key = keys[depth]!;
    if (typeof value != 'object' || !value || !Object.prototype.hasOwnProperty.call(value, key)) return;
    const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown> & unknown[];
    if (depth < keys.length - 1) {
      const inner = drop(copy[key], depth + 1);
      if (!inner) return;
      copy[key] = inner;
    } else if (Array.isArray(copy)) copy.splice(+key, 1);
    else delete copy[key];
    return copy;
  };
  return drop(config, 0) as Record<string, unknown> | undefined;
}
