// The one description of the compiled bundle, shared by scripts/build.mjs and the test that checks it builds.
export const bundleOptions = (outdir) => ({
  entryPoints: ['src/main.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'silent',
  // SDKs load only when their platform is configured; native and wasm packages load files beside their own code.
  external: ['@slack/*', 'wechaty', 'wechaty-*', 'grammy', '@grammyjs/*', '@wecom/*', '@shopify/*', 'file-box', '@duckdb/*', 'qrcode-terminal', '@resvg/*', 'subset-font', 'echarts', '@embedpdf/*'],
  // CommonJS libraries inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
