import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the committed contract: a query that drifts from the schema fails the build.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,vue}', '!src/graphql/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Every schema type, not only those the documents use: labels cover whole enums.
        onlyOperationTypes: false,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};

export default config;
