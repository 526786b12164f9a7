// esbuild emits imported CSS as dist/webview.css beside dist/webview.js.
declare module '*.css';
