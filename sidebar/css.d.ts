// CSS files are bundled by esbuild and inlined into the page.
declare module '*.css';
