import { type ResultOf, graphql } from '@aim/ui';

/** Everything the account pages show about the signed-in user. */
export const UserFields = graphql(`
  fragment UserFields on User {
    id
    email
    alternateEmail
    displayName
    firstName
    lastName
    role
    company {
      ein
      name
      type
      street
      city
      state
      zip
      phone
      fax
      branchName
      branchAddress
    }
  }
`);

export type User = ResultOf<typeof UserFields>;
export type Company = NonNullable<User['company']>;

export const MeQuery = graphql(
  `
    query Me {
      me {
        ...UserFields
      }
    }
  `,
  [UserFields],
);

export const RequestSignUpCodeMutation = graphql(`
  mutation RequestSignUpCode($email: String!) {
    requestSignUpCode(email: $email)
  }
`);

export const SignUpMutation = graphql(
  `
    mutation SignUp($input: SignUpInput!) {
      signUp(input: $input) {
        user {
          ...UserFields
        }
      }
    }
  `,
  [UserFields],
);

export const SignInMutation = graphql(
  `
    mutation SignIn($email: String!, $password: String!) {
      signIn(email: $email, password: $password) {
        user {
          ...UserFields
        }
      }
    }
  `,
  [UserFields],
);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(
  `
    mutation ResetPassword($email: String!, $code: String!, $newPassword: String!) {
      resetPassword(email: $email, code: $code, newPassword: $newPassword) {
        user {
          ...UserFields
        }
      }
    }
  `,
  [UserFields],
);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const UpdateProfileMutation = graphql(
  `
    mutation UpdateProfile($input: ProfileInput!) {
      updateProfile(input: $input) {
        ...UserFields
      }
    }
  `,
  [UserFields],
);
