import { graphql } from '../graphql/generated';

/** What the SPA knows of the person signed in (header, admin pages). */
export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on Viewer {
    csrfToken
    account {
      id
      email
      displayName
      role
    }
  }
`);

/** Who is signed in. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      ...ViewerFields
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer {
        ...ViewerFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);
