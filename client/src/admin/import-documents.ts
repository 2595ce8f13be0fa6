import { graphql } from '../graphql/generated';

/** The latest import runs and their reports (admins only). */
export const ImportRunsQuery = graphql(`
  query ImportRuns($first: Int) {
    importRuns(first: $first) {
      totalCount
      edges {
        node {
          id
          source
          format
          fileName
          partial
          dryRun
          status
          startedAt
          finishedAt
          durationMs
          rowsRead
          created
          updated
          unchanged
          merged
          republished
          unpublished
          rejected
          skipped
          error
          rejections(first: 100) {
            line
            reason
            value
          }
          unmappedActivities {
            value
            count
          }
        }
      }
    }
  }
`);
