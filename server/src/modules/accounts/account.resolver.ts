import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import {
  ChangePasswordInput, RequestPasswordResetInput, ResetPasswordInput, SignInInput, SignUpInput, VerifyEmailInput,
} from './account.inputs.js';
import {
  type AccountOutcome, type BrowserCaller, changePassword, requestPasswordReset, resendEmailVerification, resetPassword, signIn, signOut, signUp,
  verifyEmail,
} from './account.service.js';
import {
  ChangePasswordPayload, RequestPasswordResetPayload, ResendEmailVerificationPayload, ResetPasswordPayload, SignInPayload, SignOutPayload, SignUpPayload,
  VerifyEmailPayload, Viewer,
} from './account.types.js';

const browserOf = (ctx: RequestContext): BrowserCaller => ({ ...callerOf(ctx), userAgent: ctx.http.userAgent });

/**
 * Applies a successful outcome to the request: the cookie of the session it opened, and its
 * viewer for the rest of the request.
 */
function applied(ctx: RequestContext, outcome: AccountOutcome): AccountOutcome {
  if (outcome.userErrors.length > 0) return outcome;
  if (outcome.session) ctx.http.setSessionCookie(outcome.session.token, outcome.session.expiresAt);
  ctx.viewer = outcome.viewer;
  return outcome;
}

@Resolver()
export class AccountResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in person (from the session cookie); null when anonymous.' })
  viewer(@Ctx() ctx: RequestContext): Viewer | null {
    return Viewer.of(ctx.viewer);
  }

  @Mutation(() => SignUpPayload, {
    description: 'Creates a buyer or supplier staff account, signs it in (session cookie) and sends a mail to confirm the address.',
  })
  async signUp(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SignUpInput, { description: 'The new account.' }) input: SignUpInput,
  ): Promise<SignUpPayload> {
    const outcome = applied(ctx, await signUp(ctx, browserOf(ctx), input));
    return Object.assign(new SignUpPayload(), { viewer: Viewer.of(outcome.viewer), userErrors: outcome.userErrors });
  }

  @Mutation(() => SignInPayload, {
    description:
      'Signs in with an email address and a password, and sets the session cookie. Repeated failures are refused for a while (TOO_MANY_ATTEMPTS).',
  })
  async signIn(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SignInInput, { description: 'The credentials.' }) input: SignInInput,
  ): Promise<SignInPayload> {
    const outcome = applied(ctx, await signIn(ctx, browserOf(ctx), input));
    return Object.assign(new SignInPayload(), { viewer: Viewer.of(outcome.viewer), userErrors: outcome.userErrors });
  }

  @Mutation(() => SignOutPayload, { description: 'Ends the session of this browser and removes the cookie.' })
  async signOut(@Ctx() ctx: RequestContext): Promise<SignOutPayload> {
    const signedOut = await signOut(ctx, callerOf(ctx));
    ctx.http.clearSessionCookie();
    ctx.viewer = null;
    return Object.assign(new SignOutPayload(), { signedOut });
  }

  @Mutation(() => RequestPasswordResetPayload, {
    description: 'Sends a password reset link (valid one hour, single use) to the address if it has an account. The answer never says whether it has one.',
  })
  async requestPasswordReset(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RequestPasswordResetInput, { description: 'The address to send the link to.' }) input: RequestPasswordResetInput,
  ): Promise<RequestPasswordResetPayload> {
    return Object.assign(new RequestPasswordResetPayload(), { userErrors: await requestPasswordReset(ctx, callerOf(ctx), input) });
  }

  @Mutation(() => ResetPasswordPayload, {
    description: 'Sets a new password with the token of a reset link; ends every session of the account and signs this browser in.',
  })
  async resetPassword(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ResetPasswordInput, { description: 'The token and the new password.' }) input: ResetPasswordInput,
  ): Promise<ResetPasswordPayload> {
    const outcome = applied(ctx, await resetPassword(ctx, browserOf(ctx), input));
    return Object.assign(new ResetPasswordPayload(), { viewer: Viewer.of(outcome.viewer), userErrors: outcome.userErrors });
  }

  @Mutation(() => ChangePasswordPayload, {
    description: 'Changes the password of the signed-in account (UNAUTHENTICATED otherwise); its other sessions end.',
  })
  async changePassword(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ChangePasswordInput, { description: 'The current and the new password.' }) input: ChangePasswordInput,
  ): Promise<ChangePasswordPayload> {
    const outcome = applied(ctx, await changePassword(ctx, callerOf(ctx), input));
    return Object.assign(new ChangePasswordPayload(), { viewer: Viewer.of(outcome.viewer), userErrors: outcome.userErrors });
  }

  @Mutation(() => VerifyEmailPayload, { description: 'Confirms an email address with the token of the link sent at sign-up.' })
  async verifyEmail(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => VerifyEmailInput, { description: 'The token of the link.' }) input: VerifyEmailInput,
  ): Promise<VerifyEmailPayload> {
    const outcome = applied(ctx, await verifyEmail(ctx, callerOf(ctx), input));
    return Object.assign(new VerifyEmailPayload(), {
      verified: outcome.userErrors.length === 0,
      viewer: Viewer.of(outcome.viewer),
      userErrors: outcome.userErrors,
    });
  }

  @Mutation(() => ResendEmailVerificationPayload, {
    description:
      'Sends a new confirmation link (valid 7 days) to the address of the signed-in account (UNAUTHENTICATED otherwise). At most 3 an hour (TOO_MANY_ATTEMPTS).',
  })
  async resendEmailVerification(@Ctx() ctx: RequestContext): Promise<ResendEmailVerificationPayload> {
    const userErrors = await resendEmailVerification(ctx, callerOf(ctx));
    return Object.assign(new ResendEmailVerificationPayload(), { sent: userErrors.length === 0, userErrors });
  }
}
