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

/** A business failure of an account mutation, shown next to its field. */
export const AccountUserErrorFragment = graphql(`
  fragment AccountUserError on UserError {
    field
    code
    message
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
        ...AccountUserError
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

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      viewer {
        ...ViewerFields
      }
      userErrors {
        ...AccountUserError
      }
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      userErrors {
        ...AccountUserError
      }
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      viewer {
        ...ViewerFields
      }
      userErrors {
        ...AccountUserError
      }
    }
  }
`);

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      verified
      viewer {
        ...ViewerFields
        account {
          id
          emailVerified
        }
      }
      userErrors {
        ...AccountUserError
      }
    }
  }
`);

/** The signed-in person's account, for the account settings page. */
export const AccountSettingsQuery = graphql(`
  query AccountSettings {
    viewer {
      ...ViewerFields
      account {
        id
        emailVerified
        createdAt
      }
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      viewer {
        ...ViewerFields
      }
      userErrors {
        ...AccountUserError
      }
    }
  }
`);

export const ResendEmailVerificationMutation = graphql(`
  mutation ResendEmailVerification {
    resendEmailVerification {
      sent
      userErrors {
        ...AccountUserError
      }
    }
  }
`);
