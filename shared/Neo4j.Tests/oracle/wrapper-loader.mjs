// Module-loader hooks that let Node 20 load @neo4j-labs/experimental-query-api-wrapper unchanged:
// its package says "commonjs" but its lib/ files use ES-module syntax with extensionless relative
// imports. Files under its lib/ are loaded as ES modules, and "./codec" resolves to "./codec.js".
const WRAPPER = '/@neo4j-labs/experimental-query-api-wrapper/lib/';

export async function resolve(specifier, context, nextResolve) {
  const fromWrapper = context.parentURL?.includes(WRAPPER);
  if (fromWrapper && specifier.startsWith('.') && !/\.[cm]?js$/.test(specifier)) {
    try {
      return await nextResolve(`${specifier}.js`, context);
    } catch {
      return nextResolve(`${specifier}/index.js`, context);
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.includes(WRAPPER) && url.endsWith('.js')) {
    return nextLoad(url, { ...context, format: 'module' });
  }
  return nextLoad(url, context);
}
