import { defineConfig } from 'tsup';

export default defineConfig({
  // one entry per exports subpath: the root is runtime-neutral, /node and /express are not
  entry: ['src/index.ts', 'src/node.ts', 'src/express.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
});
