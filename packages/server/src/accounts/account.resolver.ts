import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, requireUser } from '../graphql/context.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import { AuthPayload, Company, NewApiToken, ProfileInput, SignUpInput, User, ApiToken } from './account.model.js';
import { changePassword, requestPasswordReset, resetPassword } from './password-change.js';
import { updateProfile } from './profile.js';
import { endSession } from './sessions.js';
import { signIn } from './sign-in.js';
import { requestSignUpCode, signUp } from './sign-up.js';

/** Accounts (SPEC ACC): thin mapping from GraphQL to the use cases beside this file. */
@Resolver(() => User)
export class AccountResolver {
  @Query(() => User, { nullable: true, description: '[filer] null when signed out' })
  me(@Ctx() context: Context): User | null {
    return context.viewer;
  }

  @FieldResolver(() => Company, { nullable: true, description: 'null until the profile is completed (SPEC ACC-3)' })
  async company(@Root() user: User, @Ctx() { loaders }: Context): Promise<Company | null> {
    if (!user.companyId) return null;
    const row = await loaders.company.load(user.companyId);
    return row ?? null;
  }

  @Mutation(() => Boolean, { description: 'always true: never reveals whether the email has an account' })
  async requestSignUpCode(@Arg('email', () => String) email: string, @Ctx() context: Context): Promise<boolean> {
    await requestSignUpCode(context, email, context.clientAddress);
    return true;
  }

  @Mutation(() => AuthPayload)
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() context: Context): Promise<AuthPayload> {
    const { user, sessionSecret } = await signUp(context, input, context.clientAddress);
    context.setSessionCookie(sessionSecret);
    return { user };
  }

  @Mutation(() => AuthPayload)
  async signIn(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() context: Context,
  ): Promise<AuthPayload> {
    const { user, sessionSecret } = await signIn(context, email, password, context.clientAddress);
    context.setSessionCookie(sessionSecret);
    return { user };
  }

  @Mutation(() => Boolean)
  async signOut(@Ctx() context: Context): Promise<boolean> {
    if (context.sessionSecret) await endSession(context, context.sessionSecret);
    context.setSessionCookie(null);
    return true;
  }

  @Mutation(() => Boolean, { description: 'always true' })
  async requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() context: Context): Promise<boolean> {
    await requestPasswordReset(context, email, context.clientAddress);
    return true;
  }

  @Mutation(() => AuthPayload)
  async resetPassword(
    @Arg('email', () => String) email: string,
    @Arg('code', () => String) code: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() context: Context,
  ): Promise<AuthPayload> {
    const { user, sessionSecret } = await resetPassword(context, { email, code, newPassword }, context.clientAddress);
    context.setSessionCookie(sessionSecret);
    return { user };
  }

  @Mutation(() => Boolean, { description: '[filer]' })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() context: Context,
  ): Promise<boolean> {
    await changePassword(context, requireUser(context), { currentPassword, newPassword }, context.sessionSecret);
    return true;
  }

  @Mutation(() => User, { description: '[filer]' })
  updateProfile(@Arg('input', () => ProfileInput) input: ProfileInput, @Ctx() context: Context): Promise<User> {
    return updateProfile(context, requireUser(context), input);
  }

  @Query(() => [ApiToken], { description: '[filer]' })
  apiTokens(@Ctx() context: Context): Promise<ApiToken[]> {
    return listApiTokens(context, requireUser(context).id);
  }

  @Mutation(() => NewApiToken, { description: '[filer]' })
  createApiToken(@Arg('name', () => String) name: string, @Ctx() context: Context): Promise<NewApiToken> {
    return createApiToken(context, requireUser(context).id, name);
  }

  @Mutation(() => Boolean, { description: '[filer]' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<boolean> {
    await revokeApiToken(context, requireUser(context).id, id);
    return true;
  }
}
