// Flat config: typescript-eslint's recommended rules over every TypeScript file we own.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.vscode-test/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // The core is vscode-free: it is unit-tested in plain Node and bundled on its own (dist/core.js).
    files: ['src/**/core/**/*.ts', 'src/core.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'core modules must not depend on vscode; put this in the vscode layer beside the core folder' }] }],
    },
  },
  {
    // The vscode layer uses the core's types freely, but its values only through loadCore.ts's core(), so that
    // activation never loads the core and no module is bundled into both dist/extension.js and dist/core.js.
    files: ['src/**/*.ts'],
    ignores: ['src/**/core/**', 'src/core.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', './core', '../core'],
              allowTypeImports: true,
              message: 'import core values through core() from src/loadCore.ts (types may be imported directly)',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/core/]', message: 'import core values through core() from src/loadCore.ts' },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
