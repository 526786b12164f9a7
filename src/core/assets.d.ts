// esbuild bundles .yaml files as text (scripts/build.mjs; test/register.js does the same for mocha).
declare module '*.yaml' {
  const text: string;
  export default text;
}
