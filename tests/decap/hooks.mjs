// Decap's ESM build imports files without their extension ('./helpers'); Node needs '.js'.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error.code !== "ERR_MODULE_NOT_FOUND" || /\.[cm]?js$/.test(specifier)) throw error;
    return next(`${specifier}.js`, context);
  }
}
export async function load(url, context, next) {
  if (url.includes("/decap-cms-core/dist/esm/")) {
    return { ...(await next(url, { ...context, format: "module" })), format: "module" };
  }
  return next(url, context);
}
