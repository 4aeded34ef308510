import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Which folder may import which (see README, "Layout and import rules").
const FRAMEWORKS = "^(react|react-dom|react-hook-form|@remix-run/|@react-pdf/|kysely|better-sqlite3|zod|@hookform/)";
const NODE_BUILTINS = "^(node:|fs$|path$|crypto$|os$|url$|stream$|child_process$|worker_threads$)";

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "data/", ".cache/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ["app/**/*.tsx"], ...jsxA11y.flatConfigs.recommended },
  {
    // scoring/ is pure domain code: no frameworks, no I/O, no clock, no randomness.
    files: ["scoring/**/*.ts"],
    ignores: ["scoring/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: FRAMEWORKS, message: "scoring/ is pure TypeScript: no frameworks or validation libraries." },
            { regex: NODE_BUILTINS, message: "scoring/ does no I/O: pass data in as arguments." },
            { regex: "(^|/)(app|db)(/|$)", message: "scoring/ must not depend on app/ or db/." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass the date in." },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Pass the date in.",
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: "No randomness in scoring.",
        },
      ],
    },
  },
  {
    // db/ holds the SQL and knows nothing of the web app.
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "(^|/)app(/|$)", message: "db/ must not depend on app/." },
            { regex: "^(react|react-dom|@remix-run/)", message: "db/ must not depend on the web framework." },
          ],
        },
      ],
    },
  },
  {
    // Code that reaches the browser may use db/ only for types: queries live in loaders and actions.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.{ts,tsx}", "app/routes/**", "app/entry.server.tsx", "app/**/*.test.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)db/",
              allowTypeImports: true,
              message: "Import database code only in *.server.ts files or route loaders and actions.",
            },
          ],
        },
      ],
    },
  },
);
