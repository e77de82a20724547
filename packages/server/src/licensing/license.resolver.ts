import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { requireAnalyst, requireUser } from '../graphql/context.js';
import { referenceData } from '../reference/reference-data.js';
import { cancelLicense } from './cancel-license.js';
import { confirmLicense } from './confirm-license.js';
import { findAnyLicense, findOwnLicense } from './find-license.js';
import {
  FlagInput,
  License,
  LicenseConnection,
  LicenseFilter,
  LicensePreview,
  LicenseProduct,
  LicenseVersion,
  LowValueLicenseInput,
  ReviewFilter,
  SavedSearch,
  StandardLicenseInput,
} from './license.model.js';
import { type LicenseRoot, type LicenseRow, toLicense, toLicenseProduct, toLicenseVersion } from './license-record.js';
import { type LicenseQuery, checkPageSize, listLicenses } from './list-licenses.js';
import { modifyLicense } from './modify-license.js';
import { previewLicense } from './preview-license.js';
import { clearFlags, flagLicenseByHand } from './review-license.js';
import { deleteSavedSearch, listSavedSearches, saveSearch } from './saved-searches.js';
import { submitLicense } from './submit-license.js';
import { submitLowValueLicense } from './submit-low-value-license.js';

async function licenseOf(context: Context, row: LicenseRow): Promise<LicenseRoot> {
  return toLicense(row, await referenceData(context.db));
}

async function licenseOrNull(context: Context, row: LicenseRow | undefined): Promise<LicenseRoot | null> {
  return row ? licenseOf(context, row) : null;
}

async function connection(context: Context, query: LicenseQuery, first: number | null, after: string | null, fallback: number): Promise<LicenseConnection> {
  const page = await listLicenses(context, query, { first: checkPageSize(first, fallback), after });
  const reference = await referenceData(context.db);
  return {
    edges: page.rows.map((row, index) => ({ cursor: page.cursors[index] ?? '', node: toLicense(row, reference) as License })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    totalCount: page.totalCount,
  };
}

/** Licenses (SPEC LIC, DASH, REV-1): each operation checks the role and calls one use case. */
@Resolver(() => License)
export class LicenseResolver {
  @Query(() => License, { nullable: true, description: "[filer] own company's license by number" })
  async license(@Arg('number', () => String) number: string, @Ctx() context: Context): Promise<LicenseRoot | null> {
    return licenseOrNull(context, await findOwnLicense(context.db, requireUser(context), number));
  }

  @Query(() => LicenseConnection, { description: '[filer]' })
  licenses(
    @Arg('filter', () => LicenseFilter, { nullable: true }) filter: LicenseFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: Context,
  ): Promise<LicenseConnection> {
    const { companyId } = requireUser(context);
    // An account without a company profile has filed nothing, and sees nothing.
    if (!companyId) return Promise.resolve({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
    return connection(context, { ...filter, companyId }, first, after, 25);
  }

  @Query(() => [SavedSearch], { description: '[filer]' })
  savedSearches(@Ctx() context: Context): Promise<SavedSearch[]> {
    return listSavedSearches(context, requireUser(context));
  }

  @Query(() => LicenseConnection, { description: '[analyst]' })
  reviewQueue(
    @Arg('filter', () => ReviewFilter, { nullable: true }) filter: ReviewFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: Context,
  ): Promise<LicenseConnection> {
    requireAnalyst(context);
    // REV-1: new and flagged licenses unless the analyst asks for others.
    const statuses = filter?.statuses?.length ? filter.statuses : (['SUBMITTED', 'CORRECTED', 'ACTION_REQUIRED'] as const);
    return connection(context, { ...filter, statuses }, first, after, 50);
  }

  @Query(() => License, { nullable: true, description: '[analyst] any license' })
  async reviewLicense(@Arg('number', () => String) number: string, @Ctx() context: Context): Promise<LicenseRoot | null> {
    requireAnalyst(context);
    return licenseOrNull(context, await findAnyLicense(context.db, number));
  }

  @FieldResolver(() => [LicenseProduct])
  async products(@Root() license: LicenseRoot, @Ctx() { db, loaders }: Context): Promise<LicenseProduct[]> {
    if (license.products) return license.products;
    const reference = await referenceData(db);
    return (await loaders.licenseProducts.load(license.id)).map((row) => toLicenseProduct(row, reference));
  }

  @FieldResolver(() => [LicenseVersion])
  async history(@Root() license: LicenseRoot, @Ctx() { loaders }: Context): Promise<LicenseVersion[]> {
    if (license.history) return license.history;
    return (await loaders.licenseHistory.load(license.id)).map(toLicenseVersion);
  }

  @Mutation(() => LicensePreview, { description: '[filer] validate and compute without writing' })
  previewLicense(@Arg('input', () => StandardLicenseInput) input: StandardLicenseInput, @Ctx() context: Context) {
    return previewLicense(context, requireUser(context), input);
  }

  @Mutation(() => License, { description: '[filer] certify must be true; a repeated idempotencyKey returns the first license' })
  async submitLicense(
    @Arg('input', () => StandardLicenseInput) input: StandardLicenseInput,
    @Arg('certify', () => Boolean) certify: boolean,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() context: Context,
  ): Promise<LicenseRoot> {
    return licenseOf(context, await submitLicense(context, requireUser(context), input, certify, idempotencyKey));
  }

  @Mutation(() => License, { description: '[filer]' })
  async submitLowValueLicense(
    @Arg('input', () => LowValueLicenseInput) input: LowValueLicenseInput,
    @Arg('certify', () => Boolean) certify: boolean,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() context: Context,
  ): Promise<LicenseRoot> {
    return licenseOf(context, await submitLowValueLicense(context, requireUser(context), input, certify, idempotencyKey));
  }

  @Mutation(() => License, { description: '[filer] → CORRECTED' })
  async modifyLicense(
    @Arg('number', () => String) number: string,
    @Arg('input', () => StandardLicenseInput) input: StandardLicenseInput,
    @Arg('certify', () => Boolean) certify: boolean,
    @Ctx() context: Context,
  ): Promise<LicenseRoot> {
    return licenseOf(context, await modifyLicense(context, requireUser(context), number, input, certify));
  }

  @Mutation(() => License, { description: '[filer] ACTION_REQUIRED → SUBMITTED, confirmed without change' })
  async confirmLicense(@Arg('number', () => String) number: string, @Ctx() context: Context): Promise<LicenseRoot> {
    return licenseOf(context, await confirmLicense(context, requireUser(context), number));
  }

  @Mutation(() => License, { description: '[filer] permanent' })
  async cancelLicense(@Arg('number', () => String) number: string, @Ctx() context: Context): Promise<LicenseRoot> {
    return licenseOf(context, await cancelLicense(context, requireUser(context), number));
  }

  @Mutation(() => SavedSearch, { description: '[filer]' })
  saveSearch(
    @Arg('name', () => String) name: string,
    @Arg('filter', () => LicenseFilter) filter: LicenseFilter,
    @Ctx() context: Context,
  ): Promise<SavedSearch> {
    return saveSearch(context, requireUser(context), name, filter);
  }

  @Mutation(() => Boolean, { description: '[filer]' })
  async deleteSavedSearch(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<boolean> {
    await deleteSavedSearch(context, requireUser(context), id);
    return true;
  }

  @Mutation(() => License, { description: '[analyst] → ACTION_REQUIRED, emails the filer' })
  async flagLicense(
    @Arg('number', () => String) number: string,
    @Arg('flags', () => [FlagInput]) flags: FlagInput[],
    @Arg('message', () => String) message: string,
    @Ctx() context: Context,
  ): Promise<LicenseRoot> {
    return licenseOf(context, await flagLicenseByHand(context, requireAnalyst(context), number, flags, message));
  }

  @Mutation(() => License, { description: '[analyst]' })
  async clearFlags(
    @Arg('number', () => String) number: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() context: Context,
  ): Promise<LicenseRoot> {
    return licenseOf(context, await clearFlags(context, requireAnalyst(context), number, note));
  }
}
