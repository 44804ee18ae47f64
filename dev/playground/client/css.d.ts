// Lets the page import its CSS (esbuild inlines it).
declare module '*.css';
