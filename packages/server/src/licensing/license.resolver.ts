import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { UserRow } from '../accounts/sessions.js';
import { AppError, ErrorCode } from '../errors.js';
import { type Context, requireAnalyst, requireUser } from '../graphql/context.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { Publication } from '../monitor/monitor.model.js';
import {
  FlagInput,
  License,
  LicenseConnection,
  LicenseFilter,
  LicensePreview,
  LowValueLicenseInput,
  ReviewFilter,
  SavedSearch,
  StandardLicenseInput,
} from './license.model.js';

const emptyConnection = (): LicenseConnection => ({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });

/** Called after the access check, so the public still gets UNAUTHENTICATED first. */
function notReleased(_viewer: UserRow): never {
  throw new AppError(ErrorCode.NOT_IMPLEMENTED, 'Applying for licenses opens in a later release of AIM.');
}

/**
 * Licenses (SPEC LIC, DASH, REV). No license can be submitted yet, so the queries answer the
 * truth (none) after the same access checks the full feature will make, and the mutations say
 * that the feature is not released.
 */
@Resolver()
export class LicenseResolver {
  @Query(() => License, { nullable: true, description: "[filer] own company's license by number" })
  license(@Arg('number', () => String) _number: string, @Ctx() context: Context): License | null {
    requireUser(context);
    return null;
  }

  @Query(() => LicenseConnection, { description: '[filer]' })
  licenses(
    @Arg('filter', () => LicenseFilter, { nullable: true }) _filter: LicenseFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) _first: number | null,
    @Arg('after', () => String, { nullable: true }) _after: string | null,
    @Ctx() context: Context,
  ): LicenseConnection {
    requireUser(context);
    return emptyConnection();
  }

  @Query(() => [SavedSearch], { description: '[filer]' })
  savedSearches(@Ctx() context: Context): SavedSearch[] {
    requireUser(context);
    return [];
  }

  @Query(() => LicenseConnection, { description: '[analyst]' })
  reviewQueue(
    @Arg('filter', () => ReviewFilter, { nullable: true }) _filter: ReviewFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) _first: number | null,
    @Arg('after', () => String, { nullable: true }) _after: string | null,
    @Ctx() context: Context,
  ): LicenseConnection {
    requireAnalyst(context);
    return emptyConnection();
  }

  @Query(() => License, { nullable: true, description: '[analyst] any license' })
  reviewLicense(@Arg('number', () => String) _number: string, @Ctx() context: Context): License | null {
    requireAnalyst(context);
    return null;
  }

  @Query(() => [Publication], { description: '[analyst]' })
  publications(@Ctx() context: Context): Publication[] {
    requireAnalyst(context);
    return [];
  }

  @Mutation(() => LicensePreview, { description: '[filer] validate and compute without writing' })
  previewLicense(@Arg('input', () => StandardLicenseInput) _input: StandardLicenseInput, @Ctx() context: Context): LicensePreview {
    return notReleased(requireUser(context));
  }

  @Mutation(() => License, { description: '[filer] certify must be true; a repeated idempotencyKey returns the first license' })
  submitLicense(
    @Arg('input', () => StandardLicenseInput) _input: StandardLicenseInput,
    @Arg('certify', () => Boolean) _certify: boolean,
    @Arg('idempotencyKey', () => String, { nullable: true }) _idempotencyKey: string | null,
    @Ctx() context: Context,
  ): License {
    return notReleased(requireUser(context));
  }

  @Mutation(() => License, { description: '[filer]' })
  submitLowValueLicense(
    @Arg('input', () => LowValueLicenseInput) _input: LowValueLicenseInput,
    @Arg('certify', () => Boolean) _certify: boolean,
    @Arg('idempotencyKey', () => String, { nullable: true }) _idempotencyKey: string | null,
    @Ctx() context: Context,
  ): License {
    return notReleased(requireUser(context));
  }

  @Mutation(() => License, { description: '[filer] → CORRECTED' })
  modifyLicense(
    @Arg('number', () => String) _number: string,
    @Arg('input', () => StandardLicenseInput) _input: StandardLicenseInput,
    @Arg('certify', () => Boolean) _certify: boolean,
    @Ctx() context: Context,
  ): License {
    return notReleased(requireUser(context));
  }

  @Mutation(() => License, { description: '[filer] ACTION_REQUIRED → SUBMITTED, confirmed without change' })
  confirmLicense(@Arg('number', () => String) _number: string, @Ctx() context: Context): License {
    return notReleased(requireUser(context));
  }

  @Mutation(() => License, { description: '[filer] permanent' })
  cancelLicense(@Arg('number', () => String) _number: string, @Ctx() context: Context): License {
    return notReleased(requireUser(context));
  }

  @Mutation(() => SavedSearch, { description: '[filer]' })
  saveSearch(
    @Arg('name', () => String) _name: string,
    @Arg('filter', () => LicenseFilter) _filter: LicenseFilter,
    @Ctx() context: Context,
  ): SavedSearch {
    return notReleased(requireUser(context));
  }

  @Mutation(() => Boolean, { description: '[filer]' })
  deleteSavedSearch(@Arg('id', () => ID) _id: string, @Ctx() context: Context): boolean {
    return notReleased(requireUser(context));
  }

  @Mutation(() => License, { description: '[analyst] → ACTION_REQUIRED, emails the filer' })
  flagLicense(
    @Arg('number', () => String) _number: string,
    @Arg('flags', () => [FlagInput]) _flags: FlagInput[],
    @Arg('message', () => String) _message: string,
    @Ctx() context: Context,
  ): License {
    return notReleased(requireAnalyst(context));
  }

  @Mutation(() => License, { description: '[analyst]' })
  clearFlags(
    @Arg('number', () => String) _number: string,
    @Arg('note', () => String, { nullable: true }) _note: string | null,
    @Ctx() context: Context,
  ): License {
    return notReleased(requireAnalyst(context));
  }

  @Mutation(() => Publication, { description: '[analyst] publish everything issued up to now (or cutoff)' })
  publish(@Arg('cutoff', () => DateTimeScalar, { nullable: true }) _cutoff: Date | null, @Ctx() context: Context): Publication {
    return notReleased(requireAnalyst(context));
  }
}
